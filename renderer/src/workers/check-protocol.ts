/** Messages between the editor and the check worker. */
import type { CheckContext, Finding } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';

export interface CheckRequest {
  seq: number;
  listing: Listing;
  context: CheckContext;
}

export type CheckResponse =
  | { seq: number; ms: number; findings: Finding[]; error?: undefined }
  | { seq: number; ms: number; error: string; findings?: undefined };
