/**
 * Delete with undo, and export of compliance data (issue 17). A delete answers with an undo token;
 * `app.undoDelete` puts exactly what it removed back (same ids, history included) for as long as
 * the app runs (the last 50 deletes). Export writes formats.md §3–5 files that import back.
 */
import { z } from 'zod';
import { channel } from './define';
import { localIdSchema } from './listings';

export const complianceKinds = ['tickets', 'ledger', 'violations'] as const;
export type ComplianceKind = (typeof complianceKinds)[number];

const recordIdSchema = z.union([z.string().min(1).max(200), z.number()]);
export const undoTokenSchema = z.string().regex(/^[\w-]{1,64}$/);

const deleted = z.object({ deleted: z.number().int().nonnegative(), undoToken: undoTokenSchema });

export const dataOpsContract = {
  'listings.deleteMany': channel(
    z.object({ localIds: z.array(localIdSchema).min(1).max(100_000) }).strict(),
    deleted,
  ),
  'compliance.delete': channel(
    z.object({ kind: z.enum(complianceKinds), ids: z.array(recordIdSchema).min(1).max(1_000_000) }).strict(),
    deleted,
  ),
  'compliance.export': channel(
    z.object({ kind: z.enum(complianceKinds) }).strict(),
    z.object({ fileName: z.string(), text: z.string(), count: z.number().int() }),
  ),
  'app.undoDelete': channel(
    z.object({ undoToken: undoTokenSchema }).strict(),
    z.object({ restored: z.number().int() }),
  ),
} as const;
