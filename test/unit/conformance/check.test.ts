/**
 * formats.md §2 conformance of `vendordesk check`: precision on ordinary technical listings,
 * recall on clear violations of every rule id, the JSON shape, UTF-16 spans, exit codes,
 * directories, stdin, unreadable files and the text format's file positions.
 * Listings: test/fixtures/conformance/check-listings.json (written from the rules, not the engine).
 */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import fixture from '../../fixtures/conformance/check-listings.json';
import { getFieldText } from '../../../shared/check/fields';
import { ruleIds } from '../../../shared/check/types';
import { listingSchema } from '../../../shared/listing/schema';
import { tempDir } from '../../helpers/temp-dir';
import { runCli } from './harness';

interface JsonFinding {
  ruleId: string;
  severity: string;
  field: string;
  start?: number;
  end?: number;
  match?: string;
  message: string;
  clause: string;
  penalty: { points: number; freezeDays: number | 'expel'; depositDeduction: number | 'all' } | null;
  suggestion: string;
}
interface JsonOutput {
  results: { source: string; listingId: string | null; findings: JsonFinding[] }[];
}

async function checkJson(listing: unknown) {
  const run = await runCli(['check', '-', '--format', 'json'], { stdin: JSON.stringify(listing) });
  return { ...run, out: JSON.parse(run.stdout) as JsonOutput };
}

/** §2: `field text.slice(start, end) === match`, offsets as JavaScript indexes the raw string. */
function expectSpansMatch(listing: unknown, findings: JsonFinding[]) {
  const parsed = listingSchema.parse(listing);
  for (const f of findings) {
    if (f.start === undefined) {
      expect(f.end).toBeUndefined();
      continue;
    }
    expect(getFieldText(parsed, f.field)?.slice(f.start, f.end)).toBe(f.match);
  }
}

describe('vendordesk check: ordinary compliant listings raise no blocker and no warning', () => {
  it.each(fixture.compliant.map((l) => [`${l.id} ${l.title}`, l] as const))('%s', async (_name, listing) => {
    const { code, out, stderr } = await checkJson(listing);
    expect(stderr).toBe('');
    const serious = out.results[0]!.findings.filter((f) => f.severity !== 'info');
    expect(serious).toEqual([]);
    expect(code).toBe(0);
    expectSpansMatch(listing, out.results[0]!.findings);
  });
});

describe('vendordesk check: clear violations are caught', () => {
  it('covers every rule id of §2', () => {
    const covered = new Set(fixture.violating.flatMap((v) => v.expect.map((e) => e.ruleId)));
    expect([...covered].sort()).toEqual([...ruleIds].sort());
  });

  it.each(
    fixture.violating.map((v) => [`${v.listing.id} ${v.expect.map((e) => e.ruleId).join(', ')}`, v] as const),
  )('%s', async (_name, { listing, expect: expected }) => {
    const { code, out } = await checkJson(listing);
    const findings = out.results[0]!.findings;
    for (const e of expected) {
      expect(findings).toContainEqual(expect.objectContaining(e));
    }
    expect(code).toBe(findings.some((f) => f.severity === 'blocker') ? 1 : 0);
    expect(code).toBe(expected.some((e) => e.severity === 'blocker') ? 1 : 0);
    expectSpansMatch(listing, findings);
  });
});

describe('vendordesk check --format json shape (§2)', () => {
  it('has results[].source, listingId and findings with the §2 fields; whole-field findings have no span', async () => {
    const listing = { ...fixture.violating[0]!.listing, officialSite: null, id: undefined };
    const { out } = await checkJson(listing);
    expect(Object.keys(out)).toEqual(['results']);
    const result = out.results[0]!;
    expect(result.source).toBe('-');
    expect(result.listingId).toBeNull();
    for (const f of result.findings) {
      expect(f).toEqual(
        expect.objectContaining({
          ruleId: expect.any(String),
          severity: expect.stringMatching(/^(blocker|warning|info)$/),
          field: expect.any(String),
          message: expect.any(String),
          clause: expect.any(String),
          suggestion: expect.any(String),
        }),
      );
      expect(ruleIds).toContain(f.ruleId);
      if (f.penalty !== null)
        expect(Object.keys(f.penalty).sort()).toEqual(['depositDeduction', 'freezeDays', 'points']);
    }
    const site = result.findings.find((f) => f.ruleId === 'official-site-missing')!;
    expect(site).not.toHaveProperty('start');
    expect(site).not.toHaveProperty('end');
    expect(site.penalty).toEqual({ points: 6, freezeDays: 0, depositDeduction: 0 });
  });

  it('spans are UTF-16 offsets: astral characters before a hit count twice', async () => {
    const listing = { ...fixture.compliant[0]!, description: '🚀🚀 性能最优的数据库服务' };
    const { out } = await checkJson(listing);
    const hit = out.results[0]!.findings.find((f) => f.ruleId === 'superlative')!;
    expect(hit).toMatchObject({ field: 'description', start: 7, end: 9, match: '最优' });
  });
});

