/**
 * Issue 17: a first run offers sample data; loaded, every compliance page has records (all from the
 * sample file, ids marked 示例-) and the Listings page has checked sample listings; removed in one
 * step — with the alerts its records raised — the app is empty again and offers it again.
 */
import { describe, expect, it } from 'vitest';
import type { ComplianceSnapshot, ResponseOf } from '../../shared/ipc/contract';
import { SAMPLE_FILE_NAME } from '../../shared/sample/sample-data';
import { useTempCore } from '../helpers/temp-core';

const temp = useTempCore({ now: () => new Date('2026-12-02T10:00:00+08:00') });
const { call } = temp;

describe('sample data', () => {
  it('is offered on an empty app, loads marked records and is removed in one step', async () => {
    expect(await call('app.sampleData', {})).toEqual({ loaded: false, offered: true });
    expect(await call('app.loadSampleData', {})).toEqual({ loaded: true, offered: false });
    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(snapshot.ticketCount).toBe(4);
    expect(snapshot.deposit?.shortfall).toBe(2000);
    const violations = await call<{ rows: { id: string }[] }>('compliance.violations', {
      offset: 0,
      limit: 20,
    });
    expect(violations.rows.map((v) => v.id)).toEqual(['示例-V1']);
    expect(snapshot.violationCount).toBe(1);
    const tickets = await call<{ rows: { id: string; sourceFile: string; status: string }[] }>(
      'compliance.tickets',
      { offset: 0, limit: 20 },
    );
    expect(tickets.rows.every((t) => t.id.startsWith('示例-') && t.sourceFile === SAMPLE_FILE_NAME)).toBe(
      true,
    );
    expect(new Set(tickets.rows.map((t) => t.status))).toEqual(new Set(['met', 'breached', 'pending']));
    await expect(call('app.loadSampleData', {})).rejects.toMatchObject({ code: 'invalid-input' });

    // A record of the user's own stays when the sample goes.
    await call('compliance.saveTicket', {
      ticket: {
        id: 'MINE',
        kind: 'consultation',
        openedAt: '2026-12-02T09:00:00+08:00',
        firstResponseAt: null,
      },
    });
    expect(await call('app.removeSampleData', {})).toMatchObject({ loaded: false, offered: false });
    const after = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(after.ticketCount).toBe(1);
    expect(after.ledger).toBeNull();
    expect(after.violationCount).toBe(0);
    await call('compliance.delete', { kind: 'tickets', ids: ['MINE'] });
    expect(await call('app.sampleData', {})).toEqual({ loaded: false, offered: true });
  });

  it('brings listings checked on arrival, marked as sample, which go with the rest', async () => {
    await call('app.loadSampleData', {});
    const page = await call<ResponseOf<'checks.page'>>('checks.page', { offset: 0, limit: 50 });
    expect(page.total).toBe(3);
    for (const row of page.rows) {
      expect(row.title).toMatch(/^【示例】/);
      expect(row.listingId).toMatch(/^示例-P\d$/);
      expect(row.check, `${row.title} was checked when it was stored`).not.toBeNull();
    }
    const counts = page.rows.map((r) => r.check!.counts);
    // One ready to submit, one with blockers, one with a warning only: the page shows each state.
    expect(counts.filter((c) => c.blockers > 0)).toHaveLength(1);
    expect(counts.filter((c) => c.blockers === 0 && c.warnings > 0)).toHaveLength(1);
    expect(counts.filter((c) => c.blockers === 0 && c.warnings === 0)).toHaveLength(1);

    // A listing of the user's own stays.
    await call('listings.create', {
      listing: {
        title: '我的商品',
        type: 'application',
        price: { amount: 100, currency: 'CNY', billing: 'monthly' },
        description: '说明',
      },
    });
    await call('app.removeSampleData', {});
    const left = await call<ResponseOf<'checks.page'>>('checks.page', { offset: 0, limit: 50 });
    expect(left.rows.map((r) => r.title)).toEqual(['我的商品']);
    expect(await call('app.sampleData', {})).toEqual({ loaded: false, offered: false });
  });

  it('removes the alerts its records raised, and names them, keeping the alerts of the user’s records', async () => {
    await call('app.loadSampleData', {});
    await call('compliance.saveTicket', {
      ticket: { id: 'MINE', kind: 'complaint', openedAt: '2026-12-02T09:35:00+08:00', firstResponseAt: null },
    });
    // The sample's complaint is due at 10:08, the user's at 10:05: both within the 10-minute lead.
    temp.core.alerts.tick();
    const recent = async () =>
      (await call<ResponseOf<'alerts.recent'>>('alerts.recent', { afterId: 0 })).alerts;
    const raised = await recent();
    const sampleAlerts = raised.filter((a) => a.recordId.startsWith('示例-') || a.kind === 'deposit-due');
    expect(sampleAlerts.map((a) => a.kind)).toContain('ticket-deadline');
    expect(raised.filter((a) => a.recordId === 'MINE')).toHaveLength(1);

    const removed = await call<ResponseOf<'app.removeSampleData'>>('app.removeSampleData', {});
    expect(removed.removedAlerts.sort()).toEqual(sampleAlerts.map((a) => a.id).sort());
    expect((await recent()).map((a) => a.recordId)).toEqual(['MINE']);
    // Nothing of the sample is raised again once it is gone.
    expect(temp.core.alerts.tick().raised).toEqual([]);
  });
});
