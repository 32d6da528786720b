import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../cli/commands/check';
import type { CliIO } from '../../../cli/io';
import { fixturesDir } from './helpers';

function fakeIO(cwd: string, stdin = '', isTTY = false) {
  let out = '';
  let err = '';
  const io: CliIO = {
    stdout: { write: (t: string) => (out += t), isTTY },
    stderr: { write: (t: string) => (err += t) },
    readStdin: async () => stdin,
    cwd,
    env: {},
  };
  return { io, out: () => out, err: () => err };
}

const repo = resolve(import.meta.dirname, '../../..');

describe('vendordesk check', () => {
  it('clean file: exit 0, JSON in the §2 shape', async () => {
    const t = fakeIO(fixturesDir);
    expect(await run(['clean-saas-crm.json', '--format', 'json'], t.io)).toBe(0);
    const json = JSON.parse(t.out()) as {
      results: { source: string; listingId: string; findings: { severity: string }[] }[];
    };
    expect(json.results).toHaveLength(1);
    expect(json.results[0]).toMatchObject({ source: 'clean-saas-crm.json', listingId: 'EX-CRM-01' });
    expect(json.results[0]!.findings.every((f) => f.severity === 'info')).toBe(true);
  });

  it('directory: recursive *.json, exit 1 for blockers; text lines file:line:col  severity  rule  message', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-check-'));
    mkdirSync(join(dir, 'nested'));
    copyFileSync(join(fixturesDir, 'clean-saas-crm.json'), join(dir, 'clean.json'));
    copyFileSync(join(fixturesDir, 'violating-image.json'), join(dir, 'nested', 'bad.json'));
    writeFileSync(join(dir, 'notes.txt'), 'not a listing');
    const t = fakeIO(dir);
    expect(await run(['.'], t.io)).toBe(1);
    const lines = t.out().trim().split('\n');
    // 「唯一」 is on line 7, column 24 of the fixture file (formats.md §2: a position in the file).
    expect(
      lines.some((l) =>
        /^nested\/bad\.json:7:24 {2}blocker {2}superlative {2}\[EX-IMG-02 description\] /.test(l),
      ),
    ).toBe(true);
    expect(t.out()).not.toContain('\x1b[');
    expect(t.out()).not.toContain('notes.txt');
  });

  it("line and column are positions in the file (the field text's escapes counted)", async () => {
    const listing = JSON.parse(
      await import('node:fs').then((fs) => fs.readFileSync(join(fixturesDir, 'clean-saas-crm.json'), 'utf8')),
    ) as Record<string, unknown>;
    listing.description = '第一行\n第二行有最优方案';
    const text = JSON.stringify(listing);
    const t = fakeIO(repo, text);
    expect(await run(['-'], t.io)).toBe(1);
    expect(t.out()).toMatch(new RegExp(`^-:1:${text.indexOf('最优') + 1} {2}blocker {2}superlative `, 'm'));
  });

  it('colours only on a TTY', async () => {
    const t = fakeIO(fixturesDir, '', true);
    await run(['violating-image.json'], t.io);
    expect(t.out()).toContain('\x1b[31m');
  });

  it('unreadable JSON: exit 2 naming file and line:col, other files still checked (2 wins over 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-check-'));
    writeFileSync(join(dir, 'broken.json'), '{\n  "title": "x",\n  oops\n}');
    copyFileSync(join(fixturesDir, 'violating-image.json'), join(dir, 'bad.json'));
    const t = fakeIO(dir);
    expect(await run(['broken.json', 'bad.json', '--format', 'json'], t.io)).toBe(2);
    expect(t.err()).toMatch(/^broken\.json:3:3: unreadable JSON/m);
    expect((JSON.parse(t.out()) as { results: unknown[] }).results).toHaveLength(1);
  });

  it('invalid listing: exit 2 naming the field', async () => {
    const t = fakeIO(
      repo,
      JSON.stringify({
        title: 'x',
        type: 'app',
        price: { amount: 1, currency: 'CNY', billing: 'monthly' },
        description: '',
      }),
    );
    expect(await run(['-'], t.io)).toBe(2);
    expect(t.err()).toMatch(/^-: type: invalid listing: 应为以下之一 \/ must be one of/m);
  });

  it('usage errors: exit 2', async () => {
    expect(await run([], fakeIO(repo).io)).toBe(2);
    expect(await run(['x.json', '--format', 'xml'], fakeIO(repo).io)).toBe(2);
    const missing = fakeIO(repo);
    expect(await run(['no-such-file.json'], missing.io)).toBe(2);
    expect(missing.err()).toContain('no-such-file.json: no such file or directory');
  });

  it('--rulepack FILE: a valid pack is used, an invalid one is refused naming the JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vd-pack-'));
    const pack = JSON.parse(
      readFileSync(join(repo, 'resources/rulepacks/jdcloud-marketplace-2019.json'), 'utf8'),
    ) as {
      termGroups: { id: string; rule: string; terms: string[]; judge?: unknown[] }[];
    };
    pack.termGroups.push({
      id: 'extra',
      rule: 'superlative',
      terms: ['天下无敌'],
      judge: [
        {
          if: { always: true },
          verdict: 'blocker',
          reason: { zh: '「{match}」是绝对化用语', en: '"{match}" is absolute' },
        },
      ],
    });
    writeFileSync(join(dir, 'pack.json'), JSON.stringify(pack));
    writeFileSync(
      join(dir, 'l.json'),
      JSON.stringify({
        ...JSON.parse(readFileSync(join(fixturesDir, 'clean-saas-crm.json'), 'utf8')),
        summary: '性能天下无敌',
      }),
    );
    const ok = fakeIO(dir);
    expect(await run(['l.json', '--rulepack', 'pack.json', '--format', 'json'], ok.io)).toBe(1);
    const found = (
      JSON.parse(ok.out()) as {
        results: { findings: { ruleId: string; match?: string; reason?: string }[] }[];
      }
    ).results[0]!.findings;
    expect(found.find((f) => f.match === '天下无敌')).toMatchObject({
      ruleId: 'superlative',
      reason: '「天下无敌」是绝对化用语',
    });

    pack.termGroups.at(-1)!.judge = [{ if: { next: '@noSuchClass' }, verdict: 'blocker' }];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(pack));
    const bad = fakeIO(dir);
    expect(await run(['l.json', '--rulepack', 'bad.json'], bad.io)).toBe(2);
    const n = pack.termGroups.length - 1;
    expect(bad.err()).toContain(`termGroups[${n}].judge[0].if: unknown word class "@noSuchClass"`);
    expect(bad.err()).toContain(`termGroups[${n}].judge[0].reason: a clause that reports needs a reason`);
    expect(bad.out()).toBe('');
  });

  it('end to end: node bin/vendordesk.mjs check', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/vendordesk.mjs', 'check', join(fixturesDir, 'violating-image.json'), '--format', 'json'],
      { cwd: repo, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as {
      results: { findings: { ruleId: string; severity: string }[] }[];
    };
    const blockers = new Set(
      json.results[0]!.findings.filter((f) => f.severity === 'blocker').map((f) => f.ruleId),
    );
    for (const rule of [
      'superlative',
      'brand-misuse',
      'external-link',
      'off-platform-trade',
      'independent-account-system',
      'privacy-harvesting',
      'official-site-missing',
      'service-terms-missing',
    ]) {
      expect(blockers.has(rule)).toBe(true);
    }
  });
});
