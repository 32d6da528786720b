/**
 * Rules about whole fields rather than words: the official-site page, the delisting strategy,
 * the service terms, running on JD Cloud, and elements that contradict each other.
 */
import type { Listing } from '../listing/schema';
import { isAllowedHost, isPlaceholderHost } from './links';
import { makeFinding } from './findings';
import { normalise, rawSpan } from './normalize';
import { compactKey, type CompiledRulePack } from './rulepack';
import type { FieldScan } from './scan-field';
import type { CheckContext, Finding } from './types';

type Rule = (
  listing: Listing,
  compiled: CompiledRulePack,
  scans: Map<string, FieldScan>,
  context: CheckContext,
) => Finding[];

const OFFICIAL = 'officialSite.productPageUrl';

export function validProductPageUrl(value: string): URL | null {
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (!url.hostname.includes('.')) return null;
    return url;
  } catch {
    return null;
  }
}

/**
 * The lower-case host of a valid product page URL, or null; remembered per value, since the same
 * listing is checked again on every keystroke and URL parsing showed in profiles.
 */
const pageHosts = new Map<string, string | null>();
function productPageHost(value: string): string | null {
  let host = pageHosts.get(value);
  if (host === undefined) {
    host = validProductPageUrl(value)?.hostname.toLowerCase() ?? null;
    if (pageHosts.size >= 256) pageHosts.clear();
    pageHosts.set(value, host);
  }
  return host;
}

const officialSite: Rule = (listing, compiled, _scans, context) => {
  const value = listing.officialSite?.productPageUrl?.trim() ?? '';
  const blocker = (
    zh: string,
    en: string,
    severity: 'blocker' | 'warning' = 'blocker',
    penaltyCode?: string | null,
  ) => [
    makeFinding(compiled, {
      rule: 'official-site-missing',
      field: OFFICIAL,
      severity,
      vars: { detail: zh },
      message: {
        zh: compiled.pack.rules['official-site-missing'].message.zh,
        en: compiled.pack.rules['official-site-missing'].message.en.replace('{detail}', en),
      },
      ...(penaltyCode === undefined ? {} : { penaltyCode }),
    }),
  ];
  if (value === '') return blocker('未填写', 'not given');
  const host = productPageHost(value);
  if (host === null)
    return blocker(`「${value}」不是有效的 http(s) 网址`, `"${value}" is not a valid http(s) URL`);
  if (isPlaceholderHost(host, compiled))
    return blocker(
      `「${host}」是示例或占位地址，不是服务商自己的企业官网`,
      `"${host}" is an example or placeholder address, not your own website`,
    );
  if (isAllowedHost(host, compiled.pack.links.notOwnSiteHosts))
    return blocker(
      `「${host}」是第三方平台上的页面（公众号文章、社交主页、代码托管等），不是服务商自己的企业官网`,
      `"${host}" is a page on a third-party platform (an article, a social profile, a code host), not your own website`,
    );
  const jdDomains = [...compiled.allowedDomains, ...(context.allowedDomains ?? [])];
  if (isAllowedHost(host, jdDomains)) {
    return blocker(
      '该地址属于京东云，不是服务商自己的企业官网',
      'the address is on JD Cloud, not on your own website',
    );
  }
  const v = context.officialSite;
  if (!v || v.url !== value) {
    return [
      makeFinding(compiled, {
        rule: 'official-site-missing',
        field: OFFICIAL,
        severity: 'info',
        penaltyCode: null,
        message: {
          zh: '官网产品页尚未在线核验（是否存在、是否注明与京东云的合作、是否链接到云市场商品页）',
          en: 'The product page has not been verified online yet (exists, states the JD Cloud partnership, links to the listing)',
        },
      }),
    ];
  }
  if (v.status === 'verified') return [];
  if (v.status === 'unreachable') {
    return blocker(
      `${v.checkedAt} 核验时无法访问（${v.error ?? '网络错误'}），请稍后重试`,
      `could not be fetched at ${v.checkedAt} (${v.error ?? 'network error'}); try again later`,
      'warning',
      null,
    );
  }
  const labels: Record<string, [string, string]> = {
    pageExists: [
      `页面不存在（HTTP ${v.httpStatus ?? '?'}）`,
      `the page does not exist (HTTP ${v.httpStatus ?? '?'})`,
    ],
    namesProduct: ['页面未出现商品名称', 'the page does not name the product'],
    linksToListing: ['页面未链接到云市场商品详情页', 'the page does not link to the marketplace listing'],
    statesPartnership: [
      '页面未注明与京东云的合作关系',
      'the page does not state the partnership with JD Cloud',
    ],
  };
  const zh = v.missing.map((m) => labels[m]?.[0] ?? m).join('；');
  const en = v.missing.map((m) => labels[m]?.[1] ?? m).join('; ');
  return blocker(`${v.checkedAt} 核验：${zh}`, `checked ${v.checkedAt}: ${en}`);
};

