/**
 * A fast path for the common case of a tickets file (issue 11: ≥ 50,000 rows/s on import): it
 * accepts a file only when every ticket is plainly valid by ticketsFileSchema's rules and then
 * gives exactly what the schema gives (times as epoch ms, extra fields kept). Anything else —
 * any doubt at all — returns null and the caller runs the zod schema, which names the problem.
 * A property test (test/unit/engines/tickets-fast-parse.test.ts) holds the two together.
 */
import { isoInstantMs } from '../calendar/instant';
import { ticketKinds } from '../policy/schema';
import { MAX_ID_LENGTH, MAX_NAME_LENGTH, type Ticket } from './schema';

const kinds: ReadonlySet<string> = new Set(ticketKinds);

function instant(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const ms = isoInstantMs(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** One ticket of a tickets file (the file's ids are compared by the importer); null when in doubt. */
export function fastTicket(t: unknown): Ticket | null {
  if (
    typeof t !== 'object' ||
    t === null ||
    Array.isArray(t) ||
    Object.getPrototypeOf(t) !== Object.prototype
  )
    return null;
  const r = t as Record<string, unknown>;
  if (Object.prototype.hasOwnProperty.call(r, '__proto__')) return null;
  const id = r.id;
  if (typeof id === 'string') {
    if (id.length < 1 || id.length > MAX_ID_LENGTH) return null;
  } else if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null;
  if (typeof r.kind !== 'string' || !kinds.has(r.kind)) return null;
  const openedAt = instant(r.openedAt);
  if (openedAt === undefined) return null;
  let firstResponseAt: number | null;
  if (r.firstResponseAt === null) firstResponseAt = null;
  else {
    const ms = instant(r.firstResponseAt);
    if (ms === undefined || ms < openedAt) return null;
    firstResponseAt = ms;
  }
  if ('staff' in r && (typeof r.staff !== 'string' || r.staff.length > MAX_NAME_LENGTH)) return null;
  return { ...r, openedAt, firstResponseAt } as Ticket;
}
