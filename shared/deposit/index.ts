/** Deposit engine (formats.md §4): validate with depositLedgerSchema, compute with computeDeposit. */
export {
  computeDeposit,
  type DepositHistoryPoint,
  type DepositLedgerInput,
  type DepositEntryInput,
  type DepositOptions,
  type DepositReport,
  type DepositStatus,
} from './compute';
export {
  depositEntrySchema,
  depositEntryTypes,
  depositLedgerSchema,
  type DepositEntry,
  type DepositEntryType,
  type DepositLedger,
} from './schema';
