/**
 * Synced orders feed the jd-store-2021 delayed-shipment points: after a sync, the Points snapshot
 * (what the Points page shows) has the delayed-shipment weeks of the marketplace's orders of goods
 * that ship, counted in the general ledger, and digital orders are not assessed. The expectation
 * is the points engine run on the orders read straight from the sandbox.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../sandbox/server';
import type { Order } from '../../../shared/api/schemas';
import type { ComplianceSnapshot } from '../../../shared/ipc/contract';
import { computePoints } from '../../../shared/points/compute';
import type { StorePointsReport } from '../../../shared/points/store';
import { getPolicyPack } from '../../../shared/policy/packs';
import { useTempCore } from '../../helpers/temp-core';
import { sandboxClient, sandboxConnection } from './helpers';

/** Late in 2025: the sandbox's orders of the year (it simulates up to 2026-01-12) are assessable. */
const AT = new Date('2025-12-31T12:00:00+08:00');

const { call } = useTempCore({ now: () => AT, core: { syncTimer: false } });
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await startSandbox({
    port: 0,
    seed: 'orders-points',
    listings: 3,
    tickets: 2,
    orders: 150,
    vendors: 1,
    selfCheck: null,
  });
});
afterEach(async () => {
  await sandbox.close();
});

async function serverOrders(): Promise<Order[]> {
  const client = sandboxClient(sandbox);
  const orders: Order[] = [];
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await client.listOrders({ pageNumber, pageSize: 100 });
    orders.push(...page.orders);
    if (orders.length >= page.totalCount) return orders;
  }
}

describe('orders → jd-store-2021 delayed shipment', () => {
  it('the Points snapshot has the delayed-shipment weeks of the synced orders that ship', async () => {
    await call('settings.update', { policyPacks: ['jdcloud-marketplace-2019', 'jd-store-2021'] });
    await call('sync.connect', sandboxConnection(sandbox));
    const report = await call<{ resources: { orders: number } }>('sync.now', {});
    expect(report.resources.orders).toBe(150);

    const orders = await serverOrders();
    const shipped = orders
      .filter((o) => o.waybillUploadedAt !== undefined)
      .sort((a, b) => Date.parse(a.purchasedAt) - Date.parse(b.purchasedAt) || a.id.localeCompare(b.id));
    expect(shipped.length).toBeGreaterThan(0);
    expect(shipped.length).toBeLessThan(orders.length); // digital orders are not assessed
    const expected = computePoints(
      {
        violations: [],
        orders: shipped.map((o) => ({
          id: o.id,
          paidAt: Date.parse(o.purchasedAt),
          waybillUploadedAt: o.waybillUploadedAt ? Date.parse(o.waybillUploadedAt) : null,
          pickedUpAt: o.pickedUpAt ? Date.parse(o.pickedUpAt) : null,
        })),
      },
      AT.getTime(),
      getPolicyPack('jd-store-2021'),
    ) as StorePointsReport;
    const weeksWithPoints = expected.delayedShipment.weeks.filter((w) => w.points > 0);
    expect(weeksWithPoints.length).toBeGreaterThan(0);

    const snapshot = await call<ComplianceSnapshot>('compliance.snapshot', {});
    const store = snapshot.points.find((r) => r.policy === 'jd-store-2021') as StorePointsReport;
    expect(store.delayedShipment).toEqual(expected.delayedShipment);
    const shipmentCode = getPolicyPack('jd-store-2021').points;
    expect(shipmentCode.model).toBe('categories');
    const code = shipmentCode.model === 'categories' ? shipmentCode.delayedShipment.code : '';
    const counted = [...store.general.counted, ...store.serious.counted].filter((e) => e.code === code);
    expect(counted.map((e) => e.violationId).sort()).toEqual(
      weeksWithPoints.map((w) => `week:${w.weekStart}`).sort(),
    );
    expect(store.general.total + store.serious.total).toBe(
      weeksWithPoints.reduce((sum, w) => sum + w.points, 0),
    );
    // The marketplace pack has no shipping rules and is not handed the orders (no "ignored" warning).
    const annual = snapshot.points.find((r) => r.policy === 'jdcloud-marketplace-2019')!;
    expect(annual.warnings.join(' ')).not.toMatch(/orders/);
  });
});
