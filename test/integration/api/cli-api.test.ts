/**
 * `vendordesk api` against a sandbox started here: in-process through `run`, and once end to end
 * through `node bin/vendordesk.mjs` (the "done when": the profile, and 401 with a wrong secret).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/api';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { sandboxEnv, terminal } from '../../helpers/fake-io';

let sandbox: Sandbox;
let env: Record<string, string>;
const cwd = mkdtempSync(join(tmpdir(), 'vendordesk-cli-api-'));

const fakeIO = (extraEnv: Record<string, string> = {}) => terminal(cwd, { ...env, ...extraEnv });

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, seed: 'cli', listings: 5, tickets: 5, orders: 3, vendors: 1 });
  env = sandboxEnv(sandbox);
});
afterAll(async () => {
  await sandbox.close();
});

describe('vendordesk api (in-process)', () => {
  it('GETs the vendor profile and prints the envelope', async () => {
    const t = fakeIO();
    expect(await run(['GET', '/v1/regions/cn-north-1/vendor'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ result: { vendorId: sandbox.credentials[0]!.vendorId } });
  });

  it('sends --query parameters', async () => {
    const t = fakeIO();
    expect(
      await run(
        ['GET', '/v1/regions/cn-north-1/listings', '--query', 'pageSize=2', '--query', 'pageNumber=1'],
        t.io,
      ),
    ).toBe(0);
    expect(JSON.parse(t.out()).result.listings).toHaveLength(2);
  });

  it('POSTs a --body file (relative to cwd) with a generated idempotency key', async () => {
    writeFileSync(
      join(cwd, 'draft.json'),
      JSON.stringify({
        draft: {
          title: '命令行创建',
          type: 'tool',
          price: { amount: 1, currency: 'CNY', billing: 'monthly' },
          description: '说明',
        },
      }),
    );
    const t = fakeIO();
    expect(await run(['POST', '/v1/regions/cn-north-1/listings', '--body', 'draft.json'], t.io)).toBe(0);
    expect(JSON.parse(t.out()).result.draft.title).toBe('命令行创建');
  });

  it('a write whose answer is cut off: exit 1 with the key to retry with; the retry with it creates nothing new', async () => {
    writeFileSync(
      join(cwd, 'draft-cut.json'),
      JSON.stringify({
        draft: {
          title: '回答被截断',
          type: 'tool',
          price: { amount: 1, currency: 'CNY', billing: 'monthly' },
          description: '说明',
        },
      }),
    );
    const count = async () => {
      const t = fakeIO();
      await run(['GET', '/v1/regions/cn-north-1/listings'], t.io);
      return JSON.parse(t.out()).result.totalCount as number;
    };
    const before = await count();
    const cut = fakeIO();
    expect(
      await run(
        [
          'POST',
          '/v1/regions/cn-north-1/listings',
          '--body',
          'draft-cut.json',
          '--header',
          'x-sandbox-fault=truncate',
        ],
        cut.io,
      ),
    ).toBe(1);
    const hint = /--header (x-jdcloud-idempotency-key)=(\S+)/.exec(cut.err());
    expect(hint, cut.err()).not.toBeNull();
    expect(await count()).toBe(before + 1); // the server did apply it
    const retry = fakeIO();
    expect(
      await run(
        [
          'POST',
          '/v1/regions/cn-north-1/listings',
          '--body',
          'draft-cut.json',
          '--header',
          `${hint![1]}=${hint![2]}`,
        ],
        retry.io,
      ),
    ).toBe(0);
    expect(JSON.parse(retry.out()).result.draft.title).toBe('回答被截断');
    expect(await count()).toBe(before + 1);
  });

  it('prints the error envelope and exits 1 for a wrong secret', async () => {
    const t = fakeIO({ VENDORDESK_SECRET_KEY: 'wrong' });
    expect(await run(['GET', '/v1/regions/cn-north-1/vendor'], t.io)).toBe(1);
    expect(JSON.parse(t.out())).toMatchObject({ error: { code: 401, status: 'UNAUTHENTICATED' } });
  });

  it('--dry-run prints the signed request, reproducibly with --date and --nonce', async () => {
    const args = [
      'GET',
      '/v1/regions/cn-north-1/vendor',
      '--dry-run',
      '--date',
      '2019-09-17T06:47:08Z',
      '--nonce',
      'n-1',
      '--endpoint',
      'https://example.test',
    ];
    const a = fakeIO({ VENDORDESK_ACCESS_KEY: 'ak', VENDORDESK_SECRET_KEY: 'sk' });
    const b = fakeIO({ VENDORDESK_ACCESS_KEY: 'ak', VENDORDESK_SECRET_KEY: 'sk' });
    expect(await run(args, a.io)).toBe(0);
    await run(args, b.io);
    const printed = JSON.parse(a.out());
    expect(a.out()).toBe(b.out());
    expect(Object.keys(printed)).toEqual(['method', 'url', 'headers']);
    expect(printed).toMatchObject({
      method: 'GET',
      url: 'https://example.test/v1/regions/cn-north-1/vendor',
    });
    expect(printed.headers).toMatchObject({ 'x-jdcloud-date': '20190917T064708Z', 'x-jdcloud-nonce': 'n-1' });
    expect(printed.headers.authorization).toMatch(
      /^JDCLOUD3-HMAC-SHA256 Credential=ak\/20190917\/cn-north-1\/market\/jdcloud3_request, SignedHeaders=x-jdcloud-date;x-jdcloud-nonce, Signature=[0-9a-f]{64}$/,
    );
    expect(a.out()).not.toContain('"sk"');
  });

  it('--service and --region change the scope', async () => {
    const t = fakeIO();
    await run(
      ['GET', '/v1/regions/cn-south-1/vendor', '--dry-run', '--service', 'vm', '--region', 'cn-south-1'],
      t.io,
    );
    expect(JSON.parse(t.out()).headers.authorization).toContain('/cn-south-1/vm/jdcloud3_request');
  });

  it.each([
    [['GET'], /expected <METHOD> <path>/],
    [['FETCH', '/v1'], /unknown method/],
    [['GET', 'v1/x'], /must start with \//],
    [['GET', '/v1', '--query', 'novalue'], /expected k=v/],
    [['GET', '/v1', '--date', 'yesterday'], /--date/],
    [['POST', '/v1', '--body', 'missing.json'], /cannot read/],
    [['GET', '/v1', '--bogus'], /Unknown option/],
  ])('usage error %j exits 2', async (args, message) => {
    const t = fakeIO();
    expect(await run(args, t.io)).toBe(2);
    expect(t.err()).toMatch(message);
  });

  it('exits 2 without credentials', async () => {
    const t = fakeIO({ VENDORDESK_ACCESS_KEY: '' });
    expect(await run(['GET', '/v1/regions/cn-north-1/vendor'], t.io)).toBe(2);
    expect(t.err()).toContain('VENDORDESK_ACCESS_KEY');
  });
});

describe('vendordesk api (spawned)', () => {
  const bin = join(import.meta.dirname, '../../../bin/vendordesk.mjs');
  const exec = promisify(execFile);

  it('returns the profile with the printed credentials, and 401 with a wrong secret', async () => {
    const ok = await exec(
      process.execPath,
      [bin, 'api', 'GET', '/v1/regions/cn-north-1/vendor', '--endpoint', sandbox.url],
      { env: { ...process.env, ...env } },
    );
    expect(JSON.parse(ok.stdout).result.vendorId).toBe(sandbox.credentials[0]!.vendorId);
    const bad = await exec(process.execPath, [bin, 'api', 'GET', '/v1/regions/cn-north-1/vendor'], {
      env: { ...process.env, ...env, VENDORDESK_SECRET_KEY: 'wrong' },
    }).catch((error: { code: number; stdout: string }) => error);
    expect('code' in bad ? bad.code : 0).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({
      requestId: expect.any(String),
      error: { code: 401, status: 'UNAUTHENTICATED' },
    });
  });
});
