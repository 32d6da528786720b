import type { Migration } from '../migrations';

/**
 * Issue 11 (second half): what the paged queries need to answer without scanning.
 * - listings: finding listings whose stored summary is stale (not of their revision, or of
 *   another rule pack) is an index lookup, so every page load can ask it.
 * - tickets: each ticket's SLA deadline, its status once answered (met/breached) and whether its
 *   calendar was confirmed are stored when it is saved or imported (sla_key says for which
 *   settings; other settings recompute them). Unanswered tickets turn from pending to breached
 *   only by time: the partial index on their deadline finds the pending ones. ticket_counts keeps
 *   the counts per opening day, kind and staff, maintained by triggers on every write (import,
 *   manual entry, sync, delete), so the overview never reads every ticket. A bulk write (an
 *   import file) sets ticket_sla_state.bulk inside its transaction, adds the counts up itself and
 *   writes them once per group — the per-row trigger would cost more than the insert.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'indexes and stored results for paged queries',
  up(db) {
    db.exec(`
      CREATE INDEX listings_unchecked ON listings (local_id)
        WHERE check_revision IS NULL OR check_revision != revision;
      CREATE INDEX listings_check_pack ON listings (check_pack);

      ALTER TABLE tickets ADD COLUMN deadline INTEGER;            -- epoch ms; NULL: not computed yet
      ALTER TABLE tickets ADD COLUMN answered_status TEXT;        -- 'met' | 'breached' once answered
      ALTER TABLE tickets ADD COLUMN calendar_confirmed INTEGER;  -- formats.md §8
      ALTER TABLE tickets ADD COLUMN open_day INTEGER;            -- Beijing day index of opened_at
      ALTER TABLE tickets ADD COLUMN sla_key TEXT;                -- the settings the columns are for
      CREATE INDEX tickets_deadline ON tickets (deadline);
      -- Tickets written without SLA columns (e.g. by a sync without settings): few, found at once.
      CREATE INDEX tickets_sla_missing ON tickets (id) WHERE sla_key IS NULL;
      -- The settings every ticket's SLA columns are computed with (NULL: not yet all of them).
      CREATE TABLE ticket_sla_state (id INTEGER PRIMARY KEY CHECK (id = 1), sla_key TEXT, bulk INTEGER NOT NULL DEFAULT 0);
      INSERT INTO ticket_sla_state (id, sla_key, bulk) VALUES (1, NULL, 0);
      CREATE INDEX tickets_open_day ON tickets (open_day, kind);
      CREATE INDEX tickets_source_at ON tickets (source_at);

      -- staff_key: '' for no staff, '=' || staff otherwise (a key column cannot be NULL).
      CREATE TABLE ticket_counts (
        open_day   INTEGER NOT NULL,
        kind       TEXT NOT NULL,
        staff_key  TEXT NOT NULL,
        met        INTEGER NOT NULL DEFAULT 0,
        breached   INTEGER NOT NULL DEFAULT 0,   -- answered late
        unanswered INTEGER NOT NULL DEFAULT 0,   -- pending or breached, by time
        PRIMARY KEY (open_day, kind, staff_key)
      ) WITHOUT ROWID;

      CREATE TRIGGER ticket_counts_insert AFTER INSERT ON tickets WHEN NEW.open_day IS NOT NULL AND (SELECT bulk FROM ticket_sla_state) = 0 BEGIN
        INSERT INTO ticket_counts (open_day, kind, staff_key, met, breached, unanswered)
        VALUES (NEW.open_day, NEW.kind, CASE WHEN NEW.staff IS NULL THEN '' ELSE '=' || NEW.staff END,
                NEW.answered_status IS 'met', NEW.answered_status IS 'breached', NEW.answered_status IS NULL)
        ON CONFLICT DO UPDATE SET met = met + excluded.met, breached = breached + excluded.breached,
          unanswered = unanswered + excluded.unanswered;
      END;
      CREATE TRIGGER ticket_counts_delete AFTER DELETE ON tickets WHEN OLD.open_day IS NOT NULL AND (SELECT bulk FROM ticket_sla_state) = 0 BEGIN
        UPDATE ticket_counts SET met = met - (OLD.answered_status IS 'met'),
          breached = breached - (OLD.answered_status IS 'breached'), unanswered = unanswered - (OLD.answered_status IS NULL)
        WHERE open_day = OLD.open_day AND kind = OLD.kind
          AND staff_key = CASE WHEN OLD.staff IS NULL THEN '' ELSE '=' || OLD.staff END;
      END;
      CREATE TRIGGER ticket_counts_update_old AFTER UPDATE OF open_day, kind, staff, answered_status ON tickets
        WHEN OLD.open_day IS NOT NULL AND (SELECT bulk FROM ticket_sla_state) = 0 BEGIN
        UPDATE ticket_counts SET met = met - (OLD.answered_status IS 'met'),
          breached = breached - (OLD.answered_status IS 'breached'), unanswered = unanswered - (OLD.answered_status IS NULL)
        WHERE open_day = OLD.open_day AND kind = OLD.kind
          AND staff_key = CASE WHEN OLD.staff IS NULL THEN '' ELSE '=' || OLD.staff END;
      END;
      CREATE TRIGGER ticket_counts_update_new AFTER UPDATE OF open_day, kind, staff, answered_status ON tickets
        WHEN NEW.open_day IS NOT NULL AND (SELECT bulk FROM ticket_sla_state) = 0 BEGIN
        INSERT INTO ticket_counts (open_day, kind, staff_key, met, breached, unanswered)
        VALUES (NEW.open_day, NEW.kind, CASE WHEN NEW.staff IS NULL THEN '' ELSE '=' || NEW.staff END,
                NEW.answered_status IS 'met', NEW.answered_status IS 'breached', NEW.answered_status IS NULL)
        ON CONFLICT DO UPDATE SET met = met + excluded.met, breached = breached + excluded.breached,
          unanswered = unanswered + excluded.unanswered;
      END;
    `);
  },
};
