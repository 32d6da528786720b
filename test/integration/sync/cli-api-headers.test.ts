/**
 * `vendordesk api` (issue 10 item 7): a repeated `--header k=v` is one multi-valued header, signed
 * value by value — JD Cloud's signing vector 22 reproduces through the CLI — and
 * `--idempotency-key KEY|none` sets or omits the key of a mutation.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/api';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import { sandboxEnv, terminal } from '../../helpers/fake-io';

let sandbox: Sandbox;
const cwd = mkdtempSync(join(tmpdir(), 'vd-cli-api-headers-'));

const fakeIO = (env: Record<string, string>) => terminal(cwd, env);

interface Vector {
  序号: string;
  'AK/SK': string;
  method: string;
  serviceName: string;
  host: string;
  默认header: string;
  path: string;
  Authorization: string;
}

beforeAll(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: 'cli-headers',
    listings: 1,
    tickets: 1,
    orders: 1,
    vendors: 1,
    selfCheck: null,
  });
});
afterAll(async () => {
  await sandbox.close();
});

describe('vendordesk api --header (multi-valued)', () => {
  it('reproduces signing vector 22 through the CLI', async () => {
    const vectors = (
      JSON.parse(
        readFileSync(join(import.meta.dirname, '../../fixtures/jdcloud3-signer-vectors.json'), 'utf8'),
      ) as { 测试用例: Vector[] }
    ).测试用例;
    const v = vectors.find((x) => x.序号 === '22')!;
    const defaults = JSON.parse(v.默认header) as Record<string, string | string[]>;
    const [ak, sk] = v['AK/SK'].split('/') as [string, string];
    const headerArgs: string[] = [];
    for (const [name, value] of Object.entries(defaults)) {
      if (name === 'X-Jdcloud-Date' || name === 'X-Jdcloud-Nonce') continue;
      for (const one of Array.isArray(value) ? value : [value]) headerArgs.push('--header', `${name}=${one}`);
    }
    const date = defaults['X-Jdcloud-Date'] as string;
    const iso = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${date.slice(9, 11)}:${date.slice(11, 13)}:${date.slice(13, 15)}Z`;
    const t = fakeIO({ VENDORDESK_ACCESS_KEY: ak, VENDORDESK_SECRET_KEY: sk });
    const code = await run(
      [
        v.method,
        v.path,
        '--dry-run',
        '--endpoint',
        v.host,
        '--service',
        v.serviceName,
        '--date',
        iso,
        '--nonce',
        defaults['X-Jdcloud-Nonce'] as string,
        ...headerArgs,
      ],
      t.io,
    );
    expect(t.err()).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(t.out()).headers.authorization).toBe(v.Authorization);
  });
});

describe('vendordesk api --idempotency-key', () => {
  const env = () => sandboxEnv(sandbox);
  const body = () => {
    writeFileSync(
      join(cwd, 'draft.json'),
      JSON.stringify({
        draft: {
          title: '幂等键',
          type: 'tool',
          price: { amount: 1, currency: 'CNY', billing: 'monthly' },
          description: '说明文字',
        },
      }),
    );
    return ['--body', 'draft.json'];
  };

  it('KEY: the same key twice is one mutation (the second answer is the replay)', async () => {
    const a = fakeIO(env());
    expect(
      await run(
        ['POST', '/v1/regions/cn-north-1/listings', ...body(), '--idempotency-key', 'cli-key-0001'],
        a.io,
      ),
    ).toBe(0);
    const b = fakeIO(env());
    expect(
      await run(
        ['POST', '/v1/regions/cn-north-1/listings', ...body(), '--idempotency-key', 'cli-key-0001'],
        b.io,
      ),
    ).toBe(0);
    expect(JSON.parse(b.out()).result.id).toBe(JSON.parse(a.out()).result.id);
    const c = fakeIO(env());
    expect(await run(['POST', '/v1/regions/cn-north-1/listings', ...body()], c.io)).toBe(0);
    expect(JSON.parse(c.out()).result.id).not.toBe(JSON.parse(a.out()).result.id);
  });

  it('none: sends no key (the sandbox refuses the mutation), and a --dry-run shows none', async () => {
    const t = fakeIO(env());
    expect(
      await run(['POST', '/v1/regions/cn-north-1/listings', ...body(), '--idempotency-key', 'none'], t.io),
    ).toBe(1);
    expect(t.out()).toMatch(/x-jdcloud-idempotency-key/);
    const d = fakeIO(env());
    expect(
      await run(
        ['POST', '/v1/regions/cn-north-1/listings', ...body(), '--idempotency-key', 'none', '--dry-run'],
        d.io,
      ),
    ).toBe(0);
    expect(JSON.parse(d.out()).headers['x-jdcloud-idempotency-key']).toBeUndefined();
  });

  it('refuses a malformed key or two ways of giving it (exit 2)', async () => {
    expect(
      await run(['POST', '/v1/regions/cn-north-1/listings', '--idempotency-key', 'short'], fakeIO(env()).io),
    ).toBe(2);
    expect(
      await run(
        [
          'POST',
          '/x',
          '--idempotency-key',
          'cli-key-0002',
          '--header',
          'x-jdcloud-idempotency-key=cli-key-0003',
        ],
        fakeIO(env()).io,
      ),
    ).toBe(2);
  });
});
