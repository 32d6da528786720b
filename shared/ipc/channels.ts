/**
 * The contract's channel names as plain data, so the preload bundle can build
 * `window.vendorDesk` without pulling in the schemas. contract.ts is checked against this list
 * at compile time (a channel in one and not the other does not type-check).
 */
export const channelNames = [
  'app.status',
  'app.cancel',
  'settings.get',
  'settings.update',
  'listings.list',
  'listings.get',
  'listings.create',
  'listings.update',
  'listings.duplicate',
  'listings.delete',
  'listings.import',
  'listings.export',
  'checks.run',
  'checks.summary',
  'checks.history',
  'checks.verifyOfficialSite',
  'checks.cachedVerification',
  'checks.report',
  'compliance.snapshot',
  'compliance.import',
  'compliance.saveTicket',
  'compliance.saveLedgerEntry',
  'compliance.setDepositRequired',
  'compliance.saveViolation',
  'compliance.appeal',
  'compliance.markSeen',
  'compliance.catalog',
  'compliance.calendar',
  'compliance.whatIf',
  'alerts.recent',
  'calendar.status',
  'calendar.importYear',
  'calendar.removeYear',
  'callbacks.endpoint',
  'callbacks.saveEndpoint',
  'callbacks.forgetKey',
  'callbacks.start',
  'callbacks.run',
  'callbacks.history',
  'callbacks.report',
  'drafts.get',
  'drafts.save',
  'drafts.discard',
  'listings.deleteMany',
  'compliance.delete',
  'compliance.export',
  'app.undoDelete',
] as const;

export type ChannelName = (typeof channelNames)[number];

/** The contract's event names (shared/ipc/events.ts holds their schemas). */
export const eventNames = ['alerts.raised', 'data.changed', 'progress', 'core.status', 'app.navigate', 'sync.state'] as const;

export type EventName = (typeof eventNames)[number];
