/**
 * What a vendor's product page must show (第十条(六), 附件一 official-site row): the product, the
 * partnership with JD Cloud and, once the listing has a marketplace URL, a link to it. Pure
 * analysis of the fetched HTML; the fetching lives in electron/services/official-site.
 */
import type { OfficialSiteVerification } from './types';

/** Names a page may use for the product: the title without bracketed editions, and its first word. */
export function productNameCandidates(title: string): string[] {
  const bare = title
    .replace(/[（(【[][^）)】\]]*[）)】\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const first = bare.split(' ')[0] ?? '';
  return [...new Set([bare, first].filter((s) => [...s].length >= 2))];
}

const compact = (s: string) => s.toLowerCase().replace(/[\s\u200b-\u200d\ufeff]+/g, '');

function decodeEntities(s: string): string {
  return s
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/** Visible text of an HTML page (scripts and styles dropped) and the targets of its links. */
export function pageTextAndLinks(html: string): { text: string; hrefs: string[] } {
  const hrefs = [...html.matchAll(/\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) =>
    decodeEntities(m[1] ?? m[2] ?? m[3] ?? ''),
  );
  const text = decodeEntities(
    html.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ').replace(/<[^>]*>/g, ' '),
  );
  return { text, hrefs };
}

const sameListing = (a: string, b: string) => {
  const norm = (u: string) =>
    u
      .trim()
      .toLowerCase()
      .replace(/^https?:\/\//, '')
      .replace(/[#?].*$/, '')
      .replace(/\/+$/, '');
  return norm(a) === norm(b);
};

const JD_CLOUD = /京东云|京东智联云|jd\s*cloud|jdcloud/i;
const PARTNERSHIP = /合作|伙伴|入驻|云市场|上架|marketplace|partner/i;

export function analyseProductPage(
  html: string,
  want: { productNames: string[]; marketplaceListingUrl?: string },
): OfficialSiteVerification['found'] {
  const { text, hrefs } = pageTextAndLinks(html);
  const page = compact(text);
  return {
    pageExists: true,
    namesProduct: want.productNames.some((n) => compact(n) !== '' && page.includes(compact(n))),
    linksToListing: want.marketplaceListingUrl
      ? hrefs.some((h) => sameListing(h, want.marketplaceListingUrl!))
      : null,
    // Both on the page: JD Cloud named, and a word saying how the vendor relates to it.
    statesPartnership: JD_CLOUD.test(text) && PARTNERSHIP.test(text),
  };
}

export function missingParts(found: OfficialSiteVerification['found']): string[] {
  return (Object.entries(found) as [string, boolean | null][]).filter(([, v]) => v === false).map(([k]) => k);
}
