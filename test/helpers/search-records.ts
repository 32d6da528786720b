/**
 * The records the table-search tests search (issue 17), the same for the integration test (through
 * the core) and the e2e test (through the page): more than a page (20) of tickets, ledger entries
 * and violations, so a match on page 2 proves the search runs in SQL, not on the page shown; one
 * staff name, reason and code to find, and LIKE's wildcards ("_", "%") in the text.
 */
export function searchRecords(): [channel: string, request: unknown][] {
  const records: [string, unknown][] = [['compliance.setDepositRequired', { required: 1000 }]];
  for (let i = 1; i <= 24; i++) {
    const n = String(i).padStart(2, '0');
    records.push(
      [
        'compliance.saveTicket',
        {
          ticket: {
            id: `Q-${n}`,
            kind: 'consultation',
            openedAt: `2026-12-01T09:${n}:00+08:00`,
            firstResponseAt: `2026-12-01T09:${n}:20+08:00`,
            staff: i === 23 ? '王小明' : 'li_lei',
          },
        },
      ],
      [
        'compliance.saveLedgerEntry',
        {
          entry: {
            id: `L-${n}`,
            at: `2026-11-${n}T10:00:00+08:00`,
            type: i === 22 ? 'withdrawal' : 'payment',
            amount: 100,
            reason: i === 21 ? '季度对账 100%' : null,
          },
        },
      ],
      [
        'compliance.saveViolation',
        {
          violation: {
            id: `V-${n}`,
            code: i === 24 ? 'fraud' : 'brand-misuse',
            occurredAt: `2026-11-${n}T10:00:00+08:00`,
            decidedAt: null,
          },
        },
      ],
    );
  }
  return records;
}
