import type { z } from 'zod';

/** A channel: its request and response schema. */
export const channel = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response });
