/**
 * The tickets fast path accepts only what ticketSchema accepts and then gives exactly its output;
 * whatever it declines goes to the schema (which names the problem).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastTicket } from '../../../shared/sla/fast-parse';
import { ticketSchema } from '../../../shared/sla/schema';

const instant = fc.oneof(
  fc.constantFrom(
    '2026-01-05T09:00:00+08:00',
    '2026-01-05T01:00:00Z',
    '2026-01-05T09:00+08:00',
    '2026-01-05T09:00:00.123+08:00',
  ),
  fc.constantFrom(
    '2026-01-05 09:00',
    '2026-02-30T09:00:00+08:00',
    '2026-01-05T09:00:00',
    '',
    '1900-01-01T00:00:00Z',
  ),
  fc
    .date({ min: new Date('1995-01-01'), max: new Date('2090-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
);
const ticket = fc.record(
  {
    id: fc.oneof(
      fc.string({ maxLength: 3 }),
      fc.integer(),
      fc.constant(1.5),
      fc.constant(null),
      fc.string({ minLength: 127, maxLength: 130 }),
    ),
    kind: fc.constantFrom('consultation', 'complaint', 'after-sales-email', 'after-sales-phone', 'chat', 3),
    openedAt: instant,
    firstResponseAt: fc.oneof(fc.constant(null), instant, fc.constant(5)),
    staff: fc.oneof(
      fc.string({ maxLength: 4 }),
      fc.constant(7),
      fc.string({ minLength: 199, maxLength: 202 }),
    ),
    note: fc.anything(),
  },
  { requiredKeys: ['kind'] },
);

describe('fastTicket', () => {
  it('agrees with ticketSchema on generated tickets', () => {
    fc.assert(
      fc.property(ticket, (generated) => {
        const value = JSON.parse(JSON.stringify(generated)) as unknown;
        const fast = fastTicket(value);
        const zod = ticketSchema.safeParse(value);
        if (fast !== null) {
          expect(zod.success).toBe(true);
          expect(fast).toEqual(zod.data);
        } else if (zod.success) {
          // Declining a valid ticket is allowed (the schema then handles it) but should be rare:
          // only for what the fast path does not try to cover.
          expect(JSON.stringify(value)).toMatch(/__proto__|"id":"[^"]{129}/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the ordinary ticket', () => {
    for (const ticket of [
      {
        id: 'T-1',
        kind: 'consultation',
        openedAt: '2026-01-05T09:00:00+08:00',
        firstResponseAt: null,
        staff: '王芳',
        channel: 'web',
      },
      {
        id: 2,
        kind: 'complaint',
        openedAt: '2026-01-05T09:00:00+08:00',
        firstResponseAt: '2026-01-05T09:00:10+08:00',
      },
    ])
      expect(fastTicket(ticket)).toEqual(ticketSchema.parse(ticket));
  });
});
