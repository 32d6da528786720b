/**
 * A reference vendor endpoint for the marketplace's delivery callbacks
 * (spec/jdcloud-delivery-callbacks.md), for trying `vendordesk callbacks test` and the app's
 * 交付回调测试 page: `npm run sandbox -- --delivery-endpoint [--delivery-fault MODE]`.
 *
 * Correct by default: it verifies the token, answers a new createInstance with instanceId 0 at
 * once and delivers in the background (`queueMs`), answers the marketplace's retry with the
 * instance (instanceId = orderBizId, as recommended), is idempotent per orderBizId, and answers
 * renew/upgrade/dilate/expired/release with success true. Each fault mode makes it wrong in one
 * of the ways the tester's checks detect; `deliveryFaults` maps each mode to the check it fails.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CallbackCheckId } from '../shared/callbacks/checks';
import { parseQuery, tokenBase } from '../shared/callbacks/token';

export const deliveryFaults = {
  /** Signs URL-encoded values instead of decoded ones, so it refuses correct tokens. */
  'wrong-token-algorithm': 'token-accepted',
  /** Never verifies the token. */
  'no-token-check': 'token-rejected',
  /** Delivers before answering (sleeps `delayMs`) instead of queueing. */
  blocking: 'create-fast',
  /** Answers instanceId 0 for ever. */
  'queue-forever': 'create-queued-completes',
  /** Answers the instance without appInfo. */
  'no-app-info': 'create-shape',
  /** Creates a new instance on every repeated call. */
  'not-idempotent': 'create-idempotent',
  /** Keys instances by orderId, so units of one order share an instance. */
  'instance-per-order': 'per-unit-instances',
  'renew-fails': 'renew',
  'upgrade-fails': 'upgrade',
  'dilate-fails': 'dilate',
  'expired-fails': 'expired',
  'release-fails': 'release',
} as const satisfies Record<string, CallbackCheckId>;
export type DeliveryFault = keyof typeof deliveryFaults;

export function isDeliveryFault(text: string): text is DeliveryFault {
  return Object.prototype.hasOwnProperty.call(deliveryFaults, text);
}

export interface DeliveryEndpointOptions {
  key: string;
  fault?: DeliveryFault | null;
  port?: number;
  host?: string;
  /** Background delivery time of a new unit (ms); 0 delivers before answering. Default 300. */
  queueMs?: number;
  /** How long the `blocking` fault takes to answer a new unit (ms). Default 6000. */
  delayMs?: number;
}

export interface DeliveryEndpoint {
  url: string;
  port: number;
  close(): Promise<void>;
}

interface Unit {
  instanceId: string;
  ready: boolean;
  served: number;
  state: 'active' | 'expired' | 'released';
  skuId: string;
  accountNum: string;
  expiredOn: string;
}

const md5 = (text: string) => createHash('md5').update(text, 'utf8').digest('hex');

