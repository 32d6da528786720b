/**
 * The listing editor's unsaved draft (issue 17): saved by the core a moment after each change, so
 * an edit in progress survives a crash of the window, and offered back on the next open. One slot:
 * the editor edits one listing at a time. The draft is the form's listing as typed — it need not be
 * valid yet (a required field may still be empty), so only its size and outer shape are checked.
 */
import { z } from 'zod';
import { channel } from './define';
import { importLimits } from './listings';

export const editorDraftSchema = z
  .object({
    /** The stored listing being edited; null for a new one. */
    localId: z.string().min(1).max(64).nullable(),
    /** The record's revision when editing started (null for a new listing). */
    revision: z.number().int().positive().nullable(),
    /** Title to name the draft by in the restore offer. */
    title: z.string().max(200),
    /** The listing as typed (not validated: it is a draft). */
    listing: z.record(z.string(), z.unknown()),
    savedAt: z.string().max(40),
  })
  .strict();
export type EditorDraft = z.infer<typeof editorDraftSchema>;

/** A draft is at most the size of the largest listing import accepts, plus room for the other fields. */
export const maxDraftChars = importLimits.maxInlineChars + 1_000_000;

const empty = z.object({}).strict();

export const draftsContract = {
  'drafts.get': channel(empty, z.object({ draft: editorDraftSchema.nullable() })),
  'drafts.save': channel(z.object({ draft: editorDraftSchema }).strict(), z.object({ saved: z.boolean() })),
  'drafts.discard': channel(empty, z.object({ discarded: z.boolean() })),
} as const;
