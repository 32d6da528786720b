import { z } from 'zod';

/** A channel: its request and response schema. */
export const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({
  request,
  response,
});

/** Chosen by the caller of a long request; its `progress` events and `app.cancel` name it. */
export const operationIdSchema = z
  .string()
  .regex(/^[\w-]{1,64}$/, { error: 'must be 1–64 letters, digits, _ or -' });
