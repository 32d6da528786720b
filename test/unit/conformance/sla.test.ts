/**
 * formats.md §3 conformance: `vendordesk sla - --at <time>` against hand-computed cases in
 * test/fixtures/conformance/sla.json (Beijing time, State Council calendar 2024–2026).
 */
import { describe, expect, it } from 'vitest';
import fixture from '../../fixtures/conformance/sla.json';
import { itRefusesBadInput, pick, runCli } from './harness';

const TICKET_FIELDS = ['id', 'deadline', 'status', 'responseSeconds'] as const;

describe('vendordesk sla (formats.md §3)', () => {
  it.each(fixture.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const run = await runCli(['sla', '-', '--at', c.at], { stdin: JSON.stringify(c.input) });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { tickets: Record<string, unknown>[]; summary: unknown };
    expect(out.tickets.map((t) => pick(t, TICKET_FIELDS))).toEqual(c.expect.tickets);
    expect(out.summary).toEqual(c.expect.summary);
  });

  itRefusesBadInput('sla', fixture.invalid);
});
