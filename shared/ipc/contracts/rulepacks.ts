/**
 * Rule-pack channels (issue 15): the packs the app has (the bundled one, files, the marketplace's),
 * loading one from a file (validated before it is stored), activating one — every listing is
 * re-checked in the background with `progress` events and the answer is what changed — and going
 * back to the previous pack. The editor's live check asks for the active pack itself.
 */
import { z } from 'zod';
import { rulePackSchema } from '../../check/rulepack';
import { ruleIds } from '../../check/types';
import { channel, operationIdSchema } from './define';

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const rulePackInfoSchema = z.object({
  /** "<id>@<version>", as stored with every check run. */
  key: z.string(),
  id: z.string(),
  version: z.string(),
  title: z.string(),
  source: z.enum(['bundled', 'file', 'marketplace']),
  sourceName: z.string().nullable(),
  addedAt: z.string().nullable(),
  active: z.boolean(),
  /** The pack "go back" returns to. */
  previous: z.boolean(),
  changelog: z.array(z.object({ version: z.string(), date: z.string(), changes: z.array(bilingual) })),
});
export type RulePackInfo = z.infer<typeof rulePackInfoSchema>;

const listingRefSchema = z.object({ localId: z.string(), title: z.string() });

/** What an activation changed, listing by listing and rule by rule. */
export const rulePackDiffSchema = z.object({
  from: z.string(),
  to: z.string(),
  at: z.string(),
  /** Listings re-checked. */
  listings: z.number().int().nonnegative(),
  /** Listings the pack change made stale; more than `listings` when the re-check was cancelled. */
  total: z.number().int().nonnegative(),
  /** Stopped by `app.cancel`: the new pack is active, `total - listings` listings wait for their re-check. */
  cancelled: z.boolean(),
  newlyBlockedCount: z.number().int().nonnegative(),
  newlyClearCount: z.number().int().nonnegative(),
  /** The first 200 of each, by title. */
  newlyBlocked: z.array(listingRefSchema),
  newlyClear: z.array(listingRefSchema),
  /** Per rule: how many listings it was found in before and after (rules that changed only). */
  rules: z.array(
    z.object({
      ruleId: z.enum(ruleIds),
      before: z.number().int().nonnegative(),
      after: z.number().int().nonnegative(),
    }),
  ),
});
export type RulePackDiff = z.infer<typeof rulePackDiffSchema>;

/** Rule pack files are tens of KB; this is far above any real one. */
const MAX_PACK_TEXT = 5_000_000;

export const rulePacksContract = {
  'rulepacks.list': channel(
    z.object({}).strict(),
    z.object({ packs: z.array(rulePackInfoSchema), lastDiff: rulePackDiffSchema.nullable() }),
  ),
  /** Validates and stores a pack file (not yet active). */
  'rulepacks.import': channel(
    z.object({ name: z.string().min(1).max(500), text: z.string().max(MAX_PACK_TEXT) }).strict(),
    rulePackInfoSchema,
  ),
  /** Makes a pack the active one and re-checks every listing with it (long: progress events, `app.cancel`). */
  'rulepacks.activate': channel(
    z.object({ key: z.string().min(1).max(300), operationId: operationIdSchema.optional() }).strict(),
    rulePackDiffSchema,
  ),
  /** Back to the pack active before this one. */
  'rulepacks.revert': channel(
    z.object({ operationId: operationIdSchema.optional() }).strict(),
    rulePackDiffSchema,
  ),
  /** The active pack itself, for the editor's live check (it must judge as the stored runs do). */
  'rulepacks.active': channel(z.object({}).strict(), z.object({ key: z.string(), pack: rulePackSchema })),
};
