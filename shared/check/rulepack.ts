/**
 * Rule packs are data (resources/rulepacks/*.json): word lists, context exceptions, structural
 * patterns, severities, clauses, penalties and texts. The marketplace may ship newer packs, so a
 * pack is validated at load time (errors name the JSON path) and compiled once into the
 * structures the engine scans with.
 */
import { z } from 'zod';
import packJson from '../../resources/rulepacks/jdcloud-marketplace-2019.json';
import { formatIssuePath } from '../listing/parse';
import { buildAutomaton, type Automaton } from './automaton';
import { compileCondition, LexiconError, type Condition, type ConditionSpec } from './judge';
import { buildFoldTable, normaliseString, type FoldTable } from './normalize';
import { LINK_PLACEHOLDER } from './rulepack-constants';
import { ruleIds, type Penalty, type RuleId, type Severity } from './types';

const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });
const severity = z.enum(['blocker', 'warning', 'info']);

/** A regex source, checked here so a bad pack fails at load time rather than mid-check. */
const regexSource = z.string().refine(
  (s) => {
    try {
      new RegExp(s.replaceAll('{link}', '\uE000'), 'u');
      return true;
    } catch {
      return false;
    }
  },
  { error: 'not a valid regular expression' },
);

const penaltyRow = z.object({
  row: z.string().min(1),
  points: z.number().int().nonnegative(),
  freezeDays: z.union([z.number().int().nonnegative(), z.literal('expel')]),
  depositDeduction: z.union([z.number().nonnegative(), z.literal('all')]),
});

const ruleConfig = z.object({
  severity,
  clause: z.string().min(1),
  penalty: z.string().nullable(),
  penaltyNote: z.string().optional(),
  message: text,
  suggestion: text,
  fixLabel: text.optional(),
  /** The default reason for a finding of this rule ({match}, {detail} filled in). */
  reason: text.optional(),
});

const wordRef = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

/** A condition on the words around a hit (see judge.ts for what each key means). */
const condition: z.ZodType<ConditionSpec> = z.lazy(() =>
  z
    .object({
      next: wordRef.optional(),
      prev: wordRef.optional(),
      before: wordRef.optional(),
      after: wordRef.optional(),
      clause: wordRef.optional(),
      sentenceBefore: wordRef.optional(),
      sentenceAfter: wordRef.optional(),
      sentence: wordRef.optional(),
      field: wordRef.optional(),
      answer: wordRef.optional(),
      term: wordRef.optional(),
      path: regexSource.optional(),
      clauseEnd: z.boolean().optional(),
      always: z.literal(true).optional(),
      not: condition.optional(),
      any: z.array(condition).min(1).optional(),
      all: z.array(condition).min(1).optional(),
    })
    .strict()
    .refine((c) => Object.keys(c).length > 0, { error: 'a condition needs at least one key' }),
);

const confidence = z.number().min(0).max(1);

/** One judging clause: when `if` holds, the hit gets `verdict` ("ignore": not a finding). */
const judgeClause = z.object({
  if: condition,
  verdict: z.enum(['blocker', 'warning', 'info', 'ignore']),
  confidence: confidence.optional(),
  /** Why, in the rule's words; {match} is the matched text. Required unless the verdict is ignore. */
  reason: text.optional(),
});

const termGroup = z.object({
  id: z.string().min(1),
  rule: z.enum(ruleIds),
  terms: z.array(z.string().min(1)).min(1),
  severity: severity.optional(),
  /** Overrides the rule's penalty code for this group (e.g. third-party brands). */
  penalty: z.string().nullable().optional(),
  message: text.optional(),
  /** A brand name; vendor.authorizedBrands naming it (or one of the terms) disables the group. */
  brand: z.string().optional(),
  /** A marker group finds no violation; other rules ask whether it occurs (delisting aspects). */
  marker: z.string().optional(),
  /** Field paths (prefixes) the group applies to; default every text field. */
  fields: z.array(z.string()).optional(),
  onlyBefore: regexSource.optional(),
  onlyAfter: regexSource.optional(),
  unlessBefore: regexSource.optional(),
  unlessAfter: regexSource.optional(),
  /** Context that widens the reported span when present, without deciding whether the hit counts. */
  widenBefore: regexSource.optional(),
  widenAfter: regexSource.optional(),
  /** Widen the reported span to the context that made the hit count (访问 … 购买). */
  spanIncludesContext: z.boolean().optional(),
  /** Mechanical fix: replace the hit with this text ("" removes it). Absent: no fix offered. */
  replaceWith: z.string().optional(),
  replacements: z.record(z.string(), z.string()).optional(),
  /** Ordered judging clauses; the first whose condition holds decides. */
  judge: z.array(judgeClause).optional(),
  /** The reason and confidence when no clause decides. */
  reason: text.optional(),
  confidence: confidence.optional(),
});

