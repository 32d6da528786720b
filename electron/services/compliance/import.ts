/**
 * Import of formats.md §3–5 files (tickets, deposit ledger, violations), validated with the SAME
 * zod schemas the CLI uses, so a file `vendordesk sla|deposit|points` accepts imports and one it
 * rejects fails here with the same field paths. Each file streams record by record and is stored
 * whole or not at all (imports/file-import.ts); same id again = update.
 */
import { depositEntrySchema, depositLedgerSchema } from '../../../shared/deposit/schema';
import type { ComplianceImportResult, ImportFile } from '../../../shared/ipc/contract';
import type { CallContext } from '../../../shared/ipc/dispatch';
import { zodProblems } from '../../../shared/listing/parse';
import {
  orderSchema,
  violationSchemaFor,
  violationsFileSchema,
  type Violation,
} from '../../../shared/points/schema';
import { validateInput } from '../../../shared/policy/input-file';
import type { PolicyPack } from '../../../shared/policy/schema';
import { fastTicket } from '../../../shared/sla/fast-parse';
import { idCollisionMessage, ticketSchema, ticketsFileSchema, type Ticket } from '../../../shared/sla/schema';
import type { DepositEntry } from '../../../shared/deposit/schema';
import { readFileWhole, type FileImportContext, type WritePlan } from '../imports/file-import';
import { ProblemList } from '../imports/staged-import';
import type { Store } from '../db/database';
import { assertIdTypesMatch, type SlaContext } from '../repositories/tickets-repository';
import { AppError } from '../../../shared/ipc/errors';
import { textIn } from '../text';
import type { ComplianceRepositories } from './engines';
import type { z } from 'zod';

type Kind = NonNullable<ComplianceImportResult['kind']>;

/** Which §3–5 file this is, by its top-level field (the formats have no type tag). */
const kindMarkers: [Kind, string][] = [
  ['tickets', 'tickets'],
  ['ledger', 'entries'],
  ['violations', 'violations'],
];

/** Record arrays of §3–5 files; a violations file may carry `orders` (validated, not stored here). */
const recordArrays = ['tickets', 'entries', 'violations', 'orders'] as const;

/** Where each record array is stored (for the id-type check against stored records). */
const tables = { tickets: 'tickets', entries: 'deposit_ledger', violations: 'violations' } as const;

/** Records stored in one transaction when a file has no more (~20 µs each). */
const WHOLE_UP_TO = 5000;

/** A §3–5 record is a few hundred bytes; this is generous. */
const MAX_RECORD_BYTES = 1_000_000;

/**
 * refineIdCollisions (shared/sla/schema) record by record: `1` and `"1"` are one id. Only ids
 * that could collide are remembered — numbers, and strings that read as a whole number — so a
 * file of text ids keeps nothing.
 */
class IdCollisions {
  private readonly seen = new Map<string, { index: number; type: string }>();
  check(list: string, index: number, id: unknown): string | null {
    if (!isNumberLike(id)) return null;
    const key = String(id);
    const first = this.seen.get(key);
    if (!first) {
      this.seen.set(key, { index, type: typeof id });
      return null;
    }
    return first.type !== typeof id ? idCollisionMessage(list, first.index, key) : null;
  }
}

/**
 * 针对一事仅作一次处理: a violation id listed more than once in a file is one matter — stored once
 * (the last record wins, as `vendordesk points` counts it) — and the result names the ids so the
 * user knows the file said it twice. The first few ids are kept, and how many there were.
 */
export class RepeatedIds {
  static readonly SHOWN = 10;
  private readonly seen = new Set<string>();
  private readonly repeated = new Set<string>();
  readonly ids: string[] = [];
  note(id: unknown): void {
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const key = String(id);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      return;
    }
    if (this.repeated.has(key)) return;
    this.repeated.add(key);
    if (this.ids.length < RepeatedIds.SHOWN) this.ids.push(key);
  }
  /** The result field, when an id was repeated. */
  field(): { repeatedIds?: { ids: string[]; count: number } } {
    return this.repeated.size === 0 ? {} : { repeatedIds: { ids: this.ids, count: this.repeated.size } };
  }
}

const isNumberLike = (id: unknown): id is string | number =>
  typeof id === 'number' || (typeof id === 'string' && /^-?\d+$/.test(id));

/** A record's place, `tickets[3]` (built only for a problem: a file of good records never needs it). */
const at = (array: string, index: number) => `${array}[${index}]`;

const problemsOfSchema = (error: z.ZodError, prefix: string, line: number) =>
  zodProblems(error, prefix).map(({ kind: _kind, ...p }) => ({ ...p, line }));

