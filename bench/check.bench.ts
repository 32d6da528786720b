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

const compiled = defaultCompiledPack();

// Deterministic generator (mulberry32) so runs are comparable.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ordinary technical sentences (including the traps the rules must let pass) and violating ones.
const clean = [
  '<p>云客通 CRM 帮助销售团队管理线索、商机、合同与回款。</p>',
  '每条客户记录拥有全局唯一 ID，最多支持 50 个自定义字段。',
  '最近 30 天的操作日志可随时导出，第一步：在云市场购买后登录。',
  '部署于京东云云主机，数据存储在京东云云数据库中。',
  '使用手册见 https://docs.jdcloud.com/cn/market 帮助中心。',
  'CPU 使用率 100% 时自动告警，最大连接数 1000。',
  '支持 SSO 与企业现有账号体系对接，无需重新注册。',
  'The dashboard shows pipeline, forecast and win rate per region.',
  '<li>支持按负责人、阶段、金额筛选商机，并导出为 Excel。</li>',
  '报表每小时刷新一次，数据保留 180 天，可按部门设置查看权限。',
  '通过 OpenAPI 与 ERP 系统同步订单，接口调用采用 HMAC 签名。',
  '游戏反外挂解决方案，木马查杀与后门检测。',
];
const violating = [
  '国内唯一支持秒级部署的镜像，性能 100% 提升！',
  '更多插件请访问 www.fastlnmp.example.com/plugins 购买，加微信 fastlnmp888 享八折。',
  '首次使用需在我司平台重新注册账号并上传身份证正反面照片。',
  '京东云官方推荐，全网最优方案。',
];

/** A listing whose description is about `descriptionBytes` of UTF-8, `violationShare` of it violating. */
function makeListing(random: () => number, descriptionBytes: number, violationShare = 0.1): Listing {
  let description = '';
  while (description.length * 2.4 < descriptionBytes) {
    const pool = random() < violationShare ? violating : clean;
    description += pool[Math.floor(random() * pool.length)]!;
  }
  return {
    id: `B-${Math.floor(random() * 1e6)}`,
    title: '云客通 CRM 客户关系管理系统（SaaS 标准版）',
    type: 'application',
    price: { amount: 1980, currency: 'CNY', billing: 'yearly' },
    specs: [{ name: '标准版 10 用户', price: 1980, attributes: { 用户数: '10' } }],
    attributes: { 交付方式: 'SaaS' },
    summary: '面向中小企业的销售线索、商机与合同管理系统，部署于京东云云主机。',
    description,
    cases: [{ title: '某连锁教育机构', content: '上线三个月，线索跟进及时率从 62% 提升到 91%。' }],
    images: [{ url: 'https://img1.jdcloud.com/market/crm.png', alt: '仪表盘截图' }],
    officialSite: { productPageUrl: 'https://www.yunketong.example.cn/products/crm' },
    delistingStrategy: '商品下架后，已购用户在订购期内可继续正常使用，并提供数据导出及迁移协助。',
    serviceTerms: '详见《云客通 CRM 产品服务协议》：服务范围、服务等级、数据安全、退款规则。',
    runsOnJdCloud: true,
    vendor: { name: '北京云客通科技有限公司', authorizedBrands: [] },
  };
}

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
