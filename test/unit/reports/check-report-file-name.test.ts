import { describe, expect, it } from 'vitest';
import { reportFileName } from '../../../electron/services/reports/check-report';
import type { Listing } from '../../../shared/listing/schema';

const listing = { id: 'EX/1', title: 'x' } as Listing;

describe('check report file name', () => {
  it('carries the Beijing date of generation (shared/calendar), not the UTC one', () => {
    // 16:00 UTC is midnight in Beijing: the next day there.
    expect(reportFileName(listing, new Date('2026-11-23T15:59:59Z'), 'html')).toBe(
      'check-report-EX_1-2026-11-23.html',
    );
    expect(reportFileName(listing, new Date('2026-11-23T16:00:00Z'), 'pdf')).toBe(
      'check-report-EX_1-2026-11-24.pdf',
    );
  });
});
