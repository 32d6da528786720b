/**
 * Policy-pack channels (issue 17 item 8): the packs the compliance engines run on — the bundled
 * ones and packs loaded from a file — loading one (validated with policyPackSchema before it is
 * stored; a pack with a bundled id must have a newer version and then supersedes it), removing a
 * loaded one (the bundled pack of its id applies again). A pack may carry official calendar years
 * (formats.md §8 inside `calendar.officialYears`); every deadline is recomputed after a change.
 */
import { z } from 'zod';
import { channel } from './define';

const bilingual = z.object({ 'zh-CN': z.string(), en: z.string() });

export const policyPackInfoSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: bilingual,
  origin: z.enum(['bundled', 'file']),
  /** The pack the engines use for this id (a loaded newer one hides the bundled one). */
  inUse: z.boolean(),
  /** On a bundled pack: the version of the loaded pack that supersedes it. */
  supersededBy: z.string().nullable(),
  /** Enabled in the settings (policyPacks). */
  enabled: z.boolean(),
  /** Years whose official holidays the pack carries (calendar.officialYears), ascending. */
  calendarYears: z.array(z.number().int()),
  fileName: z.string().nullable(),
  addedAt: z.string().nullable(),
});
export type PolicyPackInfo = z.infer<typeof policyPackInfoSchema>;

/** Policy packs are tens of KB; this is far above any real one. */
const MAX_PACK_TEXT = 5_000_000;

const packListSchema = z.object({ packs: z.array(policyPackInfoSchema) });

export const policyPacksContract = {
  'policypacks.list': channel(z.object({}).strict(), packListSchema),
  /** Validates and stores a pack file; it is used at once (a bundled id: only when newer). */
  'policypacks.import': channel(
    z.object({ name: z.string().min(1).max(500), text: z.string().max(MAX_PACK_TEXT) }).strict(),
    z.object({
      pack: policyPackInfoSchema,
      /** The bundled version it supersedes, if it has a bundled id. */
      supersedes: z.string().nullable(),
      /** A loaded pack of the same id it replaced (its version). */
      replaced: z.string().nullable(),
      packs: z.array(policyPackInfoSchema),
    }),
  ),
  /** Forgets a loaded pack (the bundled pack of its id, if any, applies again). */
  'policypacks.remove': channel(
    z
      .object({
        id: z
          .string()
          .regex(/^[a-z0-9-]+$/)
          .max(100),
      })
      .strict(),
    packListSchema,
  ),
} as const;
