/**
 * `POST …/sandbox:advance`: moves simulated time forward and lets the marketplace happen in
 * between — buyers open tickets, reviews finish, late complaints become violations and approved
 * refunds are deducted from the deposit. Deterministic for a given seed and sequence of advances.
 */
import type { SandboxStore } from './store';
import { advanceClock } from './clock';
import { createRng } from './prng';
import { makeTicket } from './seed';
import { DAY, HOUR, MINUTE, beijingIso } from './time';

/** Buyers open one ticket per this many simulated minutes, per vendor (capped per advance). */
const MINUTES_PER_TICKET = 30;
const MAX_NEW_TICKETS = 500;
const REVIEW_MS = 2 * HOUR;
const COMPLAINT_DEADLINE_MS = 30 * MINUTE;
const REFUND_AFTER_MS = 3 * DAY;

export function advanceSimulation(store: SandboxStore, seed: string, minutes: number) {
  const step = Number(store.getMeta('advanceCount') ?? '0') + 1;
  store.setMeta('advanceCount', String(step));
  const rng = createRng(`vendordesk-sandbox:${seed}:advance:${step}`);
  const { from, to } = advanceClock(store, minutes * MINUTE);
  const totals = { ticketsOpened: 0, reviewsFinished: 0, deductions: 0 };
  const vendorIds = [...new Set(store.credentials().map((c) => c.vendorId))];

  for (const vendorId of vendorIds) {
    // New tickets, unanswered, spread over the interval.
    const count = Math.min(MAX_NEW_TICKETS, Math.floor(minutes / MINUTES_PER_TICKET));
    for (let i = 0; i < count; i++) {
      const opened = from + Math.floor(rng.next() * (to - from));
      const id = `T-${vendorId.slice(2)}-S${step}-${String(i + 1).padStart(4, '0')}`;
      const kind = rng.pick([
        'consultation',
        'consultation',
        'complaint',
        'after-sales-email',
        'after-sales-phone',
      ] as const);
      const ticket = makeTicket(rng, id, opened, kind, to, false);
      store.put(vendorId, 'ticket', id, ticket, ticket.openedAt);
      totals.ticketsOpened++;
    }

    // Reviews: submitted → in-review → listed, two simulated hours after submission.
    for (const listing of [
      ...store.all(vendorId, 'listing', { jsonPath: '$.review.state', value: 'submitted' }),
      ...store.all(vendorId, 'listing', { jsonPath: '$.review.state', value: 'in-review' }),
    ]) {
      const review = listing.review as { submittedAt: string };
      const due = Date.parse(review.submittedAt) + REVIEW_MS;
      const done = due <= to;
      const at = beijingIso(done ? due : to);
      store.put(
        vendorId,
        'listing',
        String(listing.id),
        {
          ...listing,
          review: { ...review, state: done ? 'listed' : 'in-review', decidedAt: done ? at : null },
          updatedAt: at,
        },
        String(listing.createdAt),
      );
      if (done) totals.reviewsFinished++;
    }

    // Complaints not answered within 30 minutes become violations (3 points, no deduction).
    for (const ticket of store.all(vendorId, 'ticket', { jsonPath: '$.status', value: 'open' })) {
      if (ticket.kind !== 'complaint') continue;
      const due = Date.parse(String(ticket.openedAt)) + COMPLAINT_DEADLINE_MS;
      const violationId = `VIO-${String(ticket.id)}`;
      if (due > to || store.get(vendorId, 'violation', violationId)) continue;
      store.put(
        vendorId,
        'violation',
        violationId,
        {
          id: violationId,
          code: 'complaint-response-late',
          occurredAt: beijingIso(due),
          decidedAt: beijingIso(to),
          listingId: null,
          description: `投诉 ${String(ticket.id)} 30 分钟内未响应。`,
          appeal: { state: 'none', submittedAt: null, decidedAt: null },
          updatedAt: beijingIso(to),
        },
        beijingIso(due),
      );
    }

    // Pending refunds older than three days are paid to the buyer out of the deposit.
    for (const order of store.all(vendorId, 'order')) {
      const refunds = order.refundRequests as Array<{
        id: string;
        requestedAt: string;
        amount: number;
        state: string;
      }>;
      const payable = refunds.filter(
        (r) => r.state === 'pending' && Date.parse(r.requestedAt) + REFUND_AFTER_MS <= to,
      );
      if (!payable.length) continue;
      for (const refund of payable) {
        refund.state = 'refunded';
        const entries = store.all(vendorId, 'ledgerEntry');
        const balance = Number(entries[entries.length - 1]?.balanceAfter ?? 0) - refund.amount;
        const at = beijingIso(to); // ledger order is time order: book it at the end of the advance
        const id = `D-${vendorId.slice(2)}-${refund.id}`;
        store.put(
          vendorId,
          'ledgerEntry',
          id,
          {
            id,
            at,
            type: 'deduction',
            amount: refund.amount,
            reason: `退款赔付：订单 ${String(order.id)}`,
            balanceAfter: balance,
            updatedAt: at,
          },
          at,
        );
        totals.deductions++;
      }
      store.put(
        vendorId,
        'order',
        String(order.id),
        { ...order, refundRequests: refunds, updatedAt: beijingIso(to) },
        String(order.purchasedAt),
      );
    }
  }
  return { now: beijingIso(to), ...totals };
}
