import { parseIsoInstant } from '../../../shared/calendar/instant';

/** Epoch ms of an ISO instant with offset (throws on anything the file format would reject). */
export function ms(iso: string): number {
  const parsed = parseIsoInstant(iso);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.ms;
}
