/** Service tickets, deposit ledger and violations: import, manual entry, reports, what-if. */
import { depositLedgerSchema } from '../../../shared/deposit/schema';
import { AppError } from '../../../shared/ipc/errors';
import { violationsFileSchema } from '../../../shared/points/schema';
import { formatProblems, validateInput } from '../../../shared/policy/input-file';
import { formatBeijingIso } from '../../../shared/calendar/beijing';
import { dayOfDateString } from '../../../shared/calendar/beijing';
import {
  buildSnapshot,
  catalog,
  complianceConfig,
  ledgerRecord,
  runEngines,
  runWhatIf,
  ticketRecord,
  violationRecord,
} from '../compliance/engines';
import { slaContextOf } from '../compliance/ticket-sla';
import type { SlaContext } from '../repositories/tickets-repository';
import type { StoredViolation } from '../repositories/violations-repository';
import { importComplianceFile } from '../compliance/import';
import { fileImportContext } from '../imports/file-import';
import type { ComplianceImportResult } from '../../../shared/ipc/contract';
import type { HandlerContext, HandlerGroup } from './types';

type ComplianceChannels =
  | 'compliance.snapshot'
  | 'compliance.tickets'
  | 'compliance.ledger'
  | 'compliance.violations'
  | 'compliance.import'
  | 'compliance.saveTicket'
  | 'compliance.saveLedgerEntry'
  | 'compliance.setDepositRequired'
  | 'compliance.saveViolation'
  | 'compliance.appeal'
  | 'compliance.markSeen'
  | 'compliance.catalog'
  | 'compliance.calendar'
  | 'compliance.whatIf';

