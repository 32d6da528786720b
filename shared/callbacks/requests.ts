/**
 * The query parameters the tester sends for each action, with fresh order ids per run
 * (spec/jdcloud-delivery-callbacks.md lists the parameters of each action).
 */
import type { QueryParams } from './token';

export interface RunIds {
  orderId: string;
  /** The unit created, checked for idempotency and later renewed, upgraded, … released. */
  orderBizId: string;
  /** The second unit of the same order (per-unit-instances). */
  secondOrderBizId: string;
}

/**
 * Fresh numeric ids (the marketplace's are numeric, e.g. 444181), distinct within the run: nine
 * digits starting with 1, so they fit a 32-bit integer on the vendor's side. `random` in [0, 1).
 */
export function freshRunIds(random: () => number): RunIds {
  const unit = () => `1${String(Math.floor(random() * 100_000_000)).padStart(8, '0')}`;
  const ids = new Set<string>();
  const take = () => {
    let id = unit();
    while (ids.has(id)) id = unit();
    ids.add(id);
    return id;
  };
  return { orderId: take(), orderBizId: take(), secondOrderBizId: take() };
}

/** `yyyy-MM-dd HH:mm:ss` in Beijing time, the marketplace's expiredOn format. */
export function beijingDateTime(ms: number): string {
  const d = new Date(ms + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

const SERVICE_CODE = 'FW_GOODS-VENDORDESK-TEST';
const DAY = 86_400_000;

export function createParams(ids: RunIds, orderBizId: string, now: number): QueryParams {
  return [
    ['action', 'createInstance'],
    ['orderBizId', orderBizId],
    ['orderId', ids.orderId],
    ['serviceCode', SERVICE_CODE],
    ['skuId', `${SERVICE_CODE}-1`],
    ['jdPin', 'vendordesk_test'],
    ['email', 'vendordesk-test@example.com'],
    ['mobile', ''],
    ['expiredOn', beijingDateTime(now + 365 * DAY)],
    ['accountNum', '1'],
    ['template', ''],
    ['extraInfo', JSON.stringify({ source: 'vendordesk callbacks test' })],
  ];
}

export type LifecycleAction =
  'renewInstance' | 'upgradeInstance' | 'dilateInstance' | 'expiredInstance' | 'releaseInstance';

export function lifecycleParams(
  action: LifecycleAction,
  ids: RunIds,
  instanceId: string,
  now: number,
): QueryParams {
  switch (action) {
    case 'renewInstance':
      return [
        ['action', action],
        ['instanceId', instanceId],
        ['orderId', ids.orderId],
        ['expiredOn', beijingDateTime(now + 730 * DAY)],
      ];
    case 'upgradeInstance':
      return [
        ['action', action],
        ['instanceId', instanceId],
        ['orderId', ids.orderId],
        ['skuId', `${SERVICE_CODE}-2`],
        ['extraInfo', JSON.stringify({ edition: 'pro' })],
      ];
    case 'dilateInstance':
      return [
        ['action', action],
        ['instanceId', instanceId],
        ['orderId', ids.orderId],
        ['accountNum', '2'],
        ['extraInfo', JSON.stringify({ accounts: 2 })],
      ];
    case 'expiredInstance':
    case 'releaseInstance':
      return [
        ['action', action],
        ['instanceId', instanceId],
      ];
  }
}
