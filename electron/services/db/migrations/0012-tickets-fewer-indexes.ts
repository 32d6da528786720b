import type { Migration } from '../migrations';

/**
 * Issues 10 and 11: every index on tickets is paid by every imported or synced ticket (about a
 * microsecond each at a million rows). tickets_open_day (open_day, kind) served only the Service
 * page's date filter, which now reads an opened_at range (tickets_opened_at; a Beijing day is a
 * range of instants). The day counts keep their own table (ticket_counts).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'tickets: the day filter by opened_at, one index fewer',
  up(db) {
    db.exec(`DROP INDEX tickets_open_day;`);
  },
};
