/**
 * The marketplace's review of a submitted listing. The sandbox re-runs the vendor self-check
 * (issue 3, shared/check/) and rejects drafts with blocker findings, the findings becoming the
 * reviewer comments. `SelfCheck` is the seam: startSandbox takes one (null accepts every draft).
 */
import { checkListing, defaultCompiledPack } from '../shared/check/engine';
import type { Listing } from '../shared/listing/schema';

export interface ReviewComment {
  at: string;
  author: string;
  message: string;
  ruleId: string | null;
  field: string | null;
}

/** Returns the reviewer comments for the blockers in a draft; empty when it may go to review. */
export type SelfCheck = (draft: Listing, at: string) => ReviewComment[];

const REVIEWER = '云市场审核（自检规则）';

/** The self-check engine with the default rule pack; only blockers reject a submission. */
export const defaultSelfCheck: SelfCheck = (draft, at) =>
  checkListing(draft, defaultCompiledPack())
    .filter((finding) => finding.severity === 'blocker')
    .map((finding) => ({
      at,
      author: REVIEWER,
      message: `${finding.message}（${finding.clause}）${finding.match ? `：「${finding.match}」` : ''}`,
      ruleId: finding.ruleId,
      field: finding.field,
    }));
