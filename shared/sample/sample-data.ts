/**
 * Sample data for a first run (issue 17): a few tickets, a deposit ledger and a violation in the
 * formats of formats.md §3–5, placed around `now` so every compliance page shows something working
 * (a pending countdown, a met and a breached ticket, a shortfall, points). Every record comes from
 * the file SAMPLE_FILE_NAME and has an id starting with SAMPLE_ID_PREFIX, so it is marked as sample
 * wherever its source is shown, and removed in one step by that file name.
 */
import { formatBeijingIso } from '../calendar/beijing';

export const SAMPLE_FILE_NAME = '示例数据 sample-data.json';
export const SAMPLE_ID_PREFIX = '示例-';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The three files, as their JSON texts, with times relative to `now` (epoch ms). */
export function sampleFiles(now: number): { name: string; text: string }[] {
  const at = (offsetMs: number) => formatBeijingIso(Math.floor((now + offsetMs) / 1000) * 1000);
  const id = (n: string) => `${SAMPLE_ID_PREFIX}${n}`;
  const tickets = {
    tickets: [
      {
        id: id('Q1'),
        kind: 'consultation',
        openedAt: at(-2 * HOUR),
        firstResponseAt: at(-2 * HOUR + 20_000),
        staff: '示例客服',
      },
      {
        id: id('Q2'),
        kind: 'consultation',
        openedAt: at(-3 * DAY),
        firstResponseAt: at(-2 * DAY),
        staff: '示例客服',
      },
      {
        id: id('Q3'),
        kind: 'complaint',
        openedAt: at(-5 * MINUTE),
        firstResponseAt: null,
        staff: '示例客服',
      },
      { id: id('Q4'), kind: 'after-sales-email', openedAt: at(-30 * MINUTE), firstResponseAt: null },
    ],
  };
  const ledger = {
    required: 10000,
    entries: [
      { id: id('L1'), at: at(-90 * DAY), type: 'payment', amount: 10000, reason: '示例：入驻缴纳' },
      { id: id('L2'), at: at(-1 * DAY), type: 'deduction', amount: 2000, reason: '示例：用户退款' },
    ],
  };
  const violations = {
    violations: [
      { id: id('V1'), code: 'complaint-response-late', occurredAt: at(-25 * DAY), decidedAt: at(-20 * DAY) },
    ],
  };
  return [tickets, ledger, violations].map((body) => ({
    name: SAMPLE_FILE_NAME,
    text: JSON.stringify(body),
  }));
}
