/**
 * The marketplace's review of a submitted listing. The sandbox re-runs the vendor self-check
 * (issue 3, shared/check/) and rejects drafts with blocker findings, the reviewer comments being
 * the findings. `SelfCheck` is the seam: startSandbox takes one, and `defaultSelfCheck` is the
 * self-check engine when it is available.
 */
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
