/** Time helpers for the sandbox: all seeded and simulated times are written in Beijing time. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const BEIJING_OFFSET = 8 * HOUR;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026-01-12T10:00:00+08:00` */
export function beijingIso(ms: number): string {
  const d = new Date(Math.floor(ms / 1000) * 1000 + BEIJING_OFFSET);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}+08:00`
  );
}

export function beijingParts(ms: number): { year: number; hour: number; minute: number; weekday: number } {
  const d = new Date(ms + BEIJING_OFFSET);
  return {
    year: d.getUTCFullYear(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
}
