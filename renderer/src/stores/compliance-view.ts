/**
 * Pure view models of the compliance pages: countdowns, "as of" labels, the tickets closest to
 * breaching. No rule is decided here — deadlines, statuses and totals come from the engines in
 * the main process; this only measures time against them and formats.
 */
import {
  beijingDayIndex,
  dayOfDateString,
  formatBeijingIso,
  toBeijingIsoText,
} from '../../../shared/calendar/beijing';
import type { ComplianceSnapshot } from '../../../shared/ipc/contract';

/**
 * The app's clock as the renderer sees it: the snapshot's `atMs` (the main process's clock, which
 * a test may fake) plus the time elapsed here since it arrived. Never the renderer's wall clock,
 * so a countdown agrees with the engines even when the two clocks differ.
 */
export function appNow(atMs: number, receivedAtPerf: number, nowPerf: number): number {
  return atMs + Math.max(0, nowPerf - receivedAtPerf);
}

export interface Countdown {
  /** ms until the deadline; ≤ 0 once it has passed */
  leftMs: number;
  /** The deadline has passed: a pending ticket shows "breached" until the next refresh confirms it. */
  passed: boolean;
  /** e.g. "09:59", "2:03:04", "3 天 04:00:00" */
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Formats a non-negative duration; seconds are floored so "00:00" appears only at the deadline. */
export function formatDuration(ms: number, dayWord: (days: number) => string): string {
  const total = Math.floor(Math.max(0, ms) / 1000);
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const clock =
    hours > 0 || days > 0
      ? `${pad(hours)}:${pad(minutes)}:${pad(seconds)}`
      : `${pad(minutes)}:${pad(seconds)}`;
  return days > 0 ? `${dayWord(days)} ${clock}` : clock;
}

export function countdown(
  deadlineMs: number,
  nowMs: number,
  dayWord: (days: number) => string = (d) => `${d}d`,
): Countdown {
  const leftMs = deadlineMs - nowMs;
  return { leftMs, passed: leftMs <= 0, text: formatDuration(leftMs, dayWord) };
}

/** The words of a day countdown ("3 days left", "due today", "2 days overdue") choose by `state`. */
export function daysLeft(days: number): { n: number; state: 'left' | 'today' | 'overdue' } {
  return { n: Math.abs(days), state: days > 0 ? 'left' : days === 0 ? 'today' : 'overdue' };
}

/** "As of 2026-01-05 10:00:00" in Beijing time, from the engines' ISO +08:00 string. */
export function asOfTime(iso: string): string {
  return toBeijingIsoText(iso).slice(0, 19).replace('T', ' ');
}

/** A Beijing ISO time shown as "2026-01-05 10:00" (engines report +08:00 already). */
export function beijingMinute(iso: string | null): string {
  return iso === null ? '—' : toBeijingIsoText(iso).slice(0, 16).replace('T', ' ');
}

export type PendingTicketView = ComplianceSnapshot['closestTickets'][number];

/** Pending tickets by deadline, soonest first (what the overview lists with live countdowns; the core picks them by index). */
export function closestToBreach(snapshot: ComplianceSnapshot, limit: number): PendingTicketView[] {
  return snapshot.closestTickets.slice(0, limit);
}

/** Whole Beijing days from today to a YYYY-MM-DD due date (0 = due today, negative = past). */
export function daysUntil(date: string, nowMs: number): number {
  const due = dayOfDateString(date);
  if (due === undefined) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  return due - beijingDayIndex(nowMs);
}

/** A rate 0–1 as "87.5%", or "—" while nothing is decided. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toString()}%`;
}

/** An instant as ISO 8601 in Beijing time, "2026-01-05T10:00:00+08:00" (default values of entry forms). */
export function beijingIsoOf(ms: number): string {
  return formatBeijingIso(Math.floor(ms / 1000) * 1000);
}

/** Form fields → request: empty optional text becomes null/undefined, as the file formats expect. */
export const blankToNull = (value: string | undefined | null): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value.trim();