describe('vendordesk check files, directories and exit codes (§2)', () => {
  const tmp = tempDir('vendordesk-conformance-');
  afterAll(() => tmp.cleanup());
  const write = (rel: string, content: string) => {
    const file = path.join(tmp.dir, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };
  const good = JSON.stringify(fixture.compliant[0], null, 2);
  const bad = JSON.stringify({ listings: [fixture.violating[0]!.listing, fixture.compliant[1]] }, null, 2);
  write('ok/a.json', good);
  write('ok/nested/b.json', good);
  write('ok/notes.txt', 'not json, not checked');
  write('mixed/1-good.json', good);
  write('mixed/2-broken.json', '{\n  "title": "x",\n  "type": "tool",\n  oops\n}\n');
  write('mixed/3-violating.json', bad);
  write('mixed/4-invalid.json', JSON.stringify({ ...fixture.compliant[0], type: 'game' }));
  write('violating.json', bad);

  it('exit 0: a directory of compliant listings, searched recursively for *.json only', async () => {
    const run = await runCli(['check', 'ok', '--format', 'json'], { cwd: tmp.dir });
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(out.results.map((r) => r.source)).toEqual([
      path.join('ok', 'a.json'),
      path.join('ok', 'nested', 'b.json'),
    ]);
  });

  it('exit 1: at least one blocker; every listing of a {listings} file is reported', async () => {
    const run = await runCli(['check', 'violating.json', '--format', 'json'], { cwd: tmp.dir });
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(out.results.map((r) => r.listingId)).toEqual(['L-100', 'L-2']);
  });

  it('exit 2: unreadable or invalid files are named with line:col or field, the others still checked', async () => {
    const run = await runCli(['check', 'mixed', '--format', 'json'], { cwd: tmp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${path.join('mixed', '2-broken.json')}:4:3`);
    expect(run.stderr).toMatch(/4-invalid\.json.*type/);
    const out = JSON.parse(run.stdout) as JsonOutput;
    expect(out.results.map((r) => r.source)).toEqual([
      path.join('mixed', '1-good.json'),
      path.join('mixed', '3-violating.json'),
      path.join('mixed', '3-violating.json'),
    ]);
  });

  it('exit 2: a missing file, other arguments still checked', async () => {
    const run = await runCli(['check', 'nope.json', 'ok/a.json', '--format', 'json'], { cwd: tmp.dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('nope.json');
    expect((JSON.parse(run.stdout) as JsonOutput).results).toHaveLength(1);
  });

  it('reads standard input for "-"', async () => {
    const run = await runCli(['check', '-'], { stdin: bad });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^-:\d+:\d+ {2}blocker {2}superlative {2}/m);
  });

  it('text format: `file:line:col  severity  rule  message`, positions in the file (escapes counted)', async () => {
    const text =
      '{\n  "id": "P",\n  "title": "唯一\\n工具",\n  "type": "tool",\n' +
      '  "price": { "amount": 1, "currency": "CNY", "billing": "monthly" },\n' +
      '  "description": "\\"京\\u4e1c云\\"官方 最优",\n  "runsOnJdCloud": false\n}\n';
    write('pos.json', text);
    const run = await runCli(['check', 'pos.json'], { cwd: tmp.dir });
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    const summary = lines.pop();
    expect(summary).toMatch(/1 file/);
    for (const line of lines)
      expect(line).toMatch(/^pos\.json:\d+:\d+ {2}(blocker|warning|info) {2}[a-z-]+ {2}\S/);
    expect(lines).toContainEqual(expect.stringMatching(/^pos\.json:3:13 {2}blocker {2}superlative {2}/));
    expect(lines).toContainEqual(expect.stringMatching(/^pos\.json:6:21 {2}blocker {2}brand-misuse {2}/));
    expect(lines).toContainEqual(expect.stringMatching(/^pos\.json:6:34 {2}blocker {2}superlative {2}/));
    expect(lines).toContainEqual(expect.stringMatching(/^pos\.json:7:20 {2}blocker {2}not-on-jdcloud {2}/));
    expect(lines).toContainEqual(
      expect.stringMatching(/^pos\.json:1:1 {2}blocker {2}service-terms-missing {2}/),
    );
  });

  it('end to end: `node bin/vendordesk.mjs check <dir> --format json`', () => {
    const bin = path.resolve(import.meta.dirname, '../../../bin/vendordesk.mjs');
    const child = spawnSync(process.execPath, [bin, 'check', 'mixed', '--format', 'json'], {
      cwd: tmp.dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('2-broken.json:4:3');
    expect((JSON.parse(child.stdout) as JsonOutput).results).toHaveLength(3);
  }, 60_000);
});
