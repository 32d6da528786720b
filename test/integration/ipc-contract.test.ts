import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore, type AppCore } from '../../electron/services/app-core';
import { createNodePlatform } from '../../electron/web/platform-node';
import { channelNames, contract } from '../../shared/ipc/contract';
import { buildBridge } from '../../shared/ipc/bridge';
import { createDispatcher, type Handlers } from '../../shared/ipc/dispatch';
import { readExample, tempDir } from '../helpers/temp-dir';

let tmp: ReturnType<typeof tempDir>;
let core: AppCore;
const logged: string[] = [];

beforeEach(() => {
  tmp = tempDir();
  core = createAppCore({
    platform: createNodePlatform({
      userDataDir: tmp.dir,
      appVersion: '9.9.9',
      now: () => new Date('2026-11-23T02:00:00Z'),
    }),
    mode: 'browser',
    log: (m) => logged.push(m),
  });
});
afterEach(() => {
  core.close();
  tmp.cleanup();
});

const clean = readExample('clean-saas-crm.json');

describe('the dispatcher rejects payloads that break the contract with typed errors', () => {
  const cases: [string, unknown, unknown, string][] = [
    ['unknown channel', 'listings.drop', {}, 'unknown-channel'],
    ['non-string channel', 42, {}, 'unknown-channel'],
    ['prototype key as channel', '__proto__', {}, 'unknown-channel'],
    ['missing field', 'listings.get', {}, 'invalid-request'],
    ['wrong type', 'listings.get', { localId: 7 }, 'invalid-request'],
    ['extra field', 'listings.get', { localId: 'a', extra: true }, 'invalid-request'],
    ['array instead of object', 'listings.create', [], 'invalid-request'],
    ['string payload', 'settings.update', 'en', 'invalid-request'],
    ['bad enum', 'settings.update', { locale: 'fr' }, 'invalid-request'],
    [
      'listing without title',
      'listings.create',
      { listing: { ...(clean as object), title: undefined } },
      'invalid-request',
    ],
    [
      'negative price',
      'listings.create',
      { listing: { ...(clean as object), price: { amount: -1, currency: 'CNY', billing: 'yearly' } } },
      'invalid-request',
    ],
    [
      'three decimals',
      'listings.create',
      { listing: { ...(clean as object), price: { amount: 1.234, currency: 'CNY', billing: 'yearly' } } },
      'invalid-request',
    ],
    ['empty import', 'listings.import', { files: [] }, 'invalid-request'],
    [
      'oversized import file',
      'listings.import',
      { files: [{ name: 'x.json', text: 'x'.repeat(5_000_001) }] },
      'invalid-request',
    ],
    ['stale revision', 'listings.update', { localId: 'nope', revision: 1, listing: clean }, 'not-found'],
  ];
  it.each(cases)('%s', async (_label, channel, payload, code) => {
    const result = await core.dispatch(channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(0);
    }
  });

  it('names the offending field in details', async () => {
    const result = await core.dispatch('listings.create', { listing: { ...(clean as object), type: 'app' } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', details: [{ path: ['listing', 'type'] }] },
    });
  });
});

describe('handlers over the contract', () => {
  it('a contract channel without a handler answers unknown-channel, before the request is validated', async () => {
    const handlers = Object.fromEntries(
      channelNames.filter((name) => name !== 'app.status').map((name) => [name, () => null]),
    ) as unknown as Handlers;
    const dispatch = createDispatcher(handlers, () => undefined);
    expect(await dispatch('app.status', {})).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await dispatch('listings.get', {})).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
  });

  it('every contract channel has a bridge method and a handler', async () => {
    const bridge = buildBridge(
      async () => ({ ok: true, value: null }),
      () => () => undefined,
      async () => ({ ok: true, value: { uploadId: '', bytes: 0 } }),
    ) as unknown as Record<string, Record<string, unknown>>;
    for (const name of channelNames) {
      const [ns, method] = name.split('.') as [string, string];
      expect(typeof bridge[ns]?.[method]).toBe('function');
      const result = await core.dispatch(name, {});
      if (!result.ok) expect(result.error.code).not.toBe('unknown-channel');
    }
    expect(Object.keys(contract).sort()).toEqual([...channelNames].sort());
  });

  it('create → update → conflict → export → import round trip', async () => {
    const created = await core.dispatch('listings.create', { listing: clean });
    if (!created.ok) throw new Error(created.error.message);
    const record = created.value as { localId: string; revision: number };
    const updated = await core.dispatch('listings.update', {
      localId: record.localId,
      revision: 1,
      listing: { ...(clean as object), title: 'T2' },
    });
    expect(updated).toMatchObject({ ok: true, value: { revision: 2, listing: { title: 'T2' } } });
    const stale = await core.dispatch('listings.update', {
      localId: record.localId,
      revision: 1,
      listing: clean,
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const exported = await core.dispatch('listings.export', {});
    if (!exported.ok) throw new Error(exported.error.message);
    const file = exported.value as { fileName: string; text: string; count: number };
    expect(file.count).toBe(1);
    expect(file.fileName).toMatch(/^vendordesk-EX-CRM-01-20261123\.json$/);
    const imported = await core.dispatch('listings.import', {
      files: [{ name: file.fileName, text: file.text }],
    });
    // The same `id` updates the stored listing instead of adding a second one (issue 17).
    expect(imported).toMatchObject({
      ok: true,
      value: { files: [{ ok: true, imported: 1, added: 0, updated: 1 }] },
    });
    const list = await core.dispatch('listings.list', {});
    expect(list.ok && (list.value as { localId: string; revision: number }[])).toMatchObject([
      { localId: record.localId, revision: 3 },
    ]);
  });

  it('imports good files and reports bad ones per file, storing nothing from a bad file', async () => {
    const result = await core.dispatch('listings.import', {
      files: [
        {
          name: 'good.json',
          text: JSON.stringify({ listings: [clean, readExample('violating-image.json')] }),
        },
        { name: 'broken.json', text: '{\n  "title": "x",\n  oops\n}' },
        {
          name: 'half-bad.json',
          text: JSON.stringify({ listings: [clean, { ...(clean as object), price: { amount: 'free' } }] }),
        },
        { name: 'empty.json', text: '' },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    const files = (
      result.value as {
        files: {
          name: string;
          ok: boolean;
          imported: number;
          problems: { path: string; line?: number; message: string }[];
        }[];
      }
    ).files;
    expect(files.map((f) => [f.name, f.ok, f.imported])).toEqual([
      ['good.json', true, 2],
      ['broken.json', false, 0],
      ['half-bad.json', false, 0],
      ['empty.json', false, 0],
    ]);
    expect(files[1]?.problems[0]).toMatchObject({ line: 3 });
    expect(files[2]?.problems.map((p) => p.path)).toContain('listings[1].price.amount');
    expect(core.listings.count()).toBe(2);
  });

  it('reports the app status with the database state', async () => {
    expect(await core.dispatch('app.status', {})).toMatchObject({
      ok: true,
      value: { version: '9.9.9', mode: 'browser', database: { state: 'ok' }, dataDir: tmp.dir },
    });
  });
});
