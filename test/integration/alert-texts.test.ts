/**
 * Issue 17: a new-violation alert names the matter (the code's name in the policy table) and its
 * consequence — the year's points after it, 清退 when the line is reached, freeze and deduction —
 * instead of "service-unavailable，3 分".
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/services/app-core';
import { createNodePlatform } from '../../electron/web/platform-node';
import type { AlertRecord } from '../../shared/ipc/contract';
import { tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let core: AppCore;
const now = Date.parse('2026-09-03T12:00:00+08:00');

async function call<T = unknown>(channel: string, payload: unknown): Promise<T> {
  const result = await core.dispatch(channel, payload);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

beforeEach(() => {
  tmp = tempDir();
  core = createAppCore({
    platform: createNodePlatform({ userDataDir: tmp.dir, appVersion: '1', now: () => new Date(now) }),
    mode: 'browser',
    alertIntervalMs: 0,
    log: () => undefined,
  });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const violations = {
  violations: [
    // Earlier this year: 12 points.
    {
      id: 'V-brand',
      code: 'brand-misuse',
      occurredAt: '2026-03-01T10:00:00+08:00',
      decidedAt: '2026-03-05T10:00:00+08:00',
    },
    // Today: 12 more — the 24-point line.
    {
      id: 'V-fraud',
      code: 'fraud',
      occurredAt: '2026-09-01T10:00:00+08:00',
      decidedAt: '2026-09-03T10:00:00+08:00',
    },
    { id: 'V-late', code: 'service-unavailable', occurredAt: '2026-09-03T09:00:00+08:00', decidedAt: null },
  ],
};

describe('new-violation alerts', () => {
  it('name the violation and the consequence, in Chinese', async () => {
    await call('compliance.import', {
      files: [{ name: 'violations.json', text: JSON.stringify(violations) }],
    });
    core.alerts.tick();
    const { alerts } = await call<{ alerts: AlertRecord[] }>('alerts.recent', {});
    const fraud = alerts.find((a) => a.recordId === 'V-fraud')!;
    expect(fraud.title).toMatch(/^新的违规记录：V-fraud（[^a-z]+）$/);
    expect(fraud.title).not.toContain('fraud）');
    expect(fraud.body).toContain('扣 12 分，本次扣分后累计 24 分：清退');
    expect(fraud.body).toContain('冻结服务 15 天');
    expect(fraud.body).toContain('扣除保证金 5,000 元');
    const late = alerts.find((a) => a.recordId === 'V-late')!;
    expect(late.body).toContain('尚未判定');
    expect(late.body).not.toMatch(/service-unavailable/);
    for (const a of alerts) expect(`${a.title}${a.body}`).not.toMatch(/[a-z]+-[a-z]+/);
  });

  it('and in English', async () => {
    await call('settings.update', { locale: 'en' });
    await call('compliance.import', {
      files: [{ name: 'violations.json', text: JSON.stringify(violations) }],
    });
    core.alerts.tick();
    const { alerts } = await call<{ alerts: AlertRecord[] }>('alerts.recent', {});
    const fraud = alerts.find((a) => a.recordId === 'V-fraud')!;
    expect(fraud.body).toMatch(/12 points, 24 this year after it: expulsion/);
  });
});
