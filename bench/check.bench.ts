/**
 * `npm run bench:check` — the self-check's speed (issue 3 targets):
 *  (a) a ~20 KB listing, full pack: median and p99 latency per check;
 *  (b) 10,000 generated listings: throughput in MB/s (UTF-8 bytes of every text field checked);
 *  peers: the same word list through modern-ahocorasick, and through one V8 RegExp alternation
 *  with the g flag, over the same texts (plain matchers: no normalisation, no context, no judging);
 *  the ratios say what reading the context costs on top of finding the words.
 * Generated text is ordinary technical Chinese with 10% violating sentences (a listing under
 * repair); a second 20 KB figure with 50% violating sentences shows the worst case.
 * The last line is one JSON object with the figures.
 */
import AhoCorasick from 'modern-ahocorasick';
import { checkListing, defaultCompiledPack } from '../shared/check/engine';
import { listTextFields } from '../shared/check/fields';
import type { Listing } from '../shared/listing/schema';
import { makeListing, rng } from './check-texts';

const compiled = defaultCompiledPack();

const encoder = new TextEncoder();
const textsOf = (l: Listing) => listTextFields(l).map((f) => f.text);
const bytesOf = (texts: string[]) => texts.reduce((n, t) => n + encoder.encode(t).length, 0);
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

// (a) one 20 KB listing.
const random = rng(42);
const big = makeListing(random, 20_000);
const bigBytes = bytesOf(textsOf(big));
for (let i = 0; i < 200; i++) checkListing(big, compiled);
const samples: number[] = [];
for (let i = 0; i < 2000; i++) {
  const t0 = performance.now();
  checkListing(big, compiled);
  samples.push(performance.now() - t0);
}
samples.sort((a, b) => a - b);
const median = percentile(samples, 0.5);
const p99 = percentile(samples, 0.99);
console.log(
  `20 KB listing (${bigBytes} bytes of text, ${checkListing(big, compiled).length} findings): median ${median.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms`,
);

function latency(listing: Listing, runs: number): { median: number; p99: number } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checkListing(listing, compiled);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: percentile(times, 0.5), p99: percentile(times, 0.99) };
}

const dense = makeListing(rng(3), 20_000, 0.5);
const denseLatency = latency(dense, 1000);
console.log(
  `20 KB listing, 50% violating sentences (${checkListing(dense, compiled).length} findings): median ${denseLatency.median.toFixed(3)} ms, p99 ${denseLatency.p99.toFixed(3)} ms`,
);

// 100 KB description: the "re-check while typing" case.
const huge = makeListing(rng(7), 100_000);
const hugeSamples: number[] = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  checkListing(huge, compiled);
  hugeSamples.push(performance.now() - t0);
}
hugeSamples.sort((a, b) => a - b);
console.log(
  `100 KB description: median ${percentile(hugeSamples, 0.5).toFixed(3)} ms, p99 ${percentile(hugeSamples, 0.99).toFixed(3)} ms`,
);

// (b) 10,000 generated listings, and the peer on the same texts.
const listings = Array.from({ length: 10_000 }, () => makeListing(random, 600 + Math.floor(random() * 3000)));
const allTexts = listings.map(textsOf);
const totalBytes = allTexts.reduce((n, t) => n + bytesOf(t), 0);
const words = compiled.pack.termGroups.flatMap((g) => g.terms);
const peer = new AhoCorasick(words);

function timeIt(label: string, fn: () => number): number {
  fn(); // warm-up pass
  let best = Infinity;
  let count = 0;
  for (let round = 0; round < 3; round++) {
    const t0 = performance.now();
    count = fn();
    best = Math.min(best, performance.now() - t0);
  }
  const mbs = totalBytes / 1e6 / (best / 1000);
  console.log(
    `${label}: ${(best / 1000).toFixed(3)} s for ${(totalBytes / 1e6).toFixed(1)} MB → ${mbs.toFixed(1)} MB/s (${count} hits)`,
  );
  return mbs;
}

const throughput = timeIt('vendordesk checkListing (full pack)', () => {
  let n = 0;
  for (const l of listings) n += checkListing(l, compiled).length;
  return n;
});
const peerThroughput = timeIt(`modern-ahocorasick search (${words.length} words)`, () => {
  let n = 0;
  for (const texts of allTexts) for (const t of texts) n += peer.search(t).length;
  return n;
});

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = new RegExp(
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|'),
  'g',
);
const regexThroughput = timeIt(`V8 RegExp alternation /…|…/g (${new Set(words).size} words)`, () => {
  let n = 0;
  for (const texts of allTexts) {
    for (const t of texts) {
      alternation.lastIndex = 0;
      while (alternation.exec(t) !== null) n++;
    }
  }
  return n;
});

const round = (x: number, d = 3) => Number(x.toFixed(d));
console.log(
  JSON.stringify({
    listing20kMedianMs: round(median),
    listing20kP99Ms: round(p99),
    throughputMBs: round(throughput, 1),
    peerThroughputMBs: round(peerThroughput, 1),
    ratioVsPeer: round(throughput / peerThroughput, 2),
    regexThroughputMBs: round(regexThroughput, 1),
    ratioVsRegex: round(throughput / regexThroughput, 2),
  }),
);
