/**
 * Times on screen are Beijing time (issue 17): stored times come as ISO 8601 with any offset —
 * the engines' "+08:00", but also UTC ("2026-12-01T18:08:31.671Z") from audit columns such as a
 * rule pack's addedAt or a sync entry's updatedAt. This puts any of them on the Beijing wall clock.
 */
import { toBeijingIsoText } from '../../../../shared/calendar/beijing';

/** "2026-12-02 02:08:31" (or "2026-12-02 02:08" without seconds) in Beijing time; '—' for none. */
export function beijingTime(iso: string | null | undefined, { seconds = true } = {}): string {
  if (!iso) return '—';
  if (Number.isNaN(Date.parse(iso))) return iso;
  return toBeijingIsoText(iso)
    .slice(0, seconds ? 19 : 16)
    .replace('T', ' ');
}
