/** `npm run soak:sync [-- --rounds N --kill-every K --fault-rate R --seed S]`: prints the counts, then one JSON line. */
import { parseArgs } from 'node:util';
import { runSoak } from './sync-soak';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '1000' },
    'kill-every': { type: 'string', default: '40' },
    'fault-rate': { type: 'string', default: '0.1' },
    seed: { type: 'string', default: 'soak' },
  },
});
const started = Date.now();
const counts = await runSoak({
  rounds: Number(values.rounds),
  killEvery: Number(values['kill-every']),
  faultRate: Number(values['fault-rate']),
  seed: values.seed,
  log: (l) => process.stderr.write(`${l}\n`),
});
const ok = counts.duplicates === 0 && counts.lost === 0 && counts.mismatches === 0;
process.stdout.write(
  [
    `rounds ${counts.rounds} · requests ${counts.requests} · with injected faults ${counts.requestsWithFaults} (${Object.entries(
      counts.faults,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; answers lost after the server committed ${counts.lostAfterCommit})`,
    `kills ${counts.kills} · retries ${counts.retries} · local actions ${counts.actions} · outbox entries ${counts.outbox} (refused submits discarded ${counts.discarded})`,
    `duplicates ${counts.duplicates} · lost ${counts.lost} · local≠server ${counts.mismatches}`,
    ...counts.problems.slice(0, 20).map((p) => `  problem: ${p}`),
    '',
  ].join('\n'),
);
process.stdout.write(
  `${JSON.stringify({ ok, seconds: Math.round((Date.now() - started) / 100) / 10, ...counts, problems: counts.problems.length })}\n`,
);
process.exit(ok ? 0 : 1);
