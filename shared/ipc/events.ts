/**
 * Events: what the core tells the UI without being asked (issue 11), beside request/response.
 * The core emits them, the transport carries them (Electron: IPC `vendordesk:event`; browser
 * mode: Server-Sent Events on `GET /api/events`), and every side validates them against these
 * schemas. The renderer subscribes with `vendorDesk.on(name, listener)` (shared/ipc/bridge.ts).
 * Adding an event = a schema here + its name in channels.ts (`eventNames`).
 */
import { z } from 'zod';
import { eventNames, type EventName } from './channels';
import { alertRecordSchema } from './contracts/compliance';

/** What the data changed in, so a page reloads only what it shows. */
export const dataTopics = [
  'listings',
  'checks',
  'tickets',
  'ledger',
  'violations',
  'settings',
  'alerts',
  'rulepacks',
  'policypacks',
] as const;
export type DataTopic = (typeof dataTopics)[number];

export const eventContract = {
  /** Alerts the scheduler has just recorded (already delivered as OS notifications in Electron). */
  'alerts.raised': z.object({ alerts: z.array(alertRecordSchema) }),
  /** Stored data changed (a save, an import, a sync, or time passing a deadline). */
  'data.changed': z.object({
    topics: z.array(z.enum(dataTopics)).min(1),
    reason: z.enum(['write', 'time', 'sync']),
  }),
  /** Progress of a long request that carried an `operationId` (import, re-check all, first sync). */
  progress: z.object({
    operationId: z.string(),
    channel: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0),
    /** Set on the last event of the operation. */
    finished: z.enum(['ok', 'cancelled', 'failed']).optional(),
    /** A file import while it reads (shared/ipc/dispatch.ts ProgressDetail). */
    bytesDone: z.number().int().min(0).optional(),
    bytesTotal: z.number().int().min(0).optional(),
    recordsRead: z.number().int().min(0).optional(),
  }),
  /** The core's worker: `restarting` after it died (requests in flight failed; committed data is kept). */
  'core.status': z.object({
    state: z.enum(['ready', 'restarting', 'failed']),
    restarts: z.number().int().min(0),
    message: z.string().optional(),
  }),
  /** Open an in-app route (menu item, clicked desktop notification). */
  'app.navigate': z.object({ route: z.string().regex(/^\/[\w/?=&%.-]*$/) }),
  /** Reserved for the sync engine (issue 10). */
  'sync.state': z.object({
    state: z.enum(['idle', 'running', 'error', 'offline']),
    pending: z.number().int().min(0),
    message: z.string().optional(),
  }),
} as const;

export type EventContract = typeof eventContract;
export type EventPayload<E extends EventName> = z.output<EventContract[E]>;
export type { EventName };
export { eventNames };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _eventsMatch: Same<keyof EventContract, EventName> = true;
void _eventsMatch;

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(eventContract, name);
}

/** Validates an event; returns null (never throws) for an unknown name or a payload off the contract. */
export function parseEvent(name: unknown, payload: unknown): { name: EventName; payload: unknown } | null {
  if (!isEventName(name)) return null;
  const parsed = eventContract[name].safeParse(payload);
  return parsed.success ? { name, payload: parsed.data } : null;
}
