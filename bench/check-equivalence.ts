/**
 * Findings snapshot for speed work on the check engine: a speed change must not change one
 * finding. Prints one JSON line per case (the case name and checkListing's findings) for
 *  - the bench's own texts (bench/check-texts.ts: the 20 KB listings, the 100 KB one and the
 *    10,000 generated listings of the throughput figure), and
 *  - randomly assembled listings (fixed seeds) made of the pack's own terms and lexicon words,
 *    fillers, links, e-mail addresses, markup, traditional / full-width / zero-width characters,
 *    prices and clause punctuation, so that every context path (links in windows, fillers,
 *    overlapping hits, authorised brands, extra allowed domains, the per-rule cap) is exercised.
 *
 *   npx tsx bench/check-equivalence.ts [engine-root] > out.jsonl
 *
 * engine-root (default: this checkout) is a directory holding shared/ and resources/, e.g. an
 * exported copy of main (`git archive main shared resources | tar -x -C /tmp/ref`), so that the
 * engine before and after a change can be compared with `cmp`.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Listing } from '../shared/listing/schema';
import type { CheckContext, Finding } from '../shared/check/types';
import type { RulePack } from '../shared/check/rulepack';
import { clean, makeListing, rng, violating } from './check-texts';

const root = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, '..'));
const engine = (await import(pathToFileURL(path.join(root, 'shared/check/engine.ts')).href)) as {
  checkListing: (l: Listing, c?: unknown, ctx?: CheckContext) => Finding[];
  defaultCompiledPack: () => { pack: RulePack };
};
const compiled = engine.defaultCompiledPack();
const pack = compiled.pack;

function emit(name: string, listing: Listing, context: CheckContext = {}) {
  const findings = engine.checkListing(listing, compiled, context);
  process.stdout.write(`${JSON.stringify({ case: name, findings })}\n`);
}

// The bench's texts, in the bench's order and with its seeds.
const random = rng(42);
emit('bench:20k', makeListing(random, 20_000));
emit('bench:20k-dense', makeListing(rng(3), 20_000, 0.5));
emit('bench:100k', makeListing(rng(7), 100_000));
for (let i = 0; i < 10_000; i++) {
  emit(`bench:listing-${i}`, makeListing(random, 600 + Math.floor(random() * 3000)));
}

// Random listings assembled from pieces that the rules react to.
const terms = pack.termGroups.flatMap((g) => g.terms);
const lexiconWords = Object.values(pack.lexicon).flat();
const fillers = [...pack.normalization.fillers];
const punctuation = [...'。，；！？、：（）【】「」“”,.;:!?()[]|<>'].concat(['\n', '\r\n', ' ']);
const links = [
  'https://www.example.com/a/b?x=1',
  'http://fastlnmp.example.cn/plugins.',
  'www.jdcloud.com',
  'docs.jdcloud.com/cn/market',
  'https://market.jdcloud.com/service/123',
  'example.org',
  'shop.vendor.cn/buy',
  'support@vendor.cn',
  'mailto:sales@vendor.com',
  'support(at)vendor.cn',
  'www点vendor点com',
  'vendor dot com',
  'vendor[.]cn',
  '127.0.0.1:8080',
  '192.168.1.10/admin',
  '8.8.8.8',
  'ASP.NET',
  'config.json',
  'main.py',
  'ｗｗｗ．ｅｘａｍｐｌｅ．ｃｏｍ',
];
const markup = [
  '<p>',
  '</p>',
  '<b>',
  '</b>',
  '<br/>',
  '<li>',
  '</li>',
  '<a href="http://x.example.com">',
  '</a>',
  '<img src="https://img.example.cn/a.png">',
  '<span class="x">',
  '</span>',
  '<div>',
  '< p>',
  '<',
];
const variants = [
  '京東',
  '國內',
  '第壹',
  '最優',
  '獨家',
  '\u200b',
  '\u00ad',
  '\u3000',
  '\ufeff',
  'Ｎｏ．１',
  'nо1',
  '①',
  'Ⅰ',
  'ＪＤ',
  'JD',
  'Jd Cloud',
  '京 东 云',
  '最-优',
  '最·佳',
  '\ud83d\ude00',
  '\ud800',
];
const prices = ['售价 999 元', '¥1980/年', '价格 12,000 元', '仅需 99 元/月', '原价 1,980.00 元', '1980 元'];
const filler = [...'的是在了我们支持数据系统用户服务产品可以提供管理平台功能一个'];
const ascii = ['crm', 'saas', 'api', 'no', '1', '100', 'top', 'best', 'first', 'qq', 'vx', 'app'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function piece(r: () => number): string {
  const k = r();
  if (k < 0.2) return pick(r, terms);
  if (k < 0.33) return pick(r, lexiconWords);
  if (k < 0.43) return pick(r, fillers);
  if (k < 0.55) return pick(r, punctuation);
  if (k < 0.61) return pick(r, links);
  if (k < 0.66) return pick(r, markup);
  if (k < 0.72) return pick(r, variants);
  if (k < 0.75) return pick(r, prices);
  if (k < 0.8) return pick(r, r() < 0.5 ? clean : violating);
  if (k < 0.85) return pick(r, ascii);
  return pick(r, filler);
}

function text(r: () => number, pieces: number): string {
  let out = '';
  for (let i = 0; i < pieces; i++) out += piece(r);
  return out;
}

for (let seed = 1; seed <= 3000; seed++) {
  const r = rng(seed * 7919);
  const base = makeListing(r, 200 + Math.floor(r() * 2000), r());
  const size = () => Math.floor(r() * (r() < 0.1 ? 400 : 40));
  const listing: Listing = {
    ...base,
    title: text(r, 1 + Math.floor(r() * 8)),
    summary: text(r, size()),
    description: r() < 0.3 ? base.description + text(r, size()) : text(r, size() * 3),
    cases: Array.from({ length: Math.floor(r() * 3) }, () => ({
      title: text(r, 3),
      content: text(r, size()),
    })),
    specs: [
      { name: text(r, 3), price: 1980, attributes: { 用户数: '10', 说明: text(r, 4) } },
      ...(r() < 0.5 ? [{ name: `标准版 ${text(r, 2)}`, price: 999, attributes: {} }] : []),
    ],
    attributes: { 交付方式: text(r, 3) },
    delistingStrategy: r() < 0.2 ? '' : text(r, size()),
    serviceTerms: r() < 0.1 ? '' : text(r, size()),
    images: [{ url: pick(r, links), alt: text(r, 3) }],
    ...(r() < 0.2 ? { officialSite: { productPageUrl: pick(r, links) } } : {}),
    vendor: {
      name: '北京云客通科技有限公司',
      authorizedBrands:
        r() < 0.2 ? [pick(r, ['京东云', '京东', 'JD Cloud', '阿里云', '淘宝', '京东钱包'])] : [],
    },
  };
  const context: CheckContext = r() < 0.15 ? { allowedDomains: ['example.com', 'vendor.cn'] } : {};
  emit(`random:${seed}`, listing, context);
}

// Link-heavy text: short random strings over the characters link forms are made of (runs,
// dots spelled out or not, spaces, schemes, @ and (at)), where every link boundary is exercised.
const linkUnits = [
  ...'adotwcnm1259-_%+.@:/()[]{}点點。 \u3000\u00a0中x',
  'dot',
  'www',
  'com',
  '.cn',
  '(at)',
  'http',
  '://',
  '[.]',
  '(.)',
  '127.0.0.1',
  '买',
];
for (let seed = 1; seed <= 2000; seed++) {
  const r = rng(seed * 104_729);
  let description = '';
  const length = 1 + Math.floor(r() * 60);
  for (let i = 0; i < length; i++) description += pick(r, linkUnits);
  emit(`links:${seed}`, { ...makeListing(r, 100), description });
}

// One field past the per-rule cap (MAX_TERMS_PER_RULE): the overflow finding and its count.
const capped = makeListing(rng(11), 1000);
emit('cap:overflow', { ...capped, description: '最好的'.repeat(30_000) + '全网最优，'.repeat(3000) });
