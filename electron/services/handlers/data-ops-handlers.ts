/** Delete with undo (listings, tickets, ledger entries, violations) and export of §3–5 files (issue 17). */
import { formatBeijingIso } from '../../../shared/calendar/beijing';
import type { ComplianceKind } from '../../../shared/ipc/contract';
import { idKey } from '../repositories/tickets-repository';
import { Trash } from '../trash';
import type { HandlerContext, HandlerGroup } from './types';

type DataOpsChannels = 'listings.deleteMany' | 'compliance.delete' | 'compliance.export' | 'app.undoDelete';

const tables: Record<ComplianceKind, string> = {
  tickets: 'tickets',
  ledger: 'deposit_ledger',
  violations: 'violations',
};

export function dataOpsHandlers({ store, compliance, now }: HandlerContext): HandlerGroup<DataOpsChannels> {
  const trash = new Trash(store);
  const stamp = () => formatBeijingIso(now().getTime()).slice(0, 10).replaceAll('-', '');
  const file = (kind: string, body: unknown, count: number) => ({
    fileName: `vendordesk-${kind}-${stamp()}.json`,
    text: `${JSON.stringify(body, null, 2)}\n`,
    count,
  });
  return {
    'listings.deleteMany': ({ localIds }) =>
      trash.delete([
        { table: 'listings', key: 'local_id', values: localIds },
        { table: 'check_runs', key: 'local_id', values: localIds },
        // Dismissed findings (issue 15) belong to the listing too: they come back with it.
        { table: 'finding_dismissals', key: 'local_id', values: localIds },
      ]),
    'compliance.delete': ({ kind, ids }) =>
      trash.delete([{ table: tables[kind], key: 'id', values: ids.map(idKey) }]),
    'app.undoDelete': ({ undoToken }) => trash.undo(undoToken),
    'compliance.export': ({ kind }) => {
      if (kind === 'tickets') {
        const tickets = compliance.tickets.list().map((t) => ({
          id: t.id,
          kind: t.kind,
          openedAt: formatBeijingIso(t.openedAt),
          firstResponseAt: t.firstResponseAt === null ? null : formatBeijingIso(t.firstResponseAt),
          ...(t.staff !== undefined ? { staff: t.staff } : {}),
        }));
        return file('tickets', { tickets }, tickets.length);
      }
      if (kind === 'ledger') {
        const entries = compliance.ledger.list().map((e) => ({
          id: e.id,
          at: formatBeijingIso(e.at),
          type: e.type,
          amount: e.amount,
          reason: e.reason,
        }));
        return file(
          'deposit-ledger',
          { required: compliance.ledger.required() ?? 0, entries },
          entries.length,
        );
      }
      const violations = compliance.violations.list().map((v) => ({
        id: v.id,
        code: v.code,
        occurredAt: formatBeijingIso(v.occurredAt),
        decidedAt: v.decidedAt === null ? null : formatBeijingIso(v.decidedAt),
        ...(v.points !== undefined ? { points: v.points } : {}),
        ...(v.freezeDays !== undefined ? { freezeDays: v.freezeDays } : {}),
        ...(v.depositDeduction !== undefined ? { depositDeduction: v.depositDeduction } : {}),
      }));
      return file('violations', { violations }, violations.length);
    },
  };
}
