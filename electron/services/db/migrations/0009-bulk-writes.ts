import type { Migration } from '../migrations';

/**
 * Issue 11: imports that cost what they store.
 * - listings.listing_id gets an index: an import looks up which of its ids are stored already
 *   (same id = update), and without the index each batch scanned the whole table, so importing
 *   10,000 listings grew with the square of what was stored.
 * - The ticket_counts triggers lose their `(SELECT bulk FROM ticket_sla_state) = 0` condition. A
 *   bulk write (an import file, an SLA recompute) now lifts the triggers for its transaction
 *   (TicketsRepository.withoutCountTriggers) and writes the counts once per group itself: a
 *   trigger that is present costs about as much as the insert even when its WHEN is false, since
 *   SQLite then keeps each row's old and new images. ticket_sla_state.bulk stays, unused (dropping
 *   a column rebuilds the table).
 */
const counted = (row: 'NEW' | 'OLD') => `${row}.open_day IS NOT NULL`;
const staffKey = (row: 'NEW' | 'OLD') =>
  `CASE WHEN ${row}.staff IS NULL THEN '' ELSE '=' || ${row}.staff END`;
const add = `
        INSERT INTO ticket_counts (open_day, kind, staff_key, met, breached, unanswered)
        VALUES (NEW.open_day, NEW.kind, ${staffKey('NEW')},
                NEW.answered_status IS 'met', NEW.answered_status IS 'breached', NEW.answered_status IS NULL)
        ON CONFLICT DO UPDATE SET met = met + excluded.met, breached = breached + excluded.breached,
          unanswered = unanswered + excluded.unanswered;`;
const remove = `
        UPDATE ticket_counts SET met = met - (OLD.answered_status IS 'met'),
          breached = breached - (OLD.answered_status IS 'breached'), unanswered = unanswered - (OLD.answered_status IS NULL)
        WHERE open_day = OLD.open_day AND kind = OLD.kind AND staff_key = ${staffKey('OLD')};`;
const counting = 'open_day, kind, staff, answered_status';

export const migration0009: Migration = {
  version: 9,
  name: 'indexed listing ids; count triggers lifted by bulk writes',
  up(db) {
    db.exec(`
      CREATE INDEX listings_listing_id ON listings (listing_id) WHERE listing_id IS NOT NULL;

      DROP TRIGGER ticket_counts_insert;
      DROP TRIGGER ticket_counts_delete;
      DROP TRIGGER ticket_counts_update_old;
      DROP TRIGGER ticket_counts_update_new;
      CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets WHEN ${counted('NEW')} BEGIN${add}
      END;
      CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets WHEN ${counted('OLD')} BEGIN${remove}
      END;
      CREATE TRIGGER ticket_counts_update_old AFTER UPDATE OF ${counting} ON tickets WHEN ${counted('OLD')} BEGIN${remove}
      END;
      CREATE TRIGGER ticket_counts_update_new AFTER UPDATE OF ${counting} ON tickets WHEN ${counted('NEW')} BEGIN${add}
      END;
    `);
  },
};
