/**
 * formats.md §4 conformance: `vendordesk deposit - --at <time>` against hand-computed cases in
 * test/fixtures/conformance/deposit.json (第九条(六), Beijing workdays, integer fen).
 */
import { describe } from 'vitest';
import fixture from '../../fixtures/conformance/deposit.json';
import { itAnswersEachCase, itRefusesBadInput } from './harness';

const FIELDS = [
  'balance',
  'required',
  'shortfall',
  'status',
  'deficientSince',
  'topUpDueDate',
  'deductionsLast12Months',
  'extraDepositRisk',
] as const;

describe('vendordesk deposit (formats.md §4)', () => {
  itAnswersEachCase('deposit', fixture.cases, FIELDS);
  itRefusesBadInput('deposit', fixture.invalid);
});
