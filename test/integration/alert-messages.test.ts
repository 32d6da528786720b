/**
 * Issue 14: alerts are stored as a code with parameters and worded when shown, so an alert
 * raised in Chinese reads in English after a switch; rows stored before (migration 0011, no
 * message) still show their stored words.
 */
import { describe, expect, it } from 'vitest';
import { alertText } from '../../shared/i18n/alert-text';
import { createI18n } from '../../shared/i18n/create-i18n';
import type { AlertRecord } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';

const now = Date.parse('2026-09-03T12:00:00+08:00');

const app = useTempCore({ appVersion: '1', now: () => new Date(now) });
const { call } = app;

const en = createI18n('en').getFixedT('en', 'alerts');
const zh = createI18n('zh-CN').getFixedT('zh-CN', 'alerts');

describe('stored alerts', () => {
  it('keep code and parameters, and read in the language of the moment', async () => {
    await call('compliance.import', {
      files: [
        {
          name: 'violations.json',
          text: JSON.stringify({
            violations: [
              {
                id: 'V-1',
                code: 'fraud',
                occurredAt: '2026-09-01T10:00:00+08:00',
                decidedAt: '2026-09-03T10:00:00+08:00',
              },
            ],
          }),
        },
      ],
    });
    app.core.alerts.tick();
    const { alerts } = await call<{ alerts: AlertRecord[] }>('alerts.recent', {});
    const alert = alerts.find((a) => a.recordId === 'V-1')!;
    expect(alert.title).toMatch(/^新的违规记录：V-1（/);
    expect(alert.message).toMatchObject({ code: 'new-violation', violationCode: 'fraud', points: 12 });
    const english = alertText(en, 'en', alert);
    expect(english.title).toMatch(/^New violation: V-1 \(/);
    expect(english.body).toContain('12 points, 12 this year after it');
    expect(english.body).toContain('service frozen for 15 days');
    expect(alertText(zh, 'zh-CN', alert)).toEqual({ title: alert.title, body: alert.body });
  });

  it('stored before 0009 (no message) still show their words', async () => {
    app.core.store.write((db) =>
      db
        .prepare(
          `INSERT INTO alerts (kind, record_id, deadline, title, body, route, created_at)
           VALUES ('deposit-due', 'deposit', 1, '保证金待补足', '缺口 100 元', '/deposit', 1)`,
        )
        .run(),
    );
    const { alerts } = await call<{ alerts: AlertRecord[] }>('alerts.recent', {});
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.message).toBeNull();
    expect(alertText(en, 'en', alerts[0]!)).toEqual({ title: '保证金待补足', body: '缺口 100 元' });
  });
});
