/**
 * The small soak (the full one is `npm run soak:sync`, 1,000 rounds): 100 sync rounds with ~10 %
 * injected faults and the host SIGKILLed at random points; local equals server, no duplicates,
 * nothing lost. See test/soak/sync-soak.ts.
 */
import { describe, expect, it } from 'vitest';
import { runSoak } from '../../soak/sync-soak';

describe('sync soak (small)', () => {
  it('100 rounds, faults, kills: local equals server, no duplicates, nothing lost', async () => {
    const counts = await runSoak({ rounds: 100, killEvery: 12, faultRate: 0.1, seed: 'vitest-soak' });
    console.log(JSON.stringify({ ...counts, problems: counts.problems.slice(0, 10) }));
    expect(counts.rounds).toBeGreaterThanOrEqual(100);
    expect(counts.kills).toBeGreaterThanOrEqual(3);
    expect(counts.requestsWithFaults).toBeGreaterThan(0);
    expect(counts.actions).toBeGreaterThan(20);
    expect(counts.problems).toEqual([]);
    expect(counts).toMatchObject({ duplicates: 0, lost: 0, mismatches: 0 });
  }, 240_000);
});
