import type { AnnualPointsReport } from '../../../../shared/points/annual';

/** The snapshot's points list holds one report per policy pack; the annual pack's has a total. */
export const isAnnual = (report: unknown): report is AnnualPointsReport =>
  typeof report === 'object' && report !== null && 'total' in report;
