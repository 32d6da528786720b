/**
 * The labelled dev corpus (../shared/corpus/listings-dev, written independently of the code) as a
 * regression test: per listing × scored rule id, a rule counts as found when a finding of it is a
 * blocker or a warning — the same scoring as shared/tools/score-listings.mjs. Issue 15 asks for
 * precision and recall ≥ 0.97 here; an unseen set of the same kind decides the issue, so nothing
 * in the engine or the pack refers to these files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import { parseListingFile } from '../../../shared/listing/parse';

const dir = resolve(import.meta.dirname, '../../../../shared/corpus/listings-dev');
const SCORED = [
  'superlative',
  'external-link',
  'official-site-missing',
  'delisting-strategy-missing',
  'brand-misuse',
  'off-platform-trade',
  'privacy-harvesting',
  'independent-account-system',
];

/** Scores one labelled folder: files matching `pattern`, labels in its labels.json. */
function score(folder: string, pattern: RegExp) {
  const labels = JSON.parse(readFileSync(join(folder, 'labels.json'), 'utf8')) as Record<
    string,
    { expect: string[] }
  >;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const file of readdirSync(folder).filter((f) => pattern.test(f))) {
    const name = file.replace(/\.json$/, '');
    const parsed = parseListingFile(readFileSync(join(folder, file), 'utf8'));
    // A listing §1 refuses (Y01: a per-call price with four decimals) gets no findings, as
    // `vendordesk check` reports none for it (exit 2); its label still counts.
    const got = new Set(
      (parsed.ok ? parsed.listings : [])
        .flatMap((l) => checkListing(l))
        .filter((f) => f.severity !== 'info' && SCORED.includes(f.ruleId))
        .map((f) => f.ruleId as string),
    );
    const want = new Set(labels[name]?.expect ?? []);
    for (const rule of SCORED) {
      if (want.has(rule) && got.has(rule)) tp++;
      else if (got.has(rule)) {
        fp++;
        misses.push(`${name}:+${rule}`);
      } else if (want.has(rule)) {
        fn++;
        misses.push(`${name}:-${rule}`);
      }
    }
  }
  return { tp, precision: tp / (tp + fp), recall: tp / (tp + fn), misses };
}

describe('labelled dev corpus', () => {
  it('is there (shared/ beside the repository)', () => {
    expect(existsSync(join(dir, 'labels.json')), `${dir}/labels.json`).toBe(true);
  });
  it('precision and recall ≥ 0.97', () => {
    const { tp, precision, recall, misses } = score(dir, /^L\d+\.json$/);
    expect({ precision: precision >= 0.97, recall: recall >= 0.97, misses }).toEqual({
      precision: true,
      recall: true,
      misses: expect.any(Array),
    });
    expect(tp).toBeGreaterThan(80);
  });
});

/**
 * The sets written independently in sessions 8 and 9 (test/fixtures/labelled-sets/README.md):
 * sets 1–5 were used to find misreadings after their first scoring, so they are kept here at the
 * scores that work reached (the floor is a little under each), not as a measure of unseen text;
 * sets 6–8 likewise since session 10 tuned on them (rule pack 2.4.0; first sight 0.844/0.864,
 * 0.755/0.952, 0.853/0.806).
 */
describe('labelled regression sets', () => {
  const sets = resolve(import.meta.dirname, '../../fixtures/labelled-sets');
  it.each([
    ['set1', 0.97, 0.97],
    ['set2', 0.97, 0.95],
    ['set3', 0.95, 0.95],
    ['set4', 0.97, 0.97],
    ['set5', 0.97, 0.95],
    ['set6', 0.97, 0.97],
    ['set7', 0.97, 0.97],
    ['set8', 0.97, 0.97],
    // Session 10's set T, tuned on after its first sight (0.535 / 0.844 on the pack that had
    // just been tuned on sets 6–8).
    ['set9', 0.97, 0.97],
    // Set S: first sight on 94f7df0 (after the set T pass) 0.765 / 0.848, then tuned on.
    ['set10', 0.97, 0.97],
    // Sets U and V: first sight on 3f05cc3 (U 0.688 / 0.767, V 0.657 / 0.535), then tuned on
    // (U 1.000 / 0.907, V 0.947 / 0.837); the floors are those rounded down.
    ['set11', 0.97, 0.9],
    ['set12', 0.94, 0.83],
    // Sets W, X, Y: first sight on 48cddf6 (W 0.762 / 0.727, X 0.700 / 0.854, Y 0.806 / 0.690),
    // then tuned on (rule pack 2.5.0); the floors are the scores reached, rounded down.
    ['set13', 0.95, 0.9],
    ['set14', 0.97, 0.92],
    ['set15', 0.95, 0.9],
    // Sets Z, G, J: first sight on 8c24cb1 (Z 0.917 / 0.917, G 0.655 / 0.864, J 0.885 / 0.958;
    // pooled 0.810 / 0.914), then tuned on.
    ['set16', 0.97, 0.95],
    ['set17', 0.97, 0.95],
    ['set18', 0.97, 0.97],
    // Sets A, B, C: first sight on 80bad64 (A 0.971 / 0.892, B 0.974 / 0.925, C 0.878 / 0.900;
    // pooled 0.938 / 0.906), then tuned on.
    ['set19', 0.97, 0.94],
    ['set20', 0.97, 0.97],
    ['set21', 0.92, 0.92],
  ])('%s: precision ≥ %s, recall ≥ %s', (set, minPrecision, minRecall) => {
    const { tp, precision, recall, misses } = score(join(sets, set), /^[A-Z]\d+\.json$/);
    expect(tp, set).toBeGreaterThan(20); // the set was read (each has 36+ labels)
    expect({ precision: precision >= minPrecision, recall: recall >= minRecall }, misses.join(' ')).toEqual({
      precision: true,
      recall: true,
    });
  });
});
