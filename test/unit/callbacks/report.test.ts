import { describe, expect, it } from 'vitest';
import { renderCallbackReport } from '../../../electron/services/callbacks/report';
import type { CallbackRun } from '../../../shared/ipc/contract';

const run: CallbackRun = {
  id: 7,
  url: 'http://127.0.0.1:1/notify?x=<b>',
  startedAt: '2026-12-01T10:00:00.000Z',
  finishedAt: '2026-12-01T10:00:02.000Z',
  state: 'done',
  summary: { pass: 0, fail: 1, skip: 0 },
  timeoutMs: 5000,
  retryIntervalMs: 1000,
  current: null,
  error: null,
  checks: [
    {
      id: 'token-accepted',
      status: 'fail',
      message: 'createInstance with a correct token was not accepted: HTTP 500 <script>alert(1)</script>',
      ms: 12,
      exchanges: [
        {
          label: 'createInstance',
          action: 'createInstance',
          url: 'http://127.0.0.1:1/notify?action=createInstance&token=******',
          params: [
            ['action', 'createInstance'],
            ['token', '******'],
          ],
          sentAt: '2026-12-01T10:00:00.000Z',
          ms: 12,
          outcome: 'answer',
          status: 500,
          body: '<html><script>alert(2)</script></html>',
        },
      ],
    },
  ],
};

describe('delivery-callback HTML report', () => {
  it('escapes what the endpoint answered and explains the failure in the chosen language', () => {
    const zh = renderCallbackReport(run, 'zh-CN');
    expect(zh).not.toMatch(/<script/i);
    expect(zh).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(zh).toContain('x=&lt;b&gt;');
    expect(zh).toContain('按规范计算 token');
    expect(zh).toContain('token=******');
    const en = renderCallbackReport(run, 'en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('Compute the token as the spec says');
  });
});
