/**
 * Issue 16 §3: JSON nested deeper than the parsers can follow used to overflow the stack in the
 * position scanner — the CLI printed a stack trace and exited 1, which scripts read as "blockers
 * found". Now every command refuses it as invalid input: exit 2, file:line:column and the reason,
 * no stack trace. Run through the real bin (a child process), as scripts run it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, offsetBeyondDepth, parseJsonWithPosition } from '../../shared/json/parse';
import { tempDir } from '../helpers/temp-dir';

const root = fileURLToPath(new URL('../../', import.meta.url));
let tmp: ReturnType<typeof tempDir>;
let broken: string;
let deepField: string;

beforeAll(() => {
  tmp = tempDir();
  broken = path.join(tmp.dir, 'broken.json');
  fs.writeFileSync(broken, '['.repeat(50_000) + ']'.repeat(49_999));
  deepField = path.join(tmp.dir, 'deep-field.json');
  fs.writeFileSync(
    deepField,
    `{"tickets":[{"id":1,"kind":"consultation","openedAt":"2026-01-05T09:00:00+08:00","firstResponseAt":null,"x":${'['.repeat(50_000)}${']'.repeat(50_000)}}]}`,
  );
});
afterAll(() => tmp.cleanup());

describe('deeply nested JSON on the command line', () => {
  for (const command of ['check', 'sla', 'deposit', 'points']) {
    it(`vendordesk ${command}: exit 2 with the position, no stack trace`, () => {
      for (const file of [broken, deepField]) {
        const result = spawnSync(process.execPath, ['bin/vendordesk.mjs', command, file], {
          cwd: root,
          encoding: 'utf8',
          timeout: 60_000,
        });
        expect(result.status, result.stderr).toBe(2);
        expect(result.stderr).toContain(`${file}:1:`);
        expect(result.stderr).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
        expect(result.stderr).not.toMatch(/\n\s+at |RangeError|Maximum call stack/);
      }
    });
  }
});

describe('depth scan', () => {
  it('counts brackets outside strings only, and reports the first one too deep', () => {
    expect(offsetBeyondDepth('[[1]]', 2)).toBe(-1);
    expect(offsetBeyondDepth('[[[1]]]', 2)).toBe(2);
    expect(offsetBeyondDepth('["[[[[", {"a": "\\"[[["}]', 2)).toBe(-1);
    expect(offsetBeyondDepth('[{}][{}]', 2)).toBe(-1);
  });

  it('a BOM and a depth at the limit still parse', () => {
    const atLimit = '['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH);
    expect(parseJsonWithPosition(`\ufeff${atLimit}`).ok).toBe(true);
    const over = parseJsonWithPosition(`\n [${atLimit}]`);
    expect(over).toMatchObject({ ok: false, problem: { line: 2, column: MAX_JSON_DEPTH + 2 } });
  });
});
