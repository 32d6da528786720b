/**
 * The built-in policy packs (resources/policies/*.json), validated on first use.
 * `jdcloud-marketplace-2019` is the default everywhere (formats.md §3–5).
 */
import { formatIssuePath } from '../listing/parse';
import { policyPackSchema, type PolicyPack } from './schema';
import marketplace2019 from '../../resources/policies/jdcloud-marketplace-2019.json';
import jdStore2021 from '../../resources/policies/jd-store-2021.json';

export const DEFAULT_POLICY_ID = 'jdcloud-marketplace-2019';

const builtInPacks: Record<string, unknown> = {
  'jdcloud-marketplace-2019': marketplace2019,
  'jd-store-2021': jdStore2021,
};

export const policyIds: readonly string[] = Object.keys(builtInPacks);

/** Validates a pack (built-in or user-supplied); throws with every problem's field path. */
export function validatePolicyPack(raw: unknown, source: string): PolicyPack {
  const parsed = policyPackSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map(
    (issue) => `  ${formatIssuePath(issue.path) || '(root)'}: ${issue.message}`,
  );
  throw new Error(`策略包无效 / invalid policy pack ${source}:\n${lines.join('\n')}`);
}

const validated = new Map<string, PolicyPack>();

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
