/** Messages between the editor and the check worker. */
import type { CheckContext, Finding } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import type { RulePack } from '../../../shared/check/rulepack';

/** The active rule pack, sent before the first check and whenever it changes. */
export interface PackMessage {
  kind: 'pack';
  key: string;
  pack: RulePack;
}

export interface CheckRequest {
  kind?: 'check';
  seq: number;
  listing: Listing;
  context: CheckContext;
  /** incremental: re-check only around the edits since the worker's previous check. */
  mode: 'incremental' | 'full';
}

export type CheckResponse =
  | { seq: number; ms: number; findings: Finding[]; incremental: boolean; error?: undefined }
  | { seq: number; ms: number; error: string; findings?: undefined };
