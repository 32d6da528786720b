/**
 * An endpoint written differently from the reference one (no shared code: URLSearchParams,
 * its own signing, synchronous delivery, numeric instance ids, HTTP 200 with success false for a
 * refusal), correct and broken in the ways formats.md §6 lists: the verdicts come out right.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runCallbackTest } from '../../../electron/services/callbacks/tester';

const KEY = 'Independent_Key_2024';
type Mistake =
  | 'none'
  | 'unsigned'
  | 'random-ids'
  | 'one-per-order'
  | 'blocking'
  | 'string-success'
  | 'no-urls'
  | 'html-on-upgrade';

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function independent(mistake: Mistake): Promise<string> {
  const instances = new Map<string, number>();
  const created = new Set<number>();
  let next = 1000;
  const server = http.createServer((req, res) => {
    const query = new URL(req.url ?? '/', 'http://x').searchParams;
    const names = [...new Set(query.keys())].filter((n) => n !== 'token').sort();
    const base = names.map((n) => `${n}=${query.get(n) ?? ''}`).join('&') + `&key=${KEY}`;
    const expected = createHash('md5').update(Buffer.from(base, 'utf8')).digest('hex');
    const send = (body: unknown, status = 200) => {
      res.statusCode = status;
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(body));
    };
    if (mistake !== 'unsigned' && query.get('token') !== expected)
      return send({ success: false, message: 'sign error' });
    const action = query.get('action');
    if (action === 'createInstance') {
      const unitKey = mistake === 'one-per-order' ? query.get('orderId')! : query.get('orderBizId')!;
      let id = instances.get(unitKey);
      if (id === undefined || mistake === 'random-ids') {
        id = next++;
        instances.set(unitKey, id);
        created.add(id);
      }
      const answer = {
        instanceId: id,
        appInfo:
          mistake === 'no-urls'
            ? { username: 'u', password: 'p' }
            : { frontEndUrl: `https://saas.example/${id}`, username: 'u', password: 'p' },
        info: {},
      };
      if (mistake === 'blocking') setTimeout(() => send(answer), 700);
      else send(answer);
      return;
    }
    if (
      !['renewInstance', 'upgradeInstance', 'dilateInstance', 'expiredInstance', 'releaseInstance'].includes(
        action ?? '',
      )
    )
      return send({ success: false, message: 'unknown action' }, 400);
    if (!created.has(Number(query.get('instanceId'))))
      return send({ success: false, message: 'no such instance' });
    if (mistake === 'html-on-upgrade' && action === 'upgradeInstance') {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/html');
      return res.end(`<html><body><h1>Whitelabel Error Page</h1>${randomUUID()}</body></html>`);
    }
    send({
      success: mistake === 'string-success' && action === 'renewInstance' ? 'true' : true,
      message: 'ok',
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/jd/notify`;
}

const failedChecks = async (mistake: Mistake) => {
  const run = await runCallbackTest({
    url: await independent(mistake),
    key: KEY,
    timeoutMs: 400,
    retryIntervalMs: 10,
  });
  return { failed: run.checks.filter((c) => c.status === 'fail').map((c) => c.id), run };
};

describe('an independently written endpoint', () => {
  it('correct, delivering synchronously: all pass but create-queued-completes, which is skipped', async () => {
    const { failed, run } = await failedChecks('none');
    expect(failed).toEqual([]);
    expect(run.checks.filter((c) => c.status === 'skip').map((c) => c.id)).toEqual([
      'create-queued-completes',
    ]);
  });

  it.each([
    ['unsigned', ['token-rejected']],
    ['random-ids', ['create-idempotent']],
    ['one-per-order', ['per-unit-instances']],
    ['blocking', ['create-fast']],
    ['string-success', ['renew']],
    ['no-urls', ['create-shape']],
    ['html-on-upgrade', ['upgrade']],
  ] as Array<[Mistake, string[]]>)('%s: fails %j only', async (mistake, expected) => {
    expect((await failedChecks(mistake)).failed).toEqual(expected);
  });

  it('with the wrong key configured: token-accepted fails (and nothing is judged on a refused call)', async () => {
    const run = await runCallbackTest({
      url: await independent('none'),
      key: 'another-key',
      timeoutMs: 400,
      retryIntervalMs: 10,
    });
    expect(run.checks.filter((c) => c.status === 'fail').map((c) => c.id)).toEqual(['token-accepted']);
    expect(run.checks.find((c) => c.id === 'token-accepted')!.message).toMatch(/not accepted: success false/);
  });
});
