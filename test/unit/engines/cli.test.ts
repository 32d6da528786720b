import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run as deposit } from '../../../cli/commands/deposit';
import { run as points } from '../../../cli/commands/points';
import { run as sla } from '../../../cli/commands/sla';
import type { CliIO } from '../../../cli/io';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

function fakeIO(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = {
    stdout: { write: (t: string) => out.push(t) },
    stderr: { write: (t: string) => err.push(t) },
    readStdin: async () => stdin,
    cwd: fixtures,
    env: {},
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('vendordesk sla|deposit|points (in process)', () => {
  it('sla prints §3 JSON for a relative file', async () => {
    const t = fakeIO();
    expect(await sla(['tickets.json', '--at', '2026-01-05T18:00:00+08:00'], t.io)).toBe(0);
    const report = JSON.parse(t.stdout());
    expect(report.summary).toEqual({ met: 1, breached: 1, pending: 2 });
    expect(
      report.tickets.map(
        (x: { id: string; deadline: string; status: string; responseSeconds: number | null }) => [
          x.id,
          x.deadline,
          x.status,
          x.responseSeconds,
        ],
      ),
    ).toEqual([
      ['chat-before-opening', '2026-01-05T09:00:30+08:00', 'met', 40],
      ['chat-before-closing', '2026-01-06T09:00:15+08:00', 'pending', null],
      ['complaint-at-night', '2026-01-05T00:20:00+08:00', 'breached', 1801],
      ['email-utc', '2026-01-05T18:00:00+08:00', 'pending', null],
    ]);
  });

  it('deposit prints §4 JSON', async () => {
    const t = fakeIO();
    expect(await deposit(['ledger.json', '--at', '2025-10-12T00:00:00+08:00', '--compact'], t.io)).toBe(0);
    expect(JSON.parse(t.stdout())).toMatchObject({
      balance: 6999.5,
      required: 10000,
      shortfall: 3000.5,
      status: 'overdue',
      deficientSince: '2025-09-30T10:00:00+08:00',
      topUpDueDate: '2025-10-11',
      deductionsLast12Months: 1,
      extraDepositRisk: false,
    });
  });

  it('points prints §5 JSON', async () => {
    const t = fakeIO();
    expect(await points(['violations.json', '--at', '2026-01-05T00:00:00+08:00'], t.io)).toBe(0);
    expect(JSON.parse(t.stdout())).toMatchObject({
      year: 2026,
      total: 12,
      remaining: 12,
      expelled: false,
      activeFreezes: [
        { violationId: 'v1', from: '2025-12-31T23:59:00+08:00', until: '2026-01-15T23:59:00+08:00' },
        { violationId: 'v2', from: '2026-01-01T00:01:00+08:00', until: '2026-01-16T00:01:00+08:00' },
      ],
      depositDeductions: 5000,
      depositForfeited: false,
    });
  });

  it('reads - from stdin', async () => {
    const t = fakeIO('{"violations":[]}');
    expect(await points(['-', '--at', '2026-01-05T00:00:00+08:00', '--policy', 'jd-store-2021'], t.io)).toBe(
      0,
    );
    expect(JSON.parse(t.stdout())).toMatchObject({
      policy: 'jd-store-2021',
      general: { total: 0 },
      serious: { total: 0 },
    });
  });

  it.each([
    [['tickets.json', '--at', '2026-01-05 18:00'], /--at: .*offset/],
    [['tickets.json', '--policy', 'nope'], /--policy: .*unknown policy "nope"/],
    [['tickets.json', '--policy', 'jd-store-2021'], /has no sla rules/],
    [['missing.json'], /missing\.json: .*cannot read/],
    [[], /expected exactly one input file/],
    [['tickets.json', '--frobnicate'], /Unknown option/],
  ])('exits 2 for %j', async (argv, message) => {
    const t = fakeIO();
    expect(await sla(argv, t.io)).toBe(2);
    expect(t.stderr()).toMatch(message);
    expect(t.stdout()).toBe('');
  });

  it('exits 2 naming the file and the field', async () => {
    const t = fakeIO('{"tickets":[{"id":"a","kind":"complaint","openedAt":"2026-01-05T10:00:00+08:00"}]}');
    expect(await sla(['-'], t.io)).toBe(2);
    expect(t.stderr()).toContain('<stdin>: tickets[0].firstResponseAt:');
    const bad = fakeIO('{"tickets": [}');
    expect(await sla(['-'], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/^<stdin>:1:\d+: \(file\)/);
  });

  it('--policy takes a pack file: its official years apply, a --calendar file of the year wins', async () => {
    const pack = `${root}test/fixtures/policies/jdcloud-marketplace-2019-with-2027.json`;
    const input =
      '{"tickets":[{"id":"a","kind":"consultation","openedAt":"2027-02-09T10:00:00+08:00","firstResponseAt":null}]}';
    const at = ['--at', '2027-02-01T10:00:00+08:00'];
    const t = fakeIO(input);
    expect(await sla(['-', ...at, '--policy', pack], t.io)).toBe(0);
    expect(JSON.parse(t.stdout()).tickets[0]).toMatchObject({
      deadline: '2027-02-15T09:00:30+08:00',
      calendarConfirmed: true,
    });
    const own = fakeIO(input);
    expect(
      await sla(['-', ...at, '--policy', pack, '--calendar', 'calendar-2027-workday.json'], own.io),
    ).toBe(0);
    expect(JSON.parse(own.stdout()).tickets[0]).toMatchObject({ deadline: '2027-02-09T10:00:30+08:00' });
  });

  it('--policy with a bad pack file exits 2 naming the file and the field', async () => {
    const t = fakeIO('{"tickets":[]}');
    const bad = `${root}test/fixtures/policies/policy-pack-bad.json`;
    expect(await sla(['-', '--policy', bad], t.io)).toBe(2);
    expect(t.stderr()).toContain('策略包无效 / invalid policy pack');
    expect(t.stderr()).toMatch(
      /policy-pack-bad\.json: sla\.limits\.complaint\.clock: 应为 "service" 或 "wall"/,
    );
    expect(t.stdout()).toBe('');
    const missing = fakeIO('{"tickets":[]}');
    expect(await sla(['-', '--policy', './no-such-pack.json'], missing.io)).toBe(2);
    expect(missing.stderr()).toMatch(/--policy: \.\/no-such-pack\.json: .*cannot read/);
  });

  it('prints help with exit 0', async () => {
    const t = fakeIO();
    expect(await points(['--help'], t.io)).toBe(0);
    expect(t.stdout()).toContain('orders');
    expect(t.stdout()).toContain('--policy');
  });

  it('applies --overrides and warns on stderr for years without published holidays', async () => {
    const t = fakeIO(
      '{"tickets":[{"id":"a","kind":"consultation","openedAt":"2027-01-01T10:00:00+08:00","firstResponseAt":null}]}',
    );
    expect(await sla(['-', '--at', '2027-01-01T10:00:00+08:00'], t.io)).toBe(0);
    expect(t.stderr()).toMatch(/warning: .*2027/);
    const o = fakeIO(
      '{"tickets":[{"id":"a","kind":"consultation","openedAt":"2027-01-01T10:00:00+08:00","firstResponseAt":null}]}',
    );
    expect(
      await sla(['-', '--at', '2027-01-01T10:00:00+08:00', '--overrides', 'overrides-2027.json'], o.io),
    ).toBe(0);
    expect(JSON.parse(o.stdout()).tickets[0].deadline).toBe('2027-01-04T09:00:30+08:00');
    expect(JSON.parse(o.stdout()).tickets[0].calendarConfirmed).toBe(false);
    expect(o.stderr()).toMatch(/warning: .*2027/);
  });
});

// Spawning node + tsx takes a second or two, more on a loaded 2-core CI machine.
describe('vendordesk sla end to end', { timeout: 60_000 }, () => {
  it('spawns node bin/vendordesk.mjs in another time zone and prints the same deadlines', () => {
    const result = spawnSync(
      process.execPath,
      [
        'bin/vendordesk.mjs',
        'sla',
        'test/unit/engines/fixtures/tickets.json',
        '--at',
        '2026-01-05T10:00:00Z',
        '--compact',
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'America/Los_Angeles' }, timeout: 60_000 },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.at).toBe('2026-01-05T18:00:00+08:00');
    expect(report.tickets[1]).toMatchObject({
      id: 'chat-before-closing',
      deadline: '2026-01-06T09:00:15+08:00',
      status: 'pending',
    });
    expect(report.summary).toEqual({ met: 1, breached: 1, pending: 2 });
  });

  it('exits 2 with the field on stderr', () => {
    const result = spawnSync(
      process.execPath,
      ['bin/vendordesk.mjs', 'points', '-', '--at', '2026-01-05T10:00:00Z'],
      {
        cwd: root,
        encoding: 'utf8',
        input:
          '{"violations":[{"id":"x","code":"speeding","occurredAt":"2026-01-01T00:00:00Z","decidedAt":null}]}',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('violations[0].code');
  });
});
