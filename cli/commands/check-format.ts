/**
 * Text output of `vendordesk check` (formats.md §2): one line per finding,
 * `file:line:col  severity  rule  message`, with exactly two spaces between the parts and the
 * position in the listing file itself (see shared/check/source-position.ts), so editors and
 * `grep`-style tools can jump to it.
 */
import type { Listing } from '../../shared/listing/schema';
import type { SourcePosition } from '../../shared/check/source-position';
import type { Finding, Severity } from '../../shared/check/types';

const colours: Record<Severity, string> = { blocker: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

export function formatFindingLine(
  source: string,
  position: SourcePosition,
  listing: Listing,
  finding: Finding,
  colour: boolean,
): string {
  const { line, column } = position;
  const where = listing.id ? `${listing.id} ${finding.field}` : finding.field;
  const severity = colour ? `${colours[finding.severity]}${finding.severity}${RESET}` : finding.severity;
  const penalty = finding.penalty
    ? ` (${finding.clause}; ${finding.penalty.points} 分${typeof finding.penalty.freezeDays === 'number' ? (finding.penalty.freezeDays ? `, 冻结 ${finding.penalty.freezeDays} 天` : '') : ', 清退'}${finding.penalty.depositDeduction === 'all' ? ', 扣除全部保证金' : finding.penalty.depositDeduction ? `, 扣保证金 ${finding.penalty.depositDeduction} 元` : ''})`
    : ` (${finding.clause})`;
  const field = colour ? `${DIM}[${where}]${RESET}` : `[${where}]`;
  const reason = finding.reason ? ` 理由：${finding.reason}` : '';
  return `${source}:${line}:${column}  ${severity}  ${finding.ruleId}  ${field} ${finding.message}${penalty}${reason}\n`;
}

export function formatSummary(counts: Record<Severity, number>, listings: number, files: number): string {
  return `${files} file(s), ${listings} listing(s): ${counts.blocker} blocker(s), ${counts.warning} warning(s), ${counts.info} info\n`;
}
