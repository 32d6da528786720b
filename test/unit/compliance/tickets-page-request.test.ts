/**
 * Which request the Service page's tickets table makes for a page (use-tickets-table): a
 * neighbouring page goes through the shown page's cursor (the core seeks to it), a far jump by
 * plain offset (cheaper from either end than stepping from the cursor), and a cursor never
 * crosses a change of filters, sort or page size.
 */
import { describe, expect, it } from 'vitest';
import {
  ticketsPageRequest,
  type TicketsPageAnchor,
} from '../../../renderer/src/features/tickets-table/use-tickets-table';

const query = { sort: { field: 'deadline', order: 'desc' } } as const;
const shown = (offset: number): TicketsPageAnchor => ({
  queryKey: JSON.stringify(query),
  offset,
  limit: 20,
  total: 1_000_000,
  firstCursor: `deadline~${offset}~1`,
  lastCursor: `deadline~${offset}~2`,
});

describe('ticketsPageRequest', () => {
  it('asks for the next and previous pages through the shown page cursors', () => {
    expect(ticketsPageRequest(query, { offset: 500_020, limit: 20 }, shown(500_000))).toEqual({
      ...query,
      offset: 0,
      limit: 20,
      after: 'deadline~500000~2',
    });
    expect(ticketsPageRequest(query, { offset: 499_980, limit: 20 }, shown(500_000))).toEqual({
      ...query,
      offset: 0,
      limit: 20,
      before: 'deadline~500000~1',
    });
    // A few pages on: skip the pages between from the cursor.
    expect(ticketsPageRequest(query, { offset: 500_100, limit: 20 }, shown(500_000))).toMatchObject({
      offset: 80,
      after: 'deadline~500000~2',
    });
  });

  it('jumps far, reloads the same page and follows a new query by plain offset', () => {
    const plain = (offset: number) => ({ ...query, offset, limit: 20 });
    expect(ticketsPageRequest(query, { offset: 0, limit: 20 }, shown(20))).toEqual(plain(0));
    expect(ticketsPageRequest(query, { offset: 999_980, limit: 20 }, shown(0))).toEqual(plain(999_980));
    expect(ticketsPageRequest(query, { offset: 500_000, limit: 20 }, shown(500_000))).toEqual(plain(500_000));
    expect(ticketsPageRequest(query, { offset: 40, limit: 20 }, null)).toEqual(plain(40));
    const other = { ...query, kind: 'complaint' } as const;
    expect(ticketsPageRequest(other, { offset: 40, limit: 20 }, shown(20))).toEqual({
      ...other,
      offset: 40,
      limit: 20,
    });
    expect(ticketsPageRequest(query, { offset: 40, limit: 50 }, shown(20))).toEqual({
      ...query,
      offset: 40,
      limit: 50,
    });
  });
});
