/**
 * Policy packs loaded from a file (issue 17 item 8), through the real core: validated before
 * anything is stored, stored in SQLite, a newer pack with a bundled id supersedes the bundled one
 * (its official years confirm the calendar and move every deadline), removing it brings the
 * bundled one back, and a user's own §8 import of a year wins over the pack's year.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CalendarStatus, ComplianceCatalog, PolicyPackInfo } from '../../shared/ipc/contract';
import type { EventName, EventPayload } from '../../shared/ipc/events';
import { useTempCore } from '../helpers/temp-core';

const now = Date.parse('2026-12-15T10:00:00+08:00');
const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'policies', name), 'utf8');
const packWith2027 = fixture('jdcloud-marketplace-2019-with-2027.json');

const tickets = {
  tickets: [
    { id: 'chat-2027', kind: 'consultation', openedAt: '2027-02-09T10:00:00+08:00', firstResponseAt: null },
  ],
};

const events: { event: EventName; payload: unknown }[] = [];
const app = useTempCore({
  now: () => new Date(now),
  core: {
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ event, payload }),
  },
});
const { call } = app;
beforeEach(async () => {
  events.length = 0;
  await call('compliance.import', { files: [{ name: 'tickets.json', text: JSON.stringify(tickets) }] });
});

const ticket = async () =>
  (
    await call<{ rows: { deadline: string; calendarConfirmed: boolean }[] }>('compliance.tickets', {
      offset: 0,
      limit: 1,
    })
  ).rows[0]!;
const packs = async () => (await call<{ packs: PolicyPackInfo[] }>('policypacks.list', {})).packs;
const load = (name: string, text: string) =>
  call<{ pack: PolicyPackInfo; supersedes: string | null; replaced: string | null; packs: PolicyPackInfo[] }>(
    'policypacks.import',
    { name, text },
  );
const storedRows = () =>
  app.core.store.db.prepare('SELECT id, version, file_name FROM policy_packs ORDER BY id').all();

describe('policy packs from a file', () => {
  it('lists the bundled packs with their versions and no calendar years', async () => {
    expect(await packs()).toEqual([
      expect.objectContaining({
        id: 'jdcloud-marketplace-2019',
        version: '1.0.0',
        origin: 'bundled',
        inUse: true,
        enabled: true,
        supersededBy: null,
        calendarYears: [],
      }),
      expect.objectContaining({ id: 'jd-store-2021', origin: 'bundled', inUse: true, enabled: false }),
    ]);
  });

  it('a newer pack with a bundled id supersedes it: its 2027 list confirms the year and moves the deadline', async () => {
    expect(await ticket()).toMatchObject({ deadline: '2027-02-09T10:00:30+08:00', calendarConfirmed: false });

    const result = await load('pack-2027.json', packWith2027);
    expect(result.supersedes).toBe('1.0.0');
    expect(result.pack).toMatchObject({
      id: 'jdcloud-marketplace-2019',
      version: '1.1.0',
      origin: 'file',
      inUse: true,
      enabled: true,
      calendarYears: [2027],
      fileName: 'pack-2027.json',
    });
    expect(
      result.packs.find((p) => p.origin === 'bundled' && p.id === 'jdcloud-marketplace-2019'),
    ).toMatchObject({ inUse: false, supersededBy: '1.1.0', enabled: false });
    // Every deadline recomputed: the Spring Festival week is off, the next workday is Monday 15th.
    expect(await ticket()).toMatchObject({ deadline: '2027-02-15T09:00:30+08:00', calendarConfirmed: true });
    const status = await call<CalendarStatus>('calendar.status', {});
    expect(status.unconfirmed).toEqual([]);
    expect(status.years.find((y) => y.year === 2027)).toMatchObject({
      origin: 'pack',
      packId: 'jdcloud-marketplace-2019',
      holidays: 7,
      makeupWorkdays: 1,
    });
    // The pages are told to reload.
    expect(events).toContainEqual({
      event: 'data.changed',
      payload: { topics: ['policypacks', 'settings'], reason: 'write' },
    });

    // Kept across a restart (SQLite, migration 0014).
    app.reopen({ now: () => new Date(now) });
    expect(await ticket()).toMatchObject({ deadline: '2027-02-15T09:00:30+08:00', calendarConfirmed: true });
    expect((await packs()).filter((p) => p.inUse).map((p) => `${p.id}@${p.version}:${p.origin}`)).toEqual([
      'jd-store-2021@1.0.0:bundled',
      'jdcloud-marketplace-2019@1.1.0:file',
    ]);
  });

  it('removing the loaded pack brings the bundled one back, and the year is unconfirmed again', async () => {
    await load('pack-2027.json', packWith2027);
    const after = await call<{ packs: PolicyPackInfo[] }>('policypacks.remove', {
      id: 'jdcloud-marketplace-2019',
    });
    expect(after.packs.map((p) => `${p.id}@${p.version}:${p.origin}:${p.inUse}`)).toEqual([
      'jdcloud-marketplace-2019@1.0.0:bundled:true',
      'jd-store-2021@1.0.0:bundled:true',
    ]);
    expect(storedRows()).toEqual([]);
    expect(await ticket()).toMatchObject({ deadline: '2027-02-09T10:00:30+08:00', calendarConfirmed: false });
    expect((await call<CalendarStatus>('calendar.status', {})).unconfirmed).toEqual([2027]);
    await expect(call('policypacks.remove', { id: 'jdcloud-marketplace-2019' })).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('a §8 file imported for a year wins over the pack’s year; removing it brings the pack’s year back', async () => {
    // The user's file keeps Tuesday 9 February a workday (an arrangement the pack got wrong).
    await call('calendar.importYear', {
      name: 'official-2027.json',
      text: JSON.stringify({ year: 2027, source: '测试用', holidays: ['2027-01-01'], makeupWorkdays: [] }),
    });
    await load('pack-2027.json', packWith2027);
    expect(await ticket()).toMatchObject({ deadline: '2027-02-09T10:00:30+08:00', calendarConfirmed: true });
    const year = (await call<CalendarStatus>('calendar.status', {})).years.find((y) => y.year === 2027);
    expect(year).toMatchObject({ origin: 'file', fileName: 'official-2027.json' });

    await call('calendar.removeYear', { year: 2027 });
    expect(await ticket()).toMatchObject({ deadline: '2027-02-15T09:00:30+08:00', calendarConfirmed: true });
  });

  it('refuses a bad pack naming the field and the problem in both languages, and stores nothing', async () => {
    await load('pack-2027.json', packWith2027);
    const before = { rows: storedRows(), packs: await packs(), ticket: await ticket() };
    const valid = JSON.parse(packWith2027) as Record<string, unknown> & { calendar: Record<string, unknown> };
    const cases: [string, string, RegExp][] = [
      [
        'bad-clock.json',
        fixture('policy-pack-bad.json'),
        /sla\.limits\.complaint\.clock: 应为 "service" 或 "wall" \/ must be "service" or "wall"/,
      ],
      [
        'no-version.json',
        JSON.stringify({ ...valid, version: undefined }),
        /version: 需要版本号 \/ a version is required/,
      ],
      ['bad-version.json', JSON.stringify({ ...valid, version: 'v2' }), /version: 版本号应为 x\.y\.z/],
      [
        'bad-year.json',
        JSON.stringify({
          ...valid,
          version: '1.2.0',
          calendar: {
            ...valid.calendar,
            officialYears: [{ year: 2027, source: 'x', holidays: ['2027-02-30'], makeupWorkdays: [] }],
          },
        }),
        /calendar\.officialYears\[0\]\.holidays\[0\]: "2027-02-30" 不是有效日期/,
      ],
      [
        'no-name.json',
        JSON.stringify({ ...valid, version: '1.2.0', name: undefined }),
        /name: 缺少此字段.* \/ missing/,
      ],
      [
        'broken.json',
        '{ "id": "jdcloud-marketplace-2019",\n  "version": }',
        /broken\.json: 2:\d+ JSON 无法解析 \/ unreadable JSON/,
      ],
    ];
    for (const [name, text, named] of cases) {
      const result = await app.core.dispatch('policypacks.import', { name, text });
      expect(result.ok, name).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-input');
        expect(result.error.message).toContain('策略包无效');
        expect(result.error.message).toMatch(named);
      }
    }
    expect({ rows: storedRows(), packs: await packs(), ticket: await ticket() }).toEqual(before);
  });

  it('refuses a pack not newer than the bundled or the loaded one; a newer one replaces the loaded one', async () => {
    const valid = JSON.parse(packWith2027) as Record<string, unknown>;
    await expect(load('same.json', JSON.stringify({ ...valid, version: '1.0.0' }))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/不比内置的 1\.0\.0 新.*not newer than the bundled 1\.0\.0/),
    });
    expect(storedRows()).toEqual([]);

    await load('pack-2027.json', packWith2027);
    // The same file again is a no-op; the same version with other content needs a new version.
    expect((await load('again.json', packWith2027)).replaced).toBeNull();
    await expect(load('other.json', JSON.stringify({ ...valid, source: 'changed' }))).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('请提高版本号'),
    });
    await expect(load('older.json', JSON.stringify({ ...valid, version: '1.0.5' }))).rejects.toMatchObject({
      code: 'conflict',
    });
    const newer = await load('newer.json', JSON.stringify({ ...valid, version: '1.10.0' }));
    expect(newer.replaced).toBe('1.1.0');
    expect(storedRows()).toEqual([
      { id: 'jdcloud-marketplace-2019', version: '1.10.0', file_name: 'newer.json' },
    ]);
  });

  it('a pack with a new id joins the catalog and can be enabled; removed, it drops out of the settings’ packs', async () => {
    const store = JSON.parse(fixture('jdcloud-marketplace-2019-with-2027.json')) as Record<string, unknown>;
    await load('other-market.json', JSON.stringify({ ...store, id: 'other-market-2027', version: '1.0.0' }));
    const catalog = await call<ComplianceCatalog>('compliance.catalog', {});
    expect(catalog.packs.map((p) => p.id)).toContain('other-market-2027');
    await call('settings.update', { policyPacks: ['other-market-2027'] });
    expect((await call<CalendarStatus>('calendar.status', {})).unconfirmed).toEqual([]);
    await call('policypacks.remove', { id: 'other-market-2027' });
    // The enabled id is gone: the default pack applies (2027 unconfirmed again), nothing fails.
    expect((await call<CalendarStatus>('calendar.status', {})).unconfirmed).toEqual([2027]);
    expect((await call<{ policies: string[] }>('compliance.snapshot', {})).policies).toEqual([
      'jdcloud-marketplace-2019',
    ]);
  });
});