const delisting: Rule = (listing, compiled, scans) => {
  const value = listing.delistingStrategy ?? '';
  const aspects = compiled.pack.delisting.aspects;
  const rule = compiled.pack.rules['delisting-strategy-missing'];
  const fixLabel = rule.fixLabel ?? { zh: '插入模板', en: 'Insert template' };
  if (value.trim() === '') {
    const template = aspects.map((a) => a.template.zh).join('');
    return [
      makeFinding(compiled, {
        rule: 'delisting-strategy-missing',
        field: 'delistingStrategy',
        fix: {
          label: fixLabel.zh,
          labelEn: fixLabel.en,
          edits: [{ field: 'delistingStrategy', start: 0, end: value.length, text: template }],
        },
      }),
    ];
  }
  const markers = scans.get('delistingStrategy')?.markers ?? new Set<string>();
  const missing = aspects.filter((a) => !markers.has(a.marker));
  if (missing.length === 0) return [];
  const separator = /[。.；;！!]\s*$/.test(value) ? '' : '。';
  // A strategy that makes a concrete commitment about one aspect is a strategy (第十条(七) gives its
  // two questions as examples, 如：…; an API without stored data has no data to hand over): the
  // other aspect is a suggestion. One that answers neither — 以公告为准, 联系客服, 不涉及下架 — is
  // the empty strategy the rule is about.
  const answersNone = missing.length === aspects.length;
  return [
    makeFinding(compiled, {
      rule: 'delisting-strategy-missing',
      field: 'delistingStrategy',
      severity: answersNone ? 'warning' : 'info',
      message: answersNone
        ? {
            zh: `下架策略未说明：${missing.map((a) => a.label.zh).join('；')}`,
            en: `The delisting strategy does not say ${missing.map((a) => a.label.en).join('; nor ')}`,
          }
        : {
            zh: `下架策略可补充：${missing.map((a) => a.label.zh).join('；')}（如适用）`,
            en: `The delisting strategy could also say ${missing.map((a) => a.label.en).join('; ')} (where it applies)`,
          },
      fix: {
        label: `补充：${missing.map((a) => a.label.zh).join('；')}`,
        labelEn: `Add ${missing.map((a) => a.label.en).join('; ')}`,
        edits: [
          {
            field: 'delistingStrategy',
            start: value.length,
            end: value.length,
            text: separator + missing.map((a) => a.template.zh).join(''),
          },
        ],
      },
    }),
  ];
};

const serviceTerms: Rule = (listing, compiled) => {
  const value = (listing.serviceTerms ?? '').trim();
  if (value === '')
    return [
      makeFinding(compiled, { rule: 'service-terms-missing', field: 'serviceTerms', vars: { detail: '' } }),
    ];
  // A code point is one or two code units: only a text shorter than twice the minimum in code
  // units can be too short, and only then are its code points counted.
  const minLength = compiled.pack.serviceTerms.minLength;
  if (value.length < 2 * minLength && [...value].length < minLength) {
    return [
      makeFinding(compiled, {
        rule: 'service-terms-missing',
        field: 'serviceTerms',
        severity: 'warning',
        message: {
          zh: `服务条款过短（${[...value].length} 字），不像完整的产品协议`,
          en: `The service terms are very short (${[...value].length} characters) for a product agreement`,
        },
      }),
    ];
  }
  return [];
};