export const rulePackSchema = z
  .object({
    id: z.string().min(1),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, { error: 'must be semver, e.g. 1.0.0' }),
    title: z.string(),
    source: z.string(),
    notes: z.array(z.string()).optional(),
    /** What changed in each version, newest first (the app shows it when a new pack arrives). */
    changelog: z
      .array(
        z.object({
          version: z.string().regex(/^\d+\.\d+\.\d+$/),
          date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
          changes: z.array(text).min(1),
        }),
      )
      .optional(),
    normalization: z.object({
      traditionalToSimplified: z.string().refine((s) => [...s].length % 2 === 0, {
        error: 'must be pairs of characters (traditional, simplified)',
      }),
      fillers: z.string().min(1),
      /** Also fold every OpenCC traditional → simplified character (shared/check/t2s-table.ts); the pack's own pairs win. */
      opencc: z.boolean().default(false),
      /** Look-alike characters from other scripts and variant numerals, as pairs (look-alike, canonical). */
      confusables: z
        .string()
        .default('')
        .refine((s) => [...s].length % 2 === 0, {
          error: 'must be pairs of characters (look-alike, canonical)',
        }),
      /** Markup inside a word does not split it: inline tags are read as nothing, block tags as a line break. */
      markup: z.boolean().default(false),
    }),
    /** Named word classes for judge conditions ("@scope"). */
    lexicon: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9-]*$/), z.array(z.string().min(1))).default({}),
    allowedDomains: z.array(
      z.string().regex(/^[a-z0-9.-]+\.[a-z]+$/, { error: 'must be a lower-case domain' }),
    ),
    links: z.object({
      tlds: z.array(z.string().regex(/^[a-z]{2,}$/)).min(1),
      /** Loopback and private addresses are the buyer's own machines (http://127.0.0.1:8080), not other sites. */
      ignoreLocalAddresses: z.boolean(),
      /** Technology names that look like domains (ASP.NET). */
      notDomains: z.array(z.string()).default([]),
      /**
       * Names that cannot be anyone's website (RFC 6761: the .example, .test and .invalid TLDs) and
       * hosts that say they are a placeholder (your-domain.com): never another site.
       */
      placeholderDomains: z.array(z.string().regex(/^[a-z0-9.-]+$/)).default([]),
      placeholderHost: regexSource.optional(),
      /**
       * example.com/.net/.org (RFC 2606) are real names a spec or a vendor may stand in for a site
       * with (the shared violating example links to www.fastlnmp.example.com), so they are a
       * placeholder only where the text before presents them as one (`exampleCue`: for example,
       * 示例, 请替换为您的域名).
       */
      exampleDomains: z.array(z.string().regex(/^[a-z0-9.-]+$/)).default([]),
      /** Platforms a page may live on that are not the vendor's own site (公众号, GitHub, LinkedIn …). */
      notOwnSiteHosts: z.array(z.string().regex(/^[a-z0-9.-]+$/)).default([]),
      exampleCue: regexSource.optional(),
      /**
       * A bare dotted quad (no scheme, port or path) right after one of these words reads as a version
       * number (OpenResty 1.25.3.1, 升级至 24.3.3.102), not an IPv4 address: a regex on the
       * normalised text before it, end-anchored by the engine. `addressBefore` (an IP, 地址, server …)
       * wins over it: there the quad is an address again.
       */
      versionBefore: regexSource.optional(),
      /** After the quad (a release date): a version in a changelog. A regex, start-anchored by the engine. */
      versionAfter: regexSource.optional(),
      addressBefore: regexSource.optional(),
    }),
    penaltyTable: z.record(z.string(), penaltyRow),
    rules: z.object(
      Object.fromEntries(ruleIds.map((id) => [id, ruleConfig])) as Record<RuleId, typeof ruleConfig>,
    ),
    termGroups: z.array(termGroup),
    delisting: z.object({
      aspects: z.array(z.object({ marker: z.string(), label: text, template: text })).min(1),
    }),
    serviceTerms: z.object({ minLength: z.number().int().nonnegative() }),
    consistency: z.object({
      editions: z.array(z.string().min(1)),
      pricePatterns: z.array(regexSource),
      priceUnlessBefore: regexSource,
      priceSeverity: severity,
      editionSeverity: severity,
    }),
  })
  .superRefine((pack, ctx) => {
    const codes = new Set(Object.keys(pack.penaltyTable));
    for (const [id, rule] of Object.entries(pack.rules)) {
      if (rule.penalty !== null && !codes.has(rule.penalty)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', id, 'penalty'],
          message: `unknown penalty code "${rule.penalty}"`,
        });
      }
    }
    const markers = new Set<string>();
    pack.termGroups.forEach((g, i) => {
      if (g.penalty && !codes.has(g.penalty)) {
        ctx.addIssue({
          code: 'custom',
          path: ['termGroups', i, 'penalty'],
          message: `unknown penalty code "${g.penalty}"`,
        });
      }
      if (g.marker) markers.add(g.marker);
    });
    const compact = (w: string) => w.toLowerCase().replace(/[\s\-_.·•*~|/\\'"`+=^]/g, '');
    pack.termGroups.forEach((g, i) => {
      g.judge?.forEach((j, k) => {
        try {
          compileCondition(j.if, pack.lexicon, compact);
        } catch (error) {
          const message =
            error instanceof LexiconError || error instanceof SyntaxError ? error.message : String(error);
          ctx.addIssue({ code: 'custom', path: ['termGroups', i, 'judge', k, 'if'], message });
        }
        if (j.verdict !== 'ignore' && !j.reason) {
          ctx.addIssue({
            code: 'custom',
            path: ['termGroups', i, 'judge', k, 'reason'],
            message: 'a clause that reports needs a reason',
          });
        }
      });
    });
    pack.delisting.aspects.forEach((a, i) => {
      if (!markers.has(a.marker)) {
        ctx.addIssue({
          code: 'custom',
          path: ['delisting', 'aspects', i, 'marker'],
          message: `no term group has marker "${a.marker}"`,
        });
      }
    });
  });

