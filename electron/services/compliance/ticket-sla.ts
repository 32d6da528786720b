/**
 * The settings the stored ticket SLA columns are computed with (issue 11): the primary pack's
 * SLA rules, its calendar with the user's service hours, calendar overrides and imported official
 * years. The key changes whenever one of them does; stored tickets with another key are recomputed.
 */
import { createHash } from 'node:crypto';
import { slaEvaluator } from '../../../shared/sla/compute';
import type { SlaContext } from '../repositories/tickets-repository';
import type { ComplianceConfig } from './engines';

const cache = new Map<string, SlaContext>();

export function slaContextOf(config: ComplianceConfig): SlaContext | null {
  const pack = config.primary;
  if (!pack?.sla) return null;
  const key = createHash('sha256')
    .update(JSON.stringify([pack.id, pack.sla, pack.calendar, config.calendarInputs]))
    .digest('base64url')
    .slice(0, 22);
  let context = cache.get(key);
  if (!context) {
    context = { key, policy: pack.id, evaluator: slaEvaluator(pack, config.calendarInputs) };
    if (cache.size > 8) cache.clear();
    cache.set(key, context);
  }
  return context;
}