export async function startDeliveryEndpoint(options: DeliveryEndpointOptions): Promise<DeliveryEndpoint> {
  const fault = options.fault ?? null;
  const queueMs = options.queueMs ?? 300;
  const delayMs = options.delayMs ?? 6000;
  const units = new Map<string, Unit>();
  const byInstance = new Map<string, Unit>();
  const timers = new Set<NodeJS.Timeout>();

  const tokenOk = (raw: string, params: Array<[string, string]>): boolean => {
    if (fault === 'no-token-check') return true;
    const given = params.find(([n]) => n === 'token')?.[1];
    if (!given) return false;
    const signed: Array<[string, string]> =
      fault === 'wrong-token-algorithm'
        ? raw
            .split('&')
            .filter(Boolean)
            .map((pair) => {
              const eq = pair.indexOf('=');
              return eq < 0 ? [pair, ''] : [decodeURIComponent(pair.slice(0, eq)), pair.slice(eq + 1)];
            })
        : params;
    return md5(tokenBase(signed, options.key)) === given.toLowerCase();
  };

  const deliver = (unit: Unit) => {
    unit.ready = true;
    byInstance.set(unit.instanceId, unit);
  };

  const answerOf = (unit: Unit) =>
    fault === 'no-app-info'
      ? { instanceId: unit.instanceId }
      : {
          instanceId: unit.instanceId,
          appInfo: {
            frontEndUrl: `https://app.example.com/i/${unit.instanceId}`,
            adminUrl: `https://app.example.com/admin/${unit.instanceId}`,
            username: `admin-${unit.instanceId}`,
            password: 'Changeme-1',
          },
          info: { note: 'VendorDesk reference endpoint' },
        };

  async function createInstance(p: Record<string, string>): Promise<[number, unknown]> {
    const orderBizId = p.orderBizId;
    if (!orderBizId || !p.orderId)
      return [400, { success: false, message: 'orderBizId and orderId are required' }];
    const unitKey = fault === 'instance-per-order' ? p.orderId : orderBizId;
    let unit = units.get(unitKey);
    if (!unit) {
      unit = {
        instanceId: unitKey,
        ready: false,
        served: 0,
        state: 'active',
        skuId: p.skuId ?? '',
        accountNum: p.accountNum ?? '1',
        expiredOn: p.expiredOn ?? '',
      };
      units.set(unitKey, unit);
      if (fault === 'queue-forever') return [200, { instanceId: 0 }];
      if (fault === 'blocking') {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        deliver(unit);
      } else if (queueMs === 0) {
        deliver(unit);
      } else {
        const created = unit;
        const timer = setTimeout(() => {
          timers.delete(timer);
          deliver(created);
        }, queueMs);
        timers.add(timer);
        return [200, { instanceId: 0 }];
      }
    }
    if (!unit.ready) return [200, { instanceId: 0 }];
    if (fault === 'not-idempotent' && unit.served > 0) {
      const copy: Unit = { ...unit, instanceId: `${unit.instanceId}${unit.served}`, served: 0 };
      byInstance.set(copy.instanceId, copy);
      unit.served += 1;
      return [200, answerOf(copy)];
    }
    unit.served += 1;
    return [200, answerOf(unit)];
  }

  function lifecycle(action: string, p: Record<string, string>): [number, unknown] {
    const unit = p.instanceId ? byInstance.get(p.instanceId) : undefined;
    if (!unit) return [200, { success: false, message: `unknown instance ${p.instanceId ?? ''}` }];
    const failing = {
      renewInstance: 'renew-fails',
      upgradeInstance: 'upgrade-fails',
      dilateInstance: 'dilate-fails',
      expiredInstance: 'expired-fails',
      releaseInstance: 'release-fails',
    }[action];
    if (fault === failing) return [500, { success: false, message: 'internal error' }];
    switch (action) {
      case 'renewInstance':
        if (unit.state === 'released') return [200, { success: false, message: 'instance released' }];
        unit.expiredOn = p.expiredOn ?? unit.expiredOn;
        unit.state = 'active';
        return [200, { success: true, message: 'renewed' }];
      case 'upgradeInstance':
        unit.skuId = p.skuId ?? unit.skuId;
        return [200, { success: true, message: 'upgraded' }];
      case 'dilateInstance':
        unit.accountNum = p.accountNum ?? unit.accountNum;
        return [200, { success: true, message: 'capacity added' }];
      case 'expiredInstance':
        if (unit.state !== 'released') unit.state = 'expired';
        return [200, { success: true, message: 'suspended' }];
      default:
        unit.state = 'released';
        return [200, { success: true, message: 'released' }];
    }
  }

  async function handle(request: http.IncomingMessage): Promise<[number, unknown]> {
    if (request.method !== 'GET') return [405, { success: false, message: 'GET only' }];
    const raw = (request.url ?? '').split('?')[1] ?? '';
    let params: Array<[string, string]>;
    try {
      params = parseQuery(raw);
    } catch {
      return [400, { success: false, message: 'malformed query' }];
    }
    if (!tokenOk(raw, params)) return [403, { success: false, message: 'token mismatch' }];
    const p = Object.fromEntries(params);
    switch (p.action) {
      case 'createInstance':
        return createInstance(p);
      case 'renewInstance':
      case 'upgradeInstance':
      case 'dilateInstance':
      case 'expiredInstance':
      case 'releaseInstance':
        return lifecycle(p.action, p);
      default:
        return [400, { success: false, message: `unknown action ${p.action ?? ''}` }];
    }
  }

  const server = http.createServer((request, response) => {
    handle(request).then(
      ([status, body]) => {
        response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
      },
      () => {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify({ success: false, message: 'internal error' }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}/jdcloud/notify`,
    port,
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