export async function importComplianceFile(
  repos: ComplianceRepositories,
  db: Store['db'],
  packs: readonly PolicyPack[],
  file: ImportFile,
  now: number,
  sla: SlaContext | null,
  call: CallContext,
  context: FileImportContext,
): Promise<ComplianceImportResult> {
  const t = textIn(context.locale, 'imports');
  const provenance = { source: 'import' as const, sourceAt: now, sourceFile: file.name };
  let collisions = new Map<string, IdCollisions>(recordArrays.map((a) => [a, new IdCollisions()]));
  let repeatedViolations = new RepeatedIds();
  // Violations belong to a pack: each is checked against every enabled pack; the file goes to the
  // first pack that accepts all of them, else it is reported against the pack with fewest problems.
  const violationSchemas = packs.map((pack) => violationSchemaFor(pack));
  let packProblems = packs.map(() => new ProblemList());
  let kind: Kind | null = null;
  /** Record arrays met while reading: the kind of a file that did not read cleanly. */
  const seen = new Set<string>();
  let inserted = 0;
  let updated = 0;
  const counted = (counts: { inserted: number; updated: number }) => {
    inserted += counts.inserted;
    updated += counts.updated;
  };

  const outcome = await readFileWhole(file, call, context, {
    arrays: recordArrays,
    maxRecordBytes: MAX_RECORD_BYTES,
    record: (array, index, value, line, problems) => {
      const id = typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
      seen.add(array);
      const collision = collisions.get(array)!.check(array, index, id);
      if (collision) problems.add({ path: `${at(array, index)}.id`, message: collision, line });
      else if (isNumberLike(id) && array !== 'orders') {
        // A stored `1` and an incoming `"1"` are one id of another type: refused before anything is stored.
        try {
          assertIdTypesMatch(db, tables[array as keyof typeof tables], array, [id]);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          const [detail] = (error.details ?? []) as { message: string }[];
          problems.add({ path: `${at(array, index)}.id`, message: detail?.message ?? error.message, line });
        }
      }
      if (array === 'tickets') {
        // The plainly valid ticket takes the fast path (same result); anything else the schema, which names the problem.
        const fast = fastTicket(value);
        if (fast) return fast;
        const parsed = ticketSchema.safeParse(value);
        if (parsed.success) return parsed.data;
        for (const p of problemsOfSchema(parsed.error, at(array, index), line)) problems.add(p);
        return undefined;
      }
      if (array === 'entries') {
        const parsed = depositEntrySchema.safeParse(value);
        if (parsed.success) return parsed.data;
        for (const p of problemsOfSchema(parsed.error, at(array, index), line)) problems.add(p);
        return undefined;
      }
      if (array === 'orders') {
        const parsed = orderSchema.safeParse(value);
        if (!parsed.success)
          for (const p of problemsOfSchema(parsed.error, at(array, index), line)) problems.add(p);
        return undefined;
      }
      repeatedViolations.note(id);
      let accepted: Violation | undefined;
      violationSchemas.forEach((schema, k) => {
        const parsed = schema.safeParse(value);
        if (parsed.success) accepted ??= parsed.data as Violation;
        else for (const p of problemsOfSchema(parsed.error, at(array, index), line)) packProblems[k]!.add(p);
      });
      return accepted;
    },
    reset: () => {
      collisions = new Map(recordArrays.map((a) => [a, new IdCollisions()]));
      repeatedViolations = new RepeatedIds();
      packProblems = packs.map(() => new ProblemList());
      seen.clear();
    },
    plan: (top, staged, problems): WritePlan | null => {
      kind = kindMarkers.find(([, field]) => field in top)?.[0] ?? null;
      if (!kind) {
        problems.add({ path: '', message: t('problems.notComplianceFile') });
        return null;
      }
      // The file-level rules (an array where one belongs, the ledger's `required`) on the top level.
      const addAll = (result: { ok: boolean; problems?: { path: string; message: string }[] }) => {
        if (!result.ok)
          for (const { path, message } of result.problems ?? []) problems.add({ path, message });
      };
      if (kind === 'tickets') {
        addAll(validateInput(ticketsFileSchema, top));
        const store = (batch: unknown[]) =>
          counted(repos.tickets.upsertMany(batch as Ticket[], provenance, sla));
        return { array: 'tickets', total: staged.count('tickets'), store, wholeUpTo: WHOLE_UP_TO };
      }
      if (kind === 'ledger') {
        const ledger = validateInput(depositLedgerSchema, top);
        addAll(ledger);
        const required = ledger.ok ? ledger.value.required : undefined;
        const store = (batch: unknown[]) =>
          counted(repos.ledger.upsertMany(batch as DepositEntry[], provenance, required));
        return {
          array: 'entries',
          total: staged.count('entries'),
          store,
          storeWhenEmpty: true,
          wholeUpTo: WHOLE_UP_TO,
        };
      }
      const chosen = packs.findIndex(
        (pack, k) => packProblems[k]!.count === 0 && validateInput(violationsFileSchema(pack), top).ok,
      );
      if (chosen < 0) {
        const fewest = packProblems.reduce(
          (best, list, k) => (best < 0 || list.count < packProblems[best]!.count ? k : best),
          -1,
        );
        if (fewest >= 0) {
          addAll(validateInput(violationsFileSchema(packs[fewest]!), top));
          for (const p of packProblems[fewest]!.listed) problems.add(p);
          if (packProblems[fewest]!.omitted) problems.omitted += packProblems[fewest]!.omitted;
        }
        if (problems.count === 0)
          problems.add({ path: 'violations', message: t('problems.notComplianceFile') });
        return null;
      }
      const pack = packs[chosen]!;
      const store = (batch: unknown[]) =>
        counted(repos.violations.upsertMany(batch as Violation[], pack.id, provenance));
      return { array: 'violations', total: staged.count('violations'), store, wholeUpTo: WHOLE_UP_TO };
    },
  });
  const { stored: _stored, ...rest } = outcome;
  kind ??= kindMarkers.find(([, field]) => seen.has(field))?.[0] ?? null;
  return { ...rest, kind, inserted, updated, ...(kind === 'violations' ? repeatedViolations.field() : {}) };
}
