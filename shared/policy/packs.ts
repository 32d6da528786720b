/**
 * The built-in policy packs (resources/policies/*.json), validated on first use, and the set the
 * app runs on: the built-in ones plus packs the user loaded from a file (Settings → 策略包). A
 * loaded pack with a built-in id and a newer version supersedes the built-in one; removing it
 * brings the built-in one back. `jdcloud-marketplace-2019` is the default everywhere (formats.md §3–5).
 */
import type { z } from 'zod';
import { parseJsonWithPosition } from '../json/parse';
import { formatIssuePath } from '../listing/parse';
import type { InputResult } from './input-file';
import { policyPackSchema, type PolicyPack } from './schema';
import marketplace2019 from '../../resources/policies/jdcloud-marketplace-2019.json';
import jdStore2021 from '../../resources/policies/jd-store-2021.json';

export const DEFAULT_POLICY_ID = 'jdcloud-marketplace-2019';

const builtInPacks: Record<string, unknown> = {
  'jdcloud-marketplace-2019': marketplace2019,
  'jd-store-2021': jdStore2021,
};

export const policyIds: readonly string[] = Object.keys(builtInPacks);

/**
 * Wording for the problems a field's own schema does not word (a missing field, a wrong type), in
 * both languages like the rest: a user-written pack meets these far more often than a bundled one.
 */
const bilingualFallback = (issue: z.core.$ZodRawIssue): string | undefined => {
  if (issue.code === 'invalid_type') {
    return issue.input === undefined
      ? `缺少此字段（应为 ${issue.expected}） / missing (expected ${issue.expected})`
      : `类型不对（应为 ${issue.expected}） / wrong type (expected ${issue.expected})`;
  }
  if (issue.code === 'invalid_value')
    return `取值不对 / invalid value (expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')})`;
  return undefined;
};

export interface PolicyPackProblem {
  /** e.g. "sla.limits.complaint.clock", "" for the whole pack. */
  path: string;
  message: string;
}

/** Validates a pack; the problems name each field (empty when the pack is valid). */
export function checkPolicyPack(
  raw: unknown,
): { ok: true; pack: PolicyPack } | { ok: false; problems: PolicyPackProblem[] } {
  const parsed = policyPackSchema.safeParse(raw, { error: bilingualFallback });
  if (parsed.success) return { ok: true, pack: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      path: formatIssuePath(issue.path),
      message: issue.message,
    })),
  };
}

/**
 * A pack file's text, read as the CLI's `--policy FILE` and the app's import both read it: JSON
 * with the position of a syntax error, then checkPolicyPack (problems in the shape of the other
 * input files, so `formatProblems` prints them).
 */
export function parsePolicyPackText(text: string): InputResult<PolicyPack> {
  const json = parseJsonWithPosition(text);
  if (!json.ok) return { ok: false, problems: [{ kind: 'json', path: '', ...json.problem }] };
  const checked = checkPolicyPack(json.value);
  if (checked.ok) return { ok: true, value: checked.pack };
  return { ok: false, problems: checked.problems.map((p) => ({ kind: 'schema', ...p })) };
}

/** Validates a pack (built-in or user-supplied); throws with every problem's field path. */
export function validatePolicyPack(raw: unknown, source: string): PolicyPack {
  const checked = checkPolicyPack(raw);
  if (checked.ok) return checked.pack;
  const lines = checked.problems.map((p) => `  ${p.path || '(root)'}: ${p.message}`);
  throw new Error(`策略包无效 / invalid policy pack ${source}:\n${lines.join('\n')}`);
}

const validated = new Map<string, PolicyPack>();

/** A built-in pack (never a loaded one: those are in a PolicyPackSet). */
export function getPolicyPack(id: string = DEFAULT_POLICY_ID): PolicyPack {
  let pack = validated.get(id);
  if (!pack) {
    const raw = builtInPacks[id];
    if (raw === undefined) {
      throw new Error(`未知策略 / unknown policy "${id}"; available: ${policyIds.join(', ')}`);
    }
    pack = validatePolicyPack(raw, `resources/policies/${id}.json`);
    if (pack.id !== id)
      throw new Error(`resources/policies/${id}.json: id is "${pack.id}", expected "${id}"`);
    validated.set(id, pack);
  }
  return pack;
}

/** Compares two x.y.z versions numerically (1.10.0 is newer than 1.9.0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The packs the engines run on: the built-in ones, with loaded packs superseding or beside them. */
export interface PolicyPackSet {
  /** Built-in ids first (in their order), then ids only a loaded pack has. */
  readonly ids: readonly string[];
  /** The pack of an id, or undefined when the set has none. */
  get(id: string): PolicyPack | undefined;
  /** Where the pack in use for an id comes from. */
  origin(id: string): 'bundled' | 'file' | undefined;
}

/**
 * `loaded`: validated packs the user loaded, one per id. A loaded pack whose id is built in is used
 * only when its version is newer (the import refuses an older one; this keeps a stored pack from
 * shadowing a built-in pack that an app update made newer).
 */
export function policyPackSet(loaded: readonly PolicyPack[] = []): PolicyPackSet {
  const byId = new Map<string, { pack: PolicyPack; origin: 'bundled' | 'file' }>();
  for (const id of policyIds) byId.set(id, { pack: getPolicyPack(id), origin: 'bundled' });
  for (const pack of loaded) {
    const bundled = byId.get(pack.id);
    if (bundled && compareVersions(pack.version, bundled.pack.version) <= 0) continue;
    byId.set(pack.id, { pack, origin: 'file' });
  }
  return {
    ids: [...byId.keys()],
    get: (id) => byId.get(id)?.pack,
    origin: (id) => byId.get(id)?.origin,
  };
}

let bundledSet: PolicyPackSet | undefined;
/** The built-in packs only (validated on first use). */
export const bundledPolicyPacks = (): PolicyPackSet => (bundledSet ??= policyPackSet());
