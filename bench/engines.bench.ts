/**
 * `npm run bench:engines` — SLA over 1,000,000 tickets and points over 100,000 violations.
 *
 * Inputs are generated from a fixed seed (same data every run) as the engines receive them after
 * validation (times already epoch ms). Each engine is warmed up, then timed several times; the
 * median is reported. The last line is one JSON object for scripts:
 *   {"sla1MTicketsMs":…, "points100kViolationsMs":…}
 * Target: 1,000,000 tickets in ≤ 2000 ms on one core.
 */
import { ticketKinds } from '../shared/policy/schema';
import { getPolicyPack } from '../shared/policy/packs';
import { computePoints } from '../shared/points/compute';
import type { ViolationInput } from '../shared/points/annual';
import { computeSla, type SlaTicketInput } from '../shared/sla/compute';

const TICKETS = 1_000_000;
const VIOLATIONS = 100_000;
const WARM_UPS = 2;
const RUNS = 5;

/** mulberry32: tiny, fast, good enough to spread test data; fixed seed → reproducible. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const random = prng(20260105);
const yearStart = Date.parse('2025-01-01T00:00:00+08:00');
const yearMs = 365 * 86_400_000;

const tickets: SlaTicketInput[] = new Array(TICKETS);
for (let i = 0; i < TICKETS; i++) {
  const openedAt = yearStart + Math.floor((random() * yearMs) / 1000) * 1000;
  const unanswered = random() < 0.05;
  tickets[i] = {
    id: `T${i}`,
    kind: ticketKinds[Math.floor(random() * ticketKinds.length)]!,
    openedAt,
    // Mostly quick answers, with a long tail past the limits.
    firstResponseAt: unanswered ? null : openedAt + Math.floor(random() ** 4 * 86_400) * 1000,
    staff: `staff-${Math.floor(random() * 40)}`,
  };
}

const pack = getPolicyPack('jdcloud-marketplace-2019');
const codes = pack.points.model === 'annual' ? Object.keys(pack.points.codes) : [];
const violations: ViolationInput[] = new Array(VIOLATIONS);
for (let i = 0; i < VIOLATIONS; i++) {
  const occurredAt = yearStart + Math.floor(random() * yearMs);
  violations[i] = {
    id: `V${i}`,
    code: codes[Math.floor(random() * codes.length)]!,
    occurredAt,
    decidedAt: random() < 0.1 ? null : occurredAt + Math.floor(random() * 30 * 86_400_000),
  };
}

const at = Date.parse('2025-12-31T12:00:00+08:00');

function time(label: string, work: () => unknown): number {
  for (let i = 0; i < WARM_UPS; i++) work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const median = samples[Math.floor(samples.length / 2)]!;
  console.log(
    `${label}: median ${median.toFixed(1)} ms (min ${samples[0]!.toFixed(1)}, max ${samples[samples.length - 1]!.toFixed(1)}, ${RUNS} runs after ${WARM_UPS} warm-ups)`,
  );
  return median;
}

const sla = computeSla(tickets, at, pack);
console.log(
  `SLA summary: ${JSON.stringify(sla.summary)}; ${sla.compliance.byDay.length} days, ${sla.compliance.byStaff.length} staff`,
);
const slaMs = time(`SLA, ${TICKETS.toLocaleString('en')} tickets`, () => computeSla(tickets, at, pack));

const points = computePoints({ violations }, at, pack);
console.log(`Points: ${'total' in points ? `${points.total} points in ${points.year}` : ''}`);
const pointsMs = time(`Points, ${VIOLATIONS.toLocaleString('en')} violations`, () =>
  computePoints({ violations }, at, pack),
);

console.log(`target: 1M tickets ≤ 2000 ms — ${slaMs <= 2000 ? 'met' : 'MISSED'}`);
console.log(
  JSON.stringify({ sla1MTicketsMs: Math.round(slaMs), points100kViolationsMs: Math.round(pointsMs) }),
);