export type RulePack = z.infer<typeof rulePackSchema>;
export type RuleConfig = z.infer<typeof ruleConfig>;
export type TermGroup = z.infer<typeof termGroup>;

export class RulePackError extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super(`invalid rule pack:\n${problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`).join('\n')}`);
    this.name = 'RulePackError';
  }
}

/** Validates a pack (e.g. one downloaded from the marketplace); errors name the JSON path. */
export function parseRulePack(json: unknown): RulePack {
  const parsed = rulePackSchema.safeParse(json);
  if (!parsed.success) {
    throw new RulePackError(
      parsed.error.issues.map((i) => ({ path: formatIssuePath(i.path), message: i.message })),
    );
  }
  return parsed.data;
}

export const defaultRulePack: RulePack = parseRulePack(packJson);

// ---------------------------------------------------------------------------------------------
// Compilation

export { LINK_PLACEHOLDER };

export interface CompiledJudge {
  cond: Condition;
  verdict: Severity | 'ignore';
  confidence: number;
  reason?: { zh: string; en: string };
}

export interface CompiledGroup {
  group: TermGroup;
  /** Position in CompiledRulePack.groups. */
  index: number;
  /**
   * Of overlapping hits only the longest counts, per rule (or per marker for marker groups):
   * groups sharing that scope share this slot (0 … slotCount-1).
   */
  overlapSlot: number;
  /** The rule's slot for the per-field finding cap (0 … slotCount-1). */
  ruleSlot: number;
  rule: RuleId;
  severity: Severity;
  penaltyCode: string | null;
  penalty: Penalty | null;
  onlyBefore?: RegExp;
  onlyAfter?: RegExp;
  unlessBefore?: RegExp;
  unlessAfter?: RegExp;
  widenBefore?: RegExp;
  widenAfter?: RegExp;
  /** Normalised brand names that authorise this group. */
  brandKeys: string[];
  judges: CompiledJudge[];
  reason?: { zh: string; en: string };
  confidence: number;
}

export interface CompiledPattern {
  group: CompiledGroup;
  term: string;
  /** Whether the term starts/ends with an ASCII letter or digit: then it must not touch another. */
  asciiStart: boolean;
  asciiEnd: boolean;
}

export interface CompiledRulePack {
  pack: RulePack;
  fold: FoldTable;
  filler: Uint8Array;
  automaton: Automaton;
  patterns: CompiledPattern[];
  groups: CompiledGroup[];
  /** How many distinct overlapSlot / ruleSlot numbers there are. */
  slotCount: number;
  allowedDomains: string[];
  /** The link pattern, sticky (findLinks sets lastIndex to where a link may start). */
  linkRegex: RegExp;
  notDomains: Set<string>;
  placeholderDomains: string[];
  placeholderHost?: RegExp;
  exampleDomains: string[];
  exampleCue?: RegExp;
  versionBefore?: RegExp;
  versionAfter?: RegExp;
  addressBefore?: RegExp;
  pricePatterns: RegExp[];
  priceUnlessBefore: RegExp;
  editions: string[];
  /** Each edition with its compact key (the form it is looked for in a title). */
  editionKeys: [string, string][];
  penaltyOf(code: string | null | undefined): Penalty | null;
}

const contextRegex = (source: string | undefined, anchor: 'start' | 'end'): RegExp | undefined => {
  if (source === undefined) return undefined;
  const body = source.replaceAll('{link}', LINK_PLACEHOLDER);
  // Authors write the anchor (^…, …$) themselves; add it when they forgot, since an unanchored
  // window regex would look arbitrarily far from the hit.
  const anchored =
    anchor === 'start'
      ? body.startsWith('^')
        ? body
        : `^(?:${body})`
      : body.endsWith('$')
        ? body
        : `(?:${body})$`;
  return new RegExp(anchored, 'u');
};

const isAsciiAlnum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);

/**
 * Structural link pattern (the only regex scan over whole fields): scheme URLs, www hosts,
 * bare domains with a listed TLD (so config.json or main.py are not domains), IPv4 addresses,
 * e-mail addresses (also with the @ spelled out) and spelled-out dots (www点x点com, x dot com). Runs on normalised text, so
 * full-width ｗｗｗ．ｘ．ｃｏｍ is caught too.
 */
function buildLinkRegex(tlds: string[]): RegExp {
  const tld = `(?:${[...tlds].sort((a, b) => b.length - a.length).join('|')})`;
  const label = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
  const path = `(?::\\d{1,5})?(?:[/?#][^\\s<>"'\\u3000-\\u303f\\uff01-\\uff5e\\u4e00-\\u9fff]*)?`;
  const sources = [
    `[a-z][a-z0-9+.-]*://[^\\s<>"'\\u3000-\\u303f\\u4e00-\\u9fff]+`,
    `[a-z0-9._%+-]+@${label}(?:\\.${label})*\\.[a-z]{2,}`,
    // An address with its @ spelled out (support(at)vendor.cn) is still an address.
    `[a-z0-9._%+-]+\\s*(?:\\(at\\)|\\[at\\]|\\{at\\})\\s*${label}(?:\\.${label})*\\.[a-z]{2,}`,
    // The TLD ends the host: num.io.threads (a Kafka setting) is not the site num.io.
    `(?:${label}\\.)+${tld}(?![a-z0-9-]|\\.[a-z0-9])${path}`,
    `(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?:\\.(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}(?![\\d.])${path}`,
    // A host with a dot spelled out somewhere (vendor点com, dl.vendor(.)cn): real and spelled dots
    // may mix, as long as one is spelled (else the plain-domain form above is the one that reads it).
    `(?:www|${label})(?:\\.${label})*\\s*(?:\\[点\\]|\\(点\\)|【点】|（点）|点|點|\\(dot\\)|\\[dot\\]|dot|\\[\\.\\]|\\(\\.\\)|。)\\s*(?:${label}(?:\\.|\\s*(?:\\[点\\]|\\(点\\)|【点】|（点）|点|點|\\(dot\\)|\\[dot\\]|dot|\\[\\.\\]|\\(\\.\\)|。)\\s*))*${tld}(?![a-z0-9])`,
  ];
  // Sticky: findLinks tries it only where a link can start (see RUN in links.ts).
  return new RegExp(`(?<![a-z0-9._%+-])(?:${sources.join('|')})`, 'y');
}

export function compileRulePack(pack: RulePack): CompiledRulePack {
  const fold = buildFoldTable(pack.normalization.traditionalToSimplified, {
    opencc: pack.normalization.opencc,
    confusables: pack.normalization.confusables,
  });
  const filler = new Uint8Array(0x10000);
  for (const ch of pack.normalization.fillers) {
    const c = fold[ch.charCodeAt(0)]!;
    if (c !== 0) filler[c] = 1;
  }
  const compact = (s: string) =>
    [...normaliseString(s, fold)].filter((ch) => filler[ch.charCodeAt(0)] !== 1).join('');

  const penaltyOf = (code: string | null | undefined): Penalty | null => {
    if (!code) return null;
    const row = pack.penaltyTable[code];
    return row
      ? { points: row.points, freezeDays: row.freezeDays, depositDeduction: row.depositDeduction }
      : null;
  };

  const groups: CompiledGroup[] = [];
  const patterns: CompiledPattern[] = [];
  const keys: string[] = [];
  const slots = new Map<string, number>();
  const slotOf = (name: string) => {
    let n = slots.get(name);
    if (n === undefined) slots.set(name, (n = slots.size));
    return n;
  };
  for (const group of pack.termGroups) {
    const rule = pack.rules[group.rule];
    const penaltyCode = group.penalty === undefined ? rule.penalty : group.penalty;
    const compiled: CompiledGroup = {
      group,
      index: groups.length,
      overlapSlot: slotOf(group.marker ? `marker:${group.marker}` : `rule:${group.rule}`),
      ruleSlot: slotOf(`rule:${group.rule}`),
      rule: group.rule,
      severity: group.severity ?? rule.severity,
      penaltyCode,
      penalty: penaltyOf(penaltyCode),
      onlyBefore: contextRegex(group.onlyBefore, 'end'),
      onlyAfter: contextRegex(group.onlyAfter, 'start'),
      unlessBefore: contextRegex(group.unlessBefore, 'end'),
      unlessAfter: contextRegex(group.unlessAfter, 'start'),
      widenBefore: contextRegex(group.widenBefore, 'end'),
      widenAfter: contextRegex(group.widenAfter, 'start'),
      brandKeys: group.brand ? [group.brand, ...group.terms].map(compact) : [],
      judges: (group.judge ?? []).map((j) => ({
        cond: compileCondition(j.if, pack.lexicon, compact),
        verdict: j.verdict,
        confidence: j.confidence ?? (j.verdict === 'blocker' ? 0.9 : j.verdict === 'warning' ? 0.6 : 0.8),
        ...(j.reason ? { reason: j.reason } : {}),
      })),
      ...(group.reason ? { reason: group.reason } : {}),
      confidence: group.confidence ?? 0.8,
    };
    groups.push(compiled);
    // Terms that read the same once normalised (京东 and 京東) are one pattern: the first one
    // listed always won their identical hits anyway.
    const seen = new Set<string>();
    for (const term of group.terms) {
      const key = compact(term);
      if (key === '')
        throw new RulePackError([
          { path: `termGroups.${group.id}`, message: `term "${term}" is only punctuation` },
        ]);
      if (seen.has(key)) continue;
      seen.add(key);
      keys.push(key);
      patterns.push({
        group: compiled,
        term,
        asciiStart: isAsciiAlnum(key.charCodeAt(0)),
        asciiEnd: isAsciiAlnum(key.charCodeAt(key.length - 1)),
      });
    }
  }

  return {
    pack,
    fold,
    filler,
    automaton: buildAutomaton(keys, filler),
    patterns,
    groups,
    slotCount: slots.size,
    allowedDomains: pack.allowedDomains,
    linkRegex: buildLinkRegex(pack.links.tlds),
    notDomains: new Set(pack.links.notDomains),
    placeholderDomains: pack.links.placeholderDomains,
    ...(pack.links.placeholderHost ? { placeholderHost: new RegExp(pack.links.placeholderHost, 'u') } : {}),
    exampleDomains: pack.links.exampleDomains,
    ...(pack.links.exampleCue ? { exampleCue: new RegExp(pack.links.exampleCue, 'u') } : {}),
    ...(pack.links.versionBefore
      ? { versionBefore: new RegExp(`(?:${pack.links.versionBefore})$`, 'u') }
      : {}),
    ...(pack.links.versionAfter ? { versionAfter: new RegExp(`^(?:${pack.links.versionAfter})`, 'u') } : {}),
    ...(pack.links.addressBefore
      ? { addressBefore: new RegExp(`(?:${pack.links.addressBefore})$`, 'u') }
      : {}),
    pricePatterns: pack.consistency.pricePatterns.map((p) => new RegExp(p, 'gu')),
    priceUnlessBefore: new RegExp(pack.consistency.priceUnlessBefore, 'u'),
    editions: pack.consistency.editions,
    editionKeys: pack.consistency.editions.map((e) => [e, compact(e)]),
    penaltyOf,
  };
}

/** Compiles a normalised brand/term for comparisons outside the automaton. */
export function compactKey(compiled: CompiledRulePack, s: string): string {
  let out = '';
  for (const ch of normaliseString(s, compiled.fold)) if (compiled.filler[ch.charCodeAt(0)] !== 1) out += ch;
  return out;
}
