import type { Migration } from '../migrations';

/**
 * Issue 14: an alert is stored as its code (the kind) with parameters, and put into words when
 * shown, in the language of that moment, so switching the language re-words old alerts too.
 * message_json holds the parameters (shared AlertMessage, JSON); alerts stored before this keep
 * NULL and show their stored title and body, which new rows still fill in (the words at the
 * moment they were raised) for anything that reads the table directly.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'alert messages as code and parameters',
  up(db) {
    db.exec(`ALTER TABLE alerts ADD COLUMN message_json TEXT;`);
  },
};
