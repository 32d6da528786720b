/**
 * Types of the listing self-check (formats.md §2). The `Finding` keeps the §2 shape exactly;
 * everything else on it (English texts, the fix, the penalty code) is an optional extra that
 * the JSON output may carry ("add fields freely, never rename").
 */

export type Severity = 'blocker' | 'warning' | 'info';

/** The 14 stable rule ids of formats.md §2. */
export const ruleIds = [
  'superlative',
  'external-link',
  'official-site-missing',
  'delisting-strategy-missing',
  'brand-misuse',
  'off-platform-trade',
  'privacy-harvesting',
  'independent-account-system',
  'prohibited-content',
  'malware',
  'service-terms-missing',
  'not-on-jdcloud',
  'inconsistent-elements',
  'competitor-guidance',
] as const;

export type RuleId = (typeof ruleIds)[number];

/**
 * Exposure under 附件一. Expel rows (清退) and whole-deposit rows use the same words as the
 * penalty codes of formats.md §5: `freezeDays: "expel"` and `depositDeduction: "all"`.
 */
export interface Penalty {
  points: number;
  freezeDays: number | 'expel';
  depositDeduction: number | 'all';
}

/**
 * One replacement in one field. Offsets are UTF-16 offsets into the field's raw text; an
 * insertion has start === end; setting a missing field uses start = end = 0.
 */
export interface TextEdit {
  field: string;
  start: number;
  end: number;
  text: string;
}

export interface Fix {
  label: string;
  labelEn: string;
  edits: TextEdit[];
}

export interface Finding {
  ruleId: RuleId;
  severity: Severity;
  /** Field path, e.g. "description", "cases[0].content", "attributes.版本". */
  field: string;
  /** UTF-16 offsets into the field's raw text; omitted for whole-field findings. */
  start?: number;
  end?: number;
  /** The raw text between start and end. */
  match?: string;
  message: string;
  clause: string;
  penalty: Penalty | null;
  suggestion: string;
  messageEn?: string;
  suggestionEn?: string;
  fix?: Fix;
  /** The penalty code of formats.md §5 (the 附件一 row) the penalty was taken from. */
  penaltyCode?: string;
  /** Why this is a finding, in the words of the rule (e.g. 「最优」修饰商品本身，且无限定范围). */
  reason?: string;
  reasonEn?: string;
  /**
   * How sure the check is, 0–1: blockers are clear violations, warnings need a person's judgement.
   * Added in issue 15; consumers that do not know it may ignore it.
   */
  confidence?: number;
}

/** The result of fetching the vendor's product page (computed in main, cached by the app). */
export interface OfficialSiteVerification {
  url: string;
  /** ISO 8601 time of the check, so a cached result says how old it is. */
  checkedAt: string;
  status: 'verified' | 'problems' | 'unreachable';
  httpStatus?: number;
  /** What the page shows; `linksToListing` is null when the listing's URL is not known yet. */
  found: {
    pageExists: boolean;
    namesProduct: boolean;
    linksToListing: boolean | null;
    statesPartnership: boolean;
  };
  /** Which of the found.* checks failed, e.g. ["statesPartnership"], or a network error. */
  missing: string[];
  /** Why the page could not be checked (status "unreachable"). */
  error?: string;
}

export interface CheckContext {
  /** Extra domains treated like JD Cloud's own (the allowlist of the pack is always used). */
  allowedDomains?: string[];
  /** The listing's page on the marketplace, once it has one. */
  marketplaceListingUrl?: string;
  /** The cached online verification of officialSite.productPageUrl, when there is one. */
  officialSite?: OfficialSiteVerification;
}
