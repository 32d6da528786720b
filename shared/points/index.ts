/**
 * Points engines (formats.md §5 and jd-store-2021): validate with violationsFileSchema(pack),
 * compute with computePoints, price a hypothetical finding with whatIf.
 */
export {
  computeAnnualPoints,
  resolvePenalty,
  type ActiveFreeze,
  type AnnualPointsReport,
  type CountedViolation,
  type ResolvedPenalty,
  type ViolationInput,
} from './annual';
export {
  computePoints,
  isAnnualReport,
  penaltyOf,
  type PointsInput,
  type PointsReport,
  type ViolationPenalty,
} from './compute';
export {
  assessDelayedShipment,
  categoryPenaltyPoints,
  computeStorePoints,
  type CategoryTotal,
  type OrderInput,
  type ShipmentWeek,
  type StorePointsReport,
} from './store';
export { orderSchema, violationsFileSchema, type Order, type Violation, type ViolationsFile } from './schema';
export { whatIf, type AnnualWhatIf, type CategoryWhatIf, type Hypothetical } from './what-if';
