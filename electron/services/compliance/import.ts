/**
 * Import of formats.md §3–5 files (tickets, deposit ledger, violations), validated with the SAME
 * zod schemas the CLI uses, so a file `vendordesk sla|deposit|points` accepts imports and one it
 * rejects fails here with the same field paths. Each file is one transaction: a bad file changes
 * nothing, a good one is committed before the next starts. Same id again = update.
 */
import { depositLedgerSchema } from '../../../shared/deposit/schema';
import type { ComplianceImportResult } from '../../../shared/ipc/contract';
import { parseJsonWithPosition } from '../../../shared/json/parse';
import { violationsFileSchema } from '../../../shared/points/schema';
import { validateInput, type InputProblem } from '../../../shared/policy/input-file';
import type { PolicyPack } from '../../../shared/policy/schema';
import { fastTicketsFile } from '../../../shared/sla/fast-parse';
import { ticketsFileSchema } from '../../../shared/sla/schema';
import type { SlaContext } from '../repositories/tickets-repository';
import type { ComplianceRepositories } from './engines';

type Kind = NonNullable<ComplianceImportResult['kind']>;

/** Which §3–5 file this is, by its top-level field (the formats have no type tag). */
const kindMarkers: [Kind, string][] = [
  ['tickets', 'tickets'],
  ['ledger', 'entries'],
  ['violations', 'violations'],
];

function detectKind(value: unknown): Kind | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return kindMarkers.find(([, field]) => field in value)?.[0] ?? null;
}

const problemsOf = (problems: InputProblem[]) => problems.map(({ kind: _kind, ...p }) => p);

function failed(
  name: string,
  kind: Kind | null,
  problems: ComplianceImportResult['problems'],
): ComplianceImportResult {
  return { name, ok: false, kind, inserted: 0, updated: 0, problems };
}

export function importComplianceFile(
  repos: ComplianceRepositories,
  packs: readonly PolicyPack[],
  file: { name: string; text: string },
  now: number,
  sla: SlaContext | null = null,
): ComplianceImportResult {
  const { name, text } = file;
  const json = parseJsonWithPosition(text);
  if (!json.ok) return failed(name, null, [{ path: '', ...json.problem }]);
  const kind = detectKind(json.value);
  if (!kind) {
    return failed(name, null, [
      {
        path: '',
        message:
          '不是工单、保证金流水或违规文件：顶层应有 "tickets"、"entries" 或 "violations" / not a tickets, deposit ledger or violations file: expected a top-level "tickets", "entries" or "violations"',
      },
    ]);
  }
  const provenance = { source: 'import' as const, sourceAt: now, sourceFile: name };

  if (kind === 'tickets') {
    // The plainly valid file takes the fast path (same result); anything else the schema, which names the problem.
    const fast = fastTicketsFile(json.value);
    const parsed = fast ? ({ ok: true, value: fast } as const) : validateInput(ticketsFileSchema, json.value);
    if (!parsed.ok) return failed(name, kind, problemsOf(parsed.problems));
    return {
      name,
      ok: true,
      kind,
      ...repos.tickets.upsertMany(parsed.value.tickets, provenance, sla),
      problems: [],
    };
  }

  if (kind === 'ledger') {
    const parsed = validateInput(depositLedgerSchema, json.value);
    if (!parsed.ok) return failed(name, kind, problemsOf(parsed.problems));
    const counts = repos.ledger.upsertMany(parsed.value.entries, provenance, parsed.value.required);
    return { name, ok: true, kind, ...counts, problems: [] };
  }

  // Violations: codes belong to a pack; take the first enabled pack whose code table accepts the
  // whole file, else report against the pack with the fewest problems.
  let best: InputProblem[] | null = null;
  for (const pack of packs) {
    const parsed = validateInput(violationsFileSchema(pack), json.value);
    if (parsed.ok) {
      const counts = repos.violations.upsertMany(parsed.value.violations, pack.id, provenance);
      return { name, ok: true, kind, ...counts, problems: [] };
    }
    if (best === null || parsed.problems.length < best.length) best = parsed.problems;
  }
  return failed(name, kind, problemsOf(best ?? []));
}
