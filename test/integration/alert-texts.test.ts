/**
 * Issue 17: a new-violation alert names the matter (the code's name in the policy table) and its
 * consequence — the year's points after it, 清退 when the line is reached, freeze and deduction —
 * instead of "service-unavailable，3 分".
 */
import { describe, expect, it } from 'vitest';
import type { AlertRecord } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';
import { readFixture } from '../helpers/temp-dir';

const now = Date.parse('2026-09-03T12:00:00+08:00');

const app = useTempCore({ appVersion: '1', now: () => new Date(now) });
const { call } = app;

/** Brand misuse in March (12 points), fraud today (12 more: the 24-point line), one undecided. */
const violations = {
  violations: [
    ...(readFixture('alerts/violations-24-line.json') as { violations: unknown[] }).violations,
    { id: 'V-late', code: 'service-unavailable', occurredAt: '2026-09-03T09:00:00+08:00', decidedAt: null },
  ],
};

describe('new-violation alerts', () => {
  it('name the violation and the consequence, in Chinese', async () => {
    await call('compliance.import', {
      files: [{ name: 'violations.json', text: JSON.stringify(violations) }],
    });
    app.core.alerts.tick();
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
    app.core.alerts.tick();
    const { alerts } = await call<{ alerts: AlertRecord[] }>('alerts.recent', {});
    const fraud = alerts.find((a) => a.recordId === 'V-fraud')!;
    expect(fraud.body).toMatch(/12 points, 24 this year after it: expulsion/);
  });
});
