/**
 * formats.md §5 conformance: `vendordesk points - --at <time>` against hand-computed cases in
 * test/fixtures/conformance/points.json (第二十条, 第二十一条, 附件一; Beijing calendar year).
 */
import { describe } from 'vitest';
import fixture from '../../fixtures/conformance/points.json';
import { itAnswersEachCase, itRefusesBadInput } from './harness';

const FIELDS = [
  'year',
  'total',
  'remaining',
  'expelled',
  'activeFreezes',
  'depositDeductions',
  'depositForfeited',
] as const;

describe('vendordesk points (formats.md §5)', () => {
  itAnswersEachCase('points', fixture.cases, FIELDS);
  itRefusesBadInput('points', fixture.invalid);
});
