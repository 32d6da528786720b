/**
 * scripts/electronegativity.mjs: which Electronegativity findings fail the run (HIGH/MEDIUM not
 * explained), read from the CSV the tool writes. The tool itself runs in `npm run security:electron`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script without type declarations
import { findingsFromCsv, parseCsv, review } from '../../scripts/electronegativity.mjs';

const csv = `issue, severity, confidence, filename, location, sample, description, url
OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/main/window.ts","17:35","if (isSafeExternalUrl(url)) void shell.openExternal(url);","Review the use of openExternal",https://x
NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","electron/main/other.ts","3:1","nodeIntegration: true, ""quoted"", comma","Disable nodeIntegration",https://x
CSP_GLOBAL_CHECK,"LOW","TENTATIVE","electron/main/main.ts","94:17",N/A,"Failed to parse CSP, it may not be valid.",https://x
`;

describe('electronegativity review', () => {
  it('reads the CSV, quotes and commas included', () => {
    expect(parseCsv('a,"b,""c"""\n1,2\n')).toEqual([
      ['a', 'b,"c"'],
      ['1', '2'],
    ]);
    const findings = findingsFromCsv(csv);
    expect(findings).toHaveLength(3);
    expect(findings[1]).toMatchObject({
      check: 'NODE_INTEGRATION_JS_CHECK',
      severity: 'HIGH',
      file: 'electron/main/other.ts',
      location: '3:1',
    });
  });

  it('fails on a high or medium finding that is not explained; low ones and explained ones pass; stale entries are reported', () => {
    const explained = [
      { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/main/window.ts', reason: 'https only' },
      { check: 'PRELOAD_JS_CHECK', file: 'electron/main/gone.ts', reason: 'old' },
    ];
    const outcome = review(findingsFromCsv(csv), explained);
    expect(outcome.unexplained.map((f: { check: string }) => f.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(outcome.explained.map((f: { check: string }) => f.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK']);
    expect(outcome.other.map((f: { check: string }) => f.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(outcome.stale).toEqual([explained[1]]);
    // The same check in another file is not covered by an explanation for window.ts.
    const elsewhere = review(
      findingsFromCsv(csv.replace('electron/main/window.ts', 'electron/main/menu.ts')),
      explained,
    );
    expect(elsewhere.unexplained.map((f: { check: string }) => f.check)).toContain('OPEN_EXTERNAL_JS_CHECK');
  });

  it('every explanation in the project file gives a reason', () => {
    const file = JSON.parse(
      fs.readFileSync(
        path.resolve(import.meta.dirname, '../../security/electronegativity-explained.json'),
        'utf8',
      ),
    );
    expect(file.explained.length).toBeGreaterThan(0);
    for (const e of file.explained) expect(e.reason.length, `${e.check} ${e.file}`).toBeGreaterThan(40);
  });
});
