/**
 * Issue 17: a first run offers sample data; loaded, every compliance page has records (all from the
 * sample file, ids marked 示例-); removed in one step, the app is empty again and offers it again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/services/app-core';
import { createNodePlatform } from '../../electron/web/platform-node';
import type { ComplianceSnapshot } from '../../shared/ipc/contract';
import { SAMPLE_FILE_NAME } from '../../shared/sample/sample-data';
import { tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let core: AppCore;

beforeEach(() => {
  tmp = tempDir();
  core = createAppCore({
    platform: createNodePlatform({
      userDataDir: tmp.dir,
      appVersion: '1',
      now: () => new Date('2026-12-02T10:00:00+08:00'),
    }),
    mode: 'browser',
    alertIntervalMs: 0,
    log: () => undefined,
  });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

async function call<T = unknown>(channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

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
    await expect(call('app.loadSampleData', {})).rejects.toThrow(/invalid-input/);

    // A record of the user's own stays when the sample goes.
    await call('compliance.saveTicket', {
      ticket: {
        id: 'MINE',
        kind: 'consultation',
        openedAt: '2026-12-02T09:00:00+08:00',
        firstResponseAt: null,
      },
    });
    expect(await call('app.removeSampleData', {})).toEqual({ loaded: false, offered: false });
    const after = await call<ComplianceSnapshot>('compliance.snapshot', {});
    expect(after.ticketCount).toBe(1);
    expect(after.ledger).toBeNull();
    expect(after.violationCount).toBe(0);
    await call('compliance.delete', { kind: 'tickets', ids: ['MINE'] });
    expect(await call('app.sampleData', {})).toEqual({ loaded: false, offered: true });
  });
});
