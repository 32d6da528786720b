import { describe, expect, it } from 'vitest';
import {
  answeredInstance,
  instanceIdOf,
  judgeCreateFast,
  judgeCreateShape,
  judgeQueuedCompletes,
  judgeSuccess,
  judgeTokenRejected,
  maskSecrets,
  readJson,
  summarize,
  type CreateSeries,
  type Outcome,
} from '../../../shared/callbacks/checks';

const answer = (
  body: string,
  status = 200,
  extra: Partial<Extract<Outcome, { kind: 'answer' }>> = {},
): Outcome => ({
  kind: 'answer',
  status,
  contentType: 'application/json',
  body,
  bytes: body.length,
  truncated: false,
  ms: 5,
  ...extra,
});
const series = (outcomes: Outcome[], instanceId: string | null, stillQueued = false): CreateSeries => ({
  what: 'createInstance orderBizId=1',
  outcomes,
  final: outcomes.at(-1)!,
  instanceId,
  stillQueued,
});

describe('reading answers', () => {
  it('names an HTML error page, a non-JSON body, an empty body, a cut-off body and a JSON array', () => {
    const html = readJson(
      answer('<!DOCTYPE html><title>502 Bad Gateway</title>', 502, { contentType: 'text/html' }),
    );
    expect(html).toMatchObject({ ok: false });
    expect(!html.ok && html.problem).toMatch(/HTML.*not JSON.*502 Bad Gateway/);
    expect(!readJson(answer('OK')).ok && (readJson(answer('OK')) as { problem: string }).problem).toMatch(
      /not JSON \(OK\)/,
    );
    expect(readJson(answer(''))).toMatchObject({ ok: false, problem: expect.stringMatching(/empty body/) });
    expect(readJson(answer('{"instanceId":1', 200, { truncated: true }))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/cut off/),
    });
    expect(readJson(answer('[1]'))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not an object/),
    });
    expect(readJson(answer('\uFEFF{"instanceId":"a"}'))).toEqual({ ok: true, json: { instanceId: 'a' } });
  });

  it('reads instanceId as a number or a string, 0 and "0" as queued', () => {
    expect(instanceIdOf({ instanceId: 0 })).toEqual({ kind: 'zero' });
    expect(instanceIdOf({ instanceId: '0' })).toEqual({ kind: 'zero' });
    expect(instanceIdOf({ instanceId: 444181 })).toEqual({ kind: 'id', id: '444181' });
    expect(instanceIdOf({ instanceId: ' abc ' })).toEqual({ kind: 'id', id: 'abc' });
    expect(instanceIdOf({})).toEqual({ kind: 'missing' });
    expect(instanceIdOf({ instanceId: null })).toEqual({ kind: 'invalid', shown: 'null' });
  });

  it('does not count a non-2xx answer or success false as an instance', () => {
    expect(answeredInstance(answer('{"instanceId":5}', 403)).kind).toBe('unusable');
    expect(answeredInstance(answer('{"instanceId":5,"success":false}')).kind).toBe('unusable');
    expect(answeredInstance(answer('{"instanceId":5}'))).toEqual({ kind: 'id', id: '5' });
  });
});

describe('verdicts', () => {
  it('token-rejected fails when a wrong token finally yields an instance, passes on a refusal or a JSON without one', () => {
    expect(
      judgeTokenRejected(series([answer('{"instanceId":0}'), answer('{"instanceId":9}')], '9')).status,
    ).toBe('fail');
    expect(judgeTokenRejected(series([answer('{"success":false}', 401)], null)).status).toBe('pass');
    expect(judgeTokenRejected(series([answer('{"message":"bad token"}')], null)).status).toBe('pass');
    expect(judgeTokenRejected(series([{ kind: 'timeout', ms: 20000 }], null)).status).toBe('fail');
  });

  it('create-fast fails naming the slow call, passes at the limit', () => {
    const calls = [
      { label: 'a', outcome: answer('{}', 200, { ms: 5000 }) },
      { label: 'b', outcome: answer('{}', 200, { ms: 10 }) },
    ];
    expect(judgeCreateFast(calls, 5000).status).toBe('pass');
    const verdict = judgeCreateFast(calls, 4999);
    expect(verdict.status).toBe('fail');
    expect(verdict.message).toMatch(/1 of 2 .*a: 5000 ms.*instanceId 0 at once/);
  });

  it('create-queued-completes skips when nothing was queued, fails when still queued', () => {
    expect(judgeQueuedCompletes(series([answer('{"instanceId":7}')], '7')).status).toBe('skip');
    expect(
      judgeQueuedCompletes(series([answer('{"instanceId":0}'), answer('{"instanceId":7}')], '7')).status,
    ).toBe('pass');
    expect(
      judgeQueuedCompletes(series([answer('{"instanceId":0}'), answer('{"instanceId":0}')], null, true))
        .message,
    ).toMatch(/still answered instanceId 0 after 2 tries/);
  });

  it('create-shape needs appInfo with frontEndUrl or adminUrl', () => {
    expect(
      judgeCreateShape(series([answer('{"instanceId":7,"appInfo":{"adminUrl":"https://x"}}')], '7')).status,
    ).toBe('pass');
    expect(
      judgeCreateShape(series([answer('{"instanceId":7,"appInfo":{"username":"u"}}')], '7')).status,
    ).toBe('fail');
    expect(judgeCreateShape(series([answer('{"instanceId":7}')], '7')).status).toBe('fail');
  });

  it('lifecycle checks need success true (not "true", not a 500)', () => {
    expect(judgeSuccess('renew', answer('{"success":true}')).status).toBe('pass');
    expect(judgeSuccess('renew', answer('{"success":"true"}')).status).toBe('fail');
    expect(judgeSuccess('renew', answer('{"success":true}', 500)).status).toBe('fail');
    expect(judgeSuccess('renew', answer('<html>oops</html>', 200)).status).toBe('fail');
  });

  it('summarizes and masks', () => {
    expect(
      summarize([{ status: 'pass' }, { status: 'fail' }, { status: 'skip' }, { status: 'pass' }]),
    ).toEqual({ pass: 2, fail: 1, skip: 1 });
    expect(maskSecrets('key=secret-key token=abcd1234', ['secret-key', 'abcd1234'])).toBe(
      'key=****** token=******',
    );
  });
});

describe('answer limit', () => {
  it('waits 4× the timeout, and at least 15 s beyond it', async () => {
    const { answerLimitMs } = await import('../../../shared/callbacks/checks');
    expect(answerLimitMs(5000)).toBe(20_000);
    expect(answerLimitMs(500)).toBe(15_500);
    expect(answerLimitMs(10_000)).toBe(40_000);
  });
});