export function complianceHandlers(ctx: HandlerContext): HandlerGroup<ComplianceChannels> {
  const { compliance, settings, store } = ctx;
  const now = () => ctx.now().getTime();
  const manual = () => ({ source: 'manual' as const, sourceAt: now(), sourceFile: null });
  const evaluate = () => runEngines(compliance, settings.get(), now());
  /** After a change, let the alert scheduler look at once (a ticket may already be inside its lead time). */
  const changed = <T>(value: T): T => {
    try {
      compliance.alertService.tick();
    } catch {
      // The timer retries; a failed check must not fail the user's save.
    }
    return value;
  };
  /** The packs and calendar of the settings and policy packs in use now (both can change between calls). */
  const configNow = () => complianceConfig(settings.get(), compliance.policyPacks.current());
  /** A violation priced by the pack the engines count it with. */
  const record = (v: StoredViolation) => violationRecord(v, compliance.policyPacks.current());
  const slaContext = () => slaContextOf(configNow());
  /**
   * After a settings change the stored SLA columns are recomputed here, in batches with a yield
   * between them (other requests go first), before anything reads them.
   */
  const currentSla = async (): Promise<SlaContext | null> => {
    const sla = slaContext();
    if (sla && store.writable) {
      while (compliance.tickets.recomputeSla(sla) > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    return sla;
  };
  const writable = () => {
    if (!store.writable) throw new AppError('read-only', store.state.message ?? 'read-only');
  };

  return {
    'compliance.snapshot': async () => {
      await currentSla();
      return buildSnapshot(
        evaluate(),
        settings.get().complianceLastSeenAt,
        (ms) => compliance.alerts.countCreatedSince(ms),
        compliance.tickets,
      );
    },
    'compliance.tickets': async ({ from, to, ...query }) => {
      const sla = await currentSla();
      const at = now();
      if (!sla)
        return {
          at: formatBeijingIso(at),
          rows: [],
          total: 0,
          offset: 0,
          firstCursor: null,
          lastCursor: null,
        };
      const { rows, total, offset, firstCursor, lastCursor } = compliance.tickets.page(
        {
          ...query,
          fromDay: from === undefined ? undefined : dayOfDateString(from),
          toDay: to === undefined ? undefined : dayOfDateString(to),
        },
        sla,
        at,
      );
      return {
        at: formatBeijingIso(at),
        total,
        offset,
        firstCursor,
        lastCursor,
        rows: rows.map((t) => ({
          ...ticketRecord(t),
          deadline: formatBeijingIso(t.deadline),
          deadlineMs: t.deadline,
          status: t.status,
          responseSeconds: t.responseSeconds,
          timeLeftSeconds: t.timeLeftSeconds,
          serviceSecondsLeft: t.serviceSecondsLeft,
          calendarConfirmed: t.calendarConfirmed,
        })),
      };
    },
    'compliance.ledger': ({ query, types, offset, limit }) => {
      const { rows, total } = compliance.ledger.page({ offset, limit, query, types });
      return { rows: rows.map(ledgerRecord), total };
    },
    'compliance.violations': ({ query, offset, limit, around }) => {
      // A code's name in either language finds its violations (the packs' code tables).
      const needle = query?.trim().toLowerCase() ?? '';
      const codes = needle
        ? catalog(configNow()).packs.flatMap((pack) =>
            pack.codes
              .filter((c) => Object.values(c.text).some((text) => text.toLowerCase().includes(needle)))
              .map((c) => ({ policy: pack.id, code: c.code })),
          )
        : [];
      const page = compliance.violations.page({ offset, limit, query, codes, around });
      return {
        rows: page.rows.map(record),
        total: page.total,
        offset: page.offset,
      };
    },
    'compliance.import': async ({ files }, call) => {
      writable();
      const config = configNow();
      const sla = slaContextOf(config);
      const context = fileImportContext(
        ctx.platform.userDataDir,
        settings.get().locale,
        ctx.platform.uploads,
      );
      // Per file: one file failing in an unexpected way is that file's result (its open batch
      // rolled back), never a failed call after earlier files were committed.
      const results: ComplianceImportResult[] = [];
      const notImported = (name: string, more: Partial<ComplianceImportResult>): ComplianceImportResult => ({
        name,
        ok: false,
        kind: null,
        inserted: 0,
        updated: 0,
        problems: [],
        ...more,
      });
      for (const file of files) {
        if (call.signal.aborted) {
          await context.discard(file);
          results.push(notImported(file.name, { cancelled: true }));
          continue;
        }
        try {
          results.push(
            await importComplianceFile(compliance, store.db, config.packs, file, now(), sla, call, context),
          );
        } catch (error) {
          const message = `未导入 / not imported: ${error instanceof Error ? error.message : String(error)}`;
          results.push(notImported(file.name, { problems: [{ path: '', message }] }));
        }
      }
      return changed({ files: results });
    },
    'compliance.saveTicket': ({ ticket }) => {
      compliance.tickets.upsertMany([ticket], manual(), slaContext());
      return changed(ticketRecord(compliance.tickets.get(ticket.id)!));
    },
    'compliance.saveLedgerEntry': ({ entry }) => {
      compliance.ledger.upsertMany([entry], manual());
      const stored = compliance.ledger.list().find((e) => String(e.id) === String(entry.id))!;
      return changed(ledgerRecord(stored));
    },
    'compliance.setDepositRequired': ({ required }) => {
      // Same check as the ledger file's "required" field.
      const parsed = validateInput(depositLedgerSchema, { required, entries: [] });
      if (!parsed.ok) throw new AppError('invalid-input', formatProblems('required', parsed.problems));
      compliance.ledger.setRequired(required, manual());
      return changed({ ok: true as const });
    },
    'compliance.saveViolation': ({ policy, violation }) => {
      const config = configNow();
      const pack = policy ? config.packs.find((p) => p.id === policy) : config.packs[0];
      if (!pack) throw new AppError('invalid-input', `策略未启用 / policy ${policy ?? ''} is not enabled`);
      // The same schema as a violations file for this pack (codes checked against its table).
      const parsed = validateInput(violationsFileSchema(pack), { violations: [violation] });
      if (!parsed.ok) {
        throw new AppError('invalid-input', formatProblems('violation', parsed.problems), parsed.problems);
      }
      const [valid] = parsed.value.violations;
      compliance.violations.upsertMany([valid!], pack.id, manual());
      return changed(record(compliance.violations.get(valid!.id)!));
    },
    'compliance.appeal': ({ id, state, note }) =>
      changed(record(compliance.violations.setAppeal(id, state, note ?? null, now()))),
    'compliance.markSeen': () => {
      const lastSeenAt = formatBeijingIso(now());
      settings.update({ complianceLastSeenAt: lastSeenAt });
      return { lastSeenAt };
    },
    // The active self-check pack prices a rule (issue 15: a loaded pack may map rules to other codes).
    'compliance.catalog': () => catalog(configNow(), ctx.checker.compiled.pack),
    'compliance.calendar': ({ year, month }) => {
      const config = configNow();
      return { days: config.calendar.monthView(year, month), serviceHours: config.serviceHours };
    },
    'compliance.whatIf': (request) => runWhatIf(evaluate(), request, ctx.checker.compiled.pack),
  };
}
