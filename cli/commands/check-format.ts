/** Text output of `vendordesk check`: one line per finding, `file:line:col  severity  rule  message`. */
import { lineColumnAt } from '../../shared/json/parse';
import { getFieldText } from '../../shared/check/fields';
import type { Listing } from '../../shared/listing/schema';
import type { Finding, Severity } from '../../shared/check/types';

const colours: Record<Severity, string> = { blocker: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m' };
const RESET = '\x1b[0m';
const DIM = '\x1b[2m';

/** 1-based line and column of the finding inside its field's text (1:1 for whole-field findings). */
export function findingPosition(listing: Listing, finding: Finding): { line: number; column: number } {
  if (finding.start === undefined) return { line: 1, column: 1 };
  return lineColumnAt(getFieldText(listing, finding.field) ?? '', finding.start);
}

export function formatFindingLine(source: string, listing: Listing, finding: Finding, colour: boolean): string {
  const { line, column } = findingPosition(listing, finding);
  const where = listing.id ? `${listing.id} ${finding.field}` : finding.field;
  const severity = colour ? `${colours[finding.severity]}${finding.severity.padEnd(7)}${RESET}` : finding.severity.padEnd(7);
  const penalty = finding.penalty
    ? ` (${finding.clause}; ${finding.penalty.points} 分${typeof finding.penalty.freezeDays === 'number' ? (finding.penalty.freezeDays ? `, 冻结 ${finding.penalty.freezeDays} 天` : '') : ', 清退'}${finding.penalty.depositDeduction === 'all' ? ', 扣除全部保证金' : finding.penalty.depositDeduction ? `, 扣保证金 ${finding.penalty.depositDeduction} 元` : ''})`
    : ` (${finding.clause})`;
  const field = colour ? `${DIM}[${where}]${RESET}` : `[${where}]`;
  return `${source}:${line}:${column}  ${severity}  ${finding.ruleId}  ${field} ${finding.message}${penalty}\n`;
}

export function formatSummary(counts: Record<Severity, number>, listings: number, files: number): string {
  return `${files} file(s), ${listings} listing(s): ${counts.blocker} blocker(s), ${counts.warning} warning(s), ${counts.info} info\n`;
}