const notOnJdCloud: Rule = (listing, compiled) => {
  if (listing.runsOnJdCloud === true) return [];
  if (listing.runsOnJdCloud === false) {
    return [
      makeFinding(compiled, {
        rule: 'not-on-jdcloud',
        field: 'runsOnJdCloud',
        vars: {
          detail: '商品未运行在京东云资源之上，也未与京东云产品打包销售',
          detailEn: 'The product neither runs on JD Cloud resources nor is bundled with JD Cloud products',
        },
      }),
    ];
  }
  return [
    makeFinding(compiled, {
      rule: 'not-on-jdcloud',
      field: 'runsOnJdCloud',
      severity: 'warning',
      penaltyCode: null,
      vars: {
        detail: '未声明商品是否运行在京东云资源之上（runsOnJdCloud）',
        detailEn: 'Does not say whether the product runs on JD Cloud resources (runsOnJdCloud)',
      },
    }),
  ];
};

const toFen = (s: string) => Math.round(Number(s.replaceAll(',', '')) * 100);

// The fields whose prices are compared; the plain names are told apart without a regex (this
// runs for every field of every check).
const CASE_CONTENT = /^cases\[\d+\]\.content$/;
const isPriceField = (field: string) =>
  field === 'summary' ||
  field === 'description' ||
  field === 'title' ||
  (field.startsWith('cases[') && CASE_CONTENT.test(field));

const inconsistent: Rule = (listing, compiled, scans) => {
  const out: Finding[] = [];
  const { consistency } = compiled.pack;
  // Title names an edition the specs do not sell.
  if (listing.specs && listing.specs.length > 0) {
    const title = normalise(listing.title, compiled.fold);
    // The specs are read only when the title names an edition at all.
    let specTexts: string[] | undefined;
    for (const [edition, key] of compiled.editionKeys) {
      const at = title.text.indexOf(key);
      if (at < 0) continue;
      specTexts ??= listing.specs.map((s) =>
        compactKey(compiled, `${s.name} ${Object.values(s.attributes ?? {}).join(' ')}`),
      );
      if (specTexts.some((t) => t.includes(key))) continue;
      const span = rawSpan(title, at, at + key.length);
      out.push(
        makeFinding(compiled, {
          rule: 'inconsistent-elements',
          field: 'title',
          severity: consistency.editionSeverity,
          span: { ...span, match: listing.title.slice(span.start, span.end) },
          vars: {
            detail: `标题写明「${edition}」，但规格中没有该版本`,
            detailEn: `The title names the edition "${edition}", which no spec offers`,
          },
        }),
      );
    }
  }
  // A price in the text that is neither the listed price nor a spec's price.
  const known = new Set([
    toFen(String(listing.price.amount)),
    ...(listing.specs ?? []).map((s) => toFen(String(s.price))),
  ]);
  for (const [field, scan] of scans) {
    if (!isPriceField(field)) continue;
    const text = scan.norm.text;
    // Several patterns can see the same price (售价 999 元/年): keep the earliest, longest one.
    const prices: { start: number; end: number; amount: string }[] = [];
    for (const re of compiled.pricePatterns) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        if (m[1] !== undefined) prices.push({ start: m.index, end: m.index + m[0].length, amount: m[1] });
      }
    }
    prices.sort((a, b) => a.start - b.start || b.end - a.end);
    let covered = -1;
    for (const p of prices) {
      if (p.start < covered) continue;
      covered = p.end;
      if (known.has(toFen(p.amount))) continue;
      if (compiled.priceUnlessBefore.test(text.slice(Math.max(0, p.start - 12), p.start))) continue;
      const span = rawSpan(scan.norm, p.start, p.end);
      const listed = listing.price.amount;
      out.push(
        makeFinding(compiled, {
          rule: 'inconsistent-elements',
          field,
          severity: consistency.priceSeverity,
          span: { ...span, match: scan.norm.raw.slice(span.start, span.end) },
          vars: {
            detail: `文中价格 ${p.amount} 元与商品价格（${listed} 元）及各规格价格都不一致`,
            detailEn: `The price ${p.amount} in the text matches neither the listed price (${listed}) nor any spec's price`,
          },
        }),
      );
    }
  }
  return out;
};

export const fieldRules: readonly Rule[] = [
  officialSite,
  delisting,
  serviceTerms,
  notOnJdCloud,
  inconsistent,
];
