/** Messages between the editor and the check worker. */
import type { CheckContext } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import type { RulePack } from '../../../shared/check/rulepack';
import type { FindingsDelta } from './findings-delta';

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

/** The client lost track of the findings last sent: the next result is sent whole. */
export interface ResyncMessage {
  kind: 'resync';
}

/**
 * Every response is taken in by the client, also one it no longer waits for: each result is a
 * delta against the one before it (findings-delta.ts), and an error resets both ends to none.
 */
export type CheckResponse =
  | { seq: number; ms: number; delta: FindingsDelta; incremental: boolean; error?: undefined }
  | { seq: number; ms: number; error: string; delta?: undefined };
