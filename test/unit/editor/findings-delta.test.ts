import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recheckListing, type CheckedListing } from '../../../shared/check/incremental';
import type { Finding } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import { applyFindingsDelta, diffFindings, shiftFinding } from '../../../renderer/src/workers/findings-delta';

const fixture = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../fixtures/listings/violating-image.json'), 'utf8'),
) as Listing;
const long = { ...fixture, description: Array.from({ length: 40 }, () => fixture.description).join('\n') };

/** Checks `listing` after `previous` as the worker does (incremental when it can). */
const check = (
  previous: CheckedListing | null,
  listing: Listing,
): CheckedListing & { moved: Map<Finding, Finding> } => {
  const { findings, moved } = recheckListing(previous, listing, undefined, {});
  return { listing, context: {}, findings, moved };
};

describe('findings deltas (check worker → UI thread)', () => {
  it('rebuilds every result exactly, over random edits of a long description', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            remove: fc.nat({ max: 12 }),
            insert: fc.constantFrom('', 'a', '唯一', '第一', '最好的', ' https://example.com ', '\n', '，'),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (edits) => {
          let sent: Finding[] = [];
          let held: Finding[] = [];
          const keys = new WeakMap<Finding, string>();
          let state = check(null, long);
          for (const e of [null, ...edits]) {
            if (e) {
              const text = state.listing.description;
              const at = Math.floor(e.at * text.length);
              const description =
                text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
              state = check(state, { ...state.listing, description });
            }
            const delta = diffFindings(sent, state.findings, keys, state.moved);
            // Taking a moved finding's key from the one it was moved from is what keying it would give.
            expect(delta).toEqual(diffFindings(sent, state.findings));
            sent = state.findings;
            // What the client gets is a structured clone, as postMessage makes it.
            held = applyFindingsDelta(held, v8.deserialize(v8.serialize(delta)));
            expect(held).toEqual(state.findings);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('sends a keystroke as a small fraction of the result', () => {
    const before = check(null, long);
    const text = before.listing.description;
    const mid = text.indexOf('\n', text.length / 2);
    const after = check(before, {
      ...before.listing,
      description: `${text.slice(0, mid)}a${text.slice(mid)}`,
    });
    const delta = diffFindings(before.findings, after.findings, new WeakMap(), after.moved);
    expect(after.moved.size).toBeGreaterThan(after.findings.length / 3);
    const whole = v8.serialize(after.findings).length;
    expect(after.findings.length).toBeGreaterThan(100);
    expect(v8.serialize(delta).length).toBeLessThan(whole / 20);
    expect(applyFindingsDelta(before.findings, delta)).toEqual(after.findings);
  });

  it('refuses a delta made against another list than the one held', () => {
    const { findings } = check(null, fixture);
    const delta = diffFindings(findings, findings);
    expect(() => applyFindingsDelta(findings.slice(1), delta)).toThrow(/delta against/);
  });

  it("moves a finding and its own field's fix edits, not edits in other fields", () => {
    const f: Finding = {
      ...check(null, fixture).findings.find((x) => x.fix && x.start !== undefined)!,
    };
    const other = { field: 'serviceTerms', start: 1, end: 2, text: 'x' };
    const withOther = { ...f, fix: { ...f.fix!, edits: [...f.fix!.edits, other] } };
    const moved = shiftFinding(withOther, 5);
    expect(moved.start).toBe(f.start! + 5);
    expect(moved.fix!.edits[0]!.start).toBe(f.fix!.edits[0]!.start + 5);
    expect(moved.fix!.edits.at(-1)).toEqual(other);
  });
});
