import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkListing } from '../../../shared/check/engine';
import type { CheckContext, Finding, RuleId } from '../../../shared/check/types';
import { parseListingFile } from '../../../shared/listing/parse';
import type { Listing } from '../../../shared/listing/schema';

export const fixturesDir = join(import.meta.dirname, '../../fixtures/listings');

export function loadFixture(name: string): Listing {
  const parsed = parseListingFile(readFileSync(join(fixturesDir, name), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.listings[0]!;
}

/** The clean example with some fields replaced: a listing whose only findings come from them. */
export function withFields(fields: Partial<Listing>): Listing {
  return { ...loadFixture('clean-saas-crm.json'), ...fields };
}

export function findingsIn(description: string, context?: CheckContext): Finding[] {
  return checkListing(withFields({ description }), undefined, context).filter(
    (f) => f.field === 'description',
  );
}

export const ofRule = (findings: Finding[], rule: RuleId) => findings.filter((f) => f.ruleId === rule);
