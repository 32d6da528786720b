/**
 * Seeds a reproducible marketplace from `--seed`: the same seed gives the same vendors,
 * credentials, listings, orders, tickets, deposit history, violations and rule packs.
 * Times are relative to the sandbox's simulated "now" (fixed by default, so runs repeat).
 */
import { createHash } from 'node:crypto';
import type { Listing, ListingType } from '../shared/listing/schema';
import { listingTypes } from '../shared/listing/schema';
import { defaultRulePack } from '../shared/check/engine';
import type { SandboxStore } from './store';
import { createRng, type Rng } from './prng';
import * as t from './texts';
import { DAY, HOUR, MINUTE, beijingIso, beijingParts } from './time';

export interface SeedOptions {
  seed: string;
  /** Simulated "now" in ms; everything seeded lies before it. */
  nowMs: number;
  listings: number;
  tickets: number;
  orders: number;
  vendors: number;
}

export const DEFAULT_SEED_COUNTS = { listings: 40, tickets: 200, orders: 60, vendors: 2 } as const;

/** 2026-01-12 10:00 Beijing (a Monday): recent enough that a year end lies in the seeded history. */
export const DEFAULT_SIMULATED_NOW = Date.parse('2026-01-12T10:00:00+08:00');

const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');

export function seedMarketplace(store: SandboxStore, options: SeedOptions): void {
  const rng = createRng(`vendordesk-sandbox:${options.seed}`);
  store.transaction(() => {
    for (let v = 1; v <= options.vendors; v++) {
      const vendorId = `V-${1000 + v}`;
      store.addCredential({
        accessKey: `AK${hex(rng, 30).toUpperCase()}`,
        secretKey: hex(rng, 40),
        vendorId,
      });
      seedVendor(store, rng, vendorId, v, options);
    }
    store.setMeta('seed', options.seed);
  });
}

function seedVendor(store: SandboxStore, rng: Rng, vendorId: string, index: number, o: SeedOptions): void {
  const now = o.nowMs;
  const updatedAt = beijingIso(now - 30 * DAY);
  store.put(
    vendorId,
    'vendor',
    vendorId,
    {
      vendorId,
      name: index === 1 ? '星云软件科技（北京）有限公司' : `示例服务商 ${index} 号`,
      qualification: {
        companyName: index === 1 ? '星云软件科技（北京）有限公司' : `示例服务商 ${index} 号有限公司`,
        unifiedSocialCreditCode: `91110108${hex(rng, 10).toUpperCase()}`,
        licenseValidUntil: '2030-12-31',
        categories: ['企业应用', '运维服务'],
        authorizedBrands: [],
      },
      store: { status: 'normal', frozenUntil: null, closedAt: null },
      serviceStaff: [
        { name: '张敏', role: '客服', phone: '010-5888xxxx', email: null },
        { name: '刘洋', role: '售后工程师', phone: null, email: 'support@vendor.example' },
      ],
      serviceHours: { timezone: 'Asia/Shanghai', days: 'cn-workdays', start: '09:00', end: '18:00' },
      warrantyPeriodDays: 90,
      updatedAt,
    },
    updatedAt,
  );
  const listingIds = seedListings(store, rng, vendorId, o.listings, now);
  seedOrders(store, rng, vendorId, o.orders, listingIds, now);
  seedTickets(store, rng, vendorId, o.tickets, now);
  seedLedger(store, vendorId, now);
  seedViolations(store, rng, vendorId, listingIds, now);
  seedRulePacks(store, vendorId);
}

export function makeDraft(
  rng: Rng,
  id: string,
  withViolation: boolean,
): { draft: Listing; violations: string[] } {
  const type = rng.pick(listingTypes);
  const noun = rng.pick(t.productNouns[type]);
  const sentences = [rng.pick(t.cleanSentences), rng.pick(t.cleanSentences), rng.pick(t.cleanSentences)];
  const violations: string[] = [];
  if (withViolation) {
    const bad = rng.pick(t.violatingSentences);
    sentences.splice(rng.int(0, sentences.length), 0, bad.text);
    violations.push(bad.ruleId);
  }
  const missingSite = withViolation && rng.chance(0.3);
  const amount = rng.pick([99, 199, 299, 980, 1980, 4800, 12800]);
  const draft: Listing = {
    id,
    title: `${rng.pick(t.adjectives)}${noun}`,
    type,
    price: {
      amount,
      currency: 'CNY',
      billing: type === 'service' ? 'one-time' : rng.pick(['monthly', 'yearly'] as const),
    },
    specs: [
      { name: '标准版', price: amount, attributes: { 用户数: '10' } },
      { name: '专业版', price: amount * 2, attributes: { 用户数: '50' } },
    ],
    attributes: { 交付方式: type === 'service' ? '人工服务' : 'SaaS', 部署地域: '华北-北京' },
    summary: `${noun}，${rng.pick(t.cleanSentences)}`,
    description: sentences.join(''),
    cases: [{ title: '某制造企业案例', content: '上线三个月，工单处理时长缩短 40%。' }],
    images: [{ url: `https://img.jdcloud-market.example/${id}/cover.png`, alt: `${noun}封面` }],
    officialSite: missingSite
      ? null
      : { productPageUrl: `https://www.vendor.example/products/${id.toLowerCase()}` },
    delistingStrategy: rng.chance(0.85) ? rng.pick(t.delistingStrategies) : t.weakDelistingStrategy,
    serviceTerms: rng.chance(0.95) ? t.serviceTerms : null,
    runsOnJdCloud: true,
    vendor: { name: '星云软件科技（北京）有限公司', authorizedBrands: [] },
  };
  if (missingSite) violations.push('official-site-missing');
  return { draft, violations };
}

const seededStates = [
  'draft',
  'submitted',
  'in-review',
  'approved',
  'rejected',
  'listed',
  'listed',
  'listed',
  'frozen',
  'delisted',
] as const;

function seedListings(store: SandboxStore, rng: Rng, vendorId: string, count: number, now: number): string[] {
  const ids: string[] = [];
  for (let i = 1; i <= count; i++) {
    const id = `L-${vendorId.slice(2)}-${String(i).padStart(4, '0')}`;
    const { draft, violations } = makeDraft(rng, id, rng.chance(0.3));
    const createdMs = now - rng.int(5, 400) * DAY;
    const state = violations.length && rng.chance(0.5) ? 'rejected' : rng.pick(seededStates);
    const decided = !['draft', 'submitted', 'in-review'].includes(state);
    const createdAt = beijingIso(createdMs);
    const updatedAt = beijingIso(createdMs + 2 * DAY);
    store.put(
      vendorId,
      'listing',
      id,
      {
        id,
        draft,
        review: {
          state,
          comments:
            state === 'rejected'
              ? violations.map((ruleId) => ({
                  at: updatedAt,
                  author: '云市场审核',
                  message: `不符合规则：${ruleId}`,
                  ruleId,
                  field: 'description',
                }))
              : [],
          submittedAt: state === 'draft' ? null : beijingIso(createdMs + DAY),
          decidedAt: decided ? updatedAt : null,
        },
        createdAt,
        updatedAt,
      },
      createdAt,
    );
    ids.push(id);
  }
  return ids;
}

function seedOrders(
  store: SandboxStore,
  rng: Rng,
  vendorId: string,
  count: number,
  listingIds: string[],
  now: number,
): void {
  for (let i = 1; i <= count; i++) {
    const id = `O-${vendorId.slice(2)}-${String(i).padStart(5, '0')}`;
    // Cycle through the types first so every seed has orders of each type.
    const type: ListingType = listingTypes[(i - 1) % listingTypes.length]!;
    const purchasedMs = now - rng.int(1, 360) * DAY - rng.int(0, 23) * HOUR;
    const confirmedMs = type === 'service' && rng.chance(0.7) ? purchasedMs + rng.int(3, 20) * DAY : null;
    const warrantyFrom = type === 'service' ? confirmedMs : purchasedMs;
    const refund =
      rng.chance(0.15) && i > 1
        ? [
            {
              id: `R-${id.slice(2)}`,
              requestedAt: beijingIso(purchasedMs + rng.int(1, 6) * DAY),
              amount: 99,
              reason: rng.pick(t.refundReasons),
              state: rng.pick(['pending', 'approved', 'rejected', 'refunded'] as const),
            },
          ]
        : [];
    const updatedAt = beijingIso(purchasedMs + DAY);
    // The sandbox ships its tool orders (a boxed licence key), so the jd-store-2021 delayed-shipment
    // rule has orders to assess: waybill 0–29 h and pickup 0–59 h after payment, some never picked
    // up. From the order's number, not the generator, so every other seeded value stays the same.
    const shipment =
      type === 'tool'
        ? {
            waybillUploadedAt: beijingIso(purchasedMs + ((i * 7) % 30) * HOUR),
            pickedUpAt: i % 11 === 0 ? null : beijingIso(purchasedMs + ((i * 13) % 60) * HOUR),
          }
        : {};
    store.put(
      vendorId,
      'order',
      id,
      {
        id,
        listingId: rng.pick(listingIds),
        type,
        buyer: { name: rng.pick(t.buyerNames) },
        amount: rng.pick([99, 299, 980, 4800]),
        currency: 'CNY',
        purchasedAt: beijingIso(purchasedMs),
        serviceConfirmedAt: confirmedMs === null ? null : beijingIso(confirmedMs),
        warrantyEndsAt: warrantyFrom === null ? null : beijingIso(warrantyFrom + 90 * DAY),
        ...shipment,
        refundRequests: refund,
        updatedAt,
      },
      beijingIso(purchasedMs),
    );
  }
}

/** Opening times by kind: chats inside and outside service hours, complaints often at night. */
function openingTime(rng: Rng, kind: string, now: number): number {
  const day = now - rng.int(0, 89) * DAY;
  const midnight = day - (beijingParts(day).hour * HOUR + beijingParts(day).minute * MINUTE);
  const hour =
    kind === 'complaint' && rng.chance(0.6)
      ? rng.pick([22, 23, 0, 1, 2, 5])
      : rng.chance(0.75)
        ? rng.int(9, 17)
        : rng.pick([7, 8, 18, 19, 20, 21]);
  return Math.min(now - MINUTE, midnight + hour * HOUR + rng.int(0, 59) * MINUTE + rng.int(0, 59) * 1000);
}

export function makeTicket(
  rng: Rng,
  id: string,
  openedMs: number,
  kind: string,
  nowMs: number,
  answered: boolean,
) {
  const delaySeconds =
    kind === 'consultation'
      ? rng.pick([5, 12, 25, 45, 900])
      : kind === 'complaint'
        ? rng.pick([300, 1200, 2400, 7200])
        : rng.pick([3600, 20000, 50000]);
  const responseMs = openedMs + delaySeconds * 1000;
  const responded = answered && responseMs <= nowMs;
  const question =
    kind === 'consultation'
      ? rng.pick(t.consultationQuestions)
      : kind === 'complaint'
        ? rng.pick(t.complaintTexts)
        : rng.pick(t.afterSalesTexts);
  const messages = [{ id: `${id}-m1`, at: beijingIso(openedMs), from: 'buyer', text: question }];
  if (responded)
    messages.push({
      id: `${id}-m2`,
      at: beijingIso(responseMs),
      from: 'vendor',
      text: rng.pick(t.vendorReplies),
    });
  return {
    id,
    kind,
    openedAt: beijingIso(openedMs),
    firstResponseAt: responded ? beijingIso(responseMs) : null,
    orderId: null,
    subject: question,
    status: responded ? 'answered' : 'open',
    messages,
    updatedAt: beijingIso(responded ? responseMs : openedMs),
  };
}

const ticketKindWeights = [
  'consultation',
  'consultation',
  'consultation',
  'consultation',
  'complaint',
  'after-sales-email',
  'after-sales-phone',
] as const;

function seedTickets(store: SandboxStore, rng: Rng, vendorId: string, count: number, now: number): void {
  for (let i = 1; i <= count; i++) {
    const id = `T-${vendorId.slice(2)}-${String(i).padStart(6, '0')}`;
    const kind = rng.pick(ticketKindWeights);
    const opened = openingTime(rng, kind, now);
    const ticket = makeTicket(rng, id, opened, kind, now, rng.chance(0.9));
    store.put(vendorId, 'ticket', id, ticket, ticket.openedAt);
  }
}

/**
 * One deposit history per vendor: paid in, three deductions within a year (so the extra
 * 10,000 requirement applies), a partial top-up, and a shortfall that is still open.
 */
function seedLedger(store: SandboxStore, vendorId: string, now: number): void {
  const entries: Array<{ daysAgo: number; type: string; amount: number; reason: string }> = [
    { daysAgo: 420, type: 'requirement', amount: 10000, reason: '入驻保证金要求' },
    { daysAgo: 419, type: 'payment', amount: 10000, reason: '缴纳保证金' },
    { daysAgo: 300, type: 'deduction', amount: 3000, reason: '违规扣除：恶意引导提前验收' },
    { daysAgo: 295, type: 'top-up', amount: 3000, reason: '补缴保证金' },
    { daysAgo: 200, type: 'deduction', amount: 500, reason: '买家退款赔付' },
    { daysAgo: 198, type: 'top-up', amount: 500, reason: '补缴保证金' },
    { daysAgo: 40, type: 'deduction', amount: 5000, reason: '违规扣除：未经授权使用京东云品牌' },
    { daysAgo: 35, type: 'top-up', amount: 2000, reason: '部分补缴' },
    {
      daysAgo: 2,
      type: 'requirement',
      amount: 20000,
      reason: '12 个月内扣款超过 2 次，次年保证金要求提高至 20000 元',
    },
  ];
  let balance = 0;
  entries.forEach((e, i) => {
    balance +=
      e.type === 'payment' || e.type === 'top-up' ? e.amount : e.type === 'requirement' ? 0 : -e.amount;
    const id = `D-${vendorId.slice(2)}-${String(i + 1).padStart(4, '0')}`;
    const at = beijingIso(now - e.daysAgo * DAY);
    store.put(
      vendorId,
      'ledgerEntry',
      id,
      { id, at, type: e.type, amount: e.amount, reason: e.reason, balanceAfter: balance, updatedAt: at },
      at,
    );
  });
}

function seedViolations(
  store: SandboxStore,
  rng: Rng,
  vendorId: string,
  listingIds: string[],
  now: number,
): void {
  const year = beijingParts(now).year;
  // The second one happened before the year end and was decided after it: it counts in the new year.
  const items: Array<{ code: string; occurred: string; decided: string | null; appeal: string }> = [
    {
      code: 'complaint-response-late',
      occurred: `${year - 1}-03-14T23:10:00+08:00`,
      decided: `${year - 1}-03-20T10:00:00+08:00`,
      appeal: 'none',
    },
    {
      code: 'brand-misuse',
      occurred: `${year - 1}-12-28T15:00:00+08:00`,
      decided: `${year}-01-05T11:00:00+08:00`,
      appeal: 'rejected',
    },
    {
      code: 'service-unavailable',
      occurred: `${year - 1}-12-30T10:20:00+08:00`,
      decided: `${year - 1}-12-31T17:30:00+08:00`,
      appeal: 'accepted',
    },
    {
      code: 'official-site-missing',
      occurred: `${year - 1}-11-02T09:00:00+08:00`,
      decided: `${year - 1}-11-10T09:00:00+08:00`,
      appeal: 'none',
    },
    { code: 'broken-promise', occurred: beijingIso(now - 3 * DAY), decided: null, appeal: 'pending' },
  ];
  items.forEach((v, i) => {
    const id = `VIO-${vendorId.slice(2)}-${String(i + 1).padStart(3, '0')}`;
    const updatedAt = v.decided ?? v.occurred;
    store.put(
      vendorId,
      'violation',
      id,
      {
        id,
        code: v.code,
        occurredAt: v.occurred,
        decidedAt: v.decided,
        listingId: rng.pick(listingIds),
        description: t.violationDescriptions[v.code] ?? v.code,
        appeal: {
          state: v.appeal,
          submittedAt: v.appeal === 'none' ? null : v.occurred,
          decidedAt: ['accepted', 'rejected'].includes(v.appeal) ? updatedAt : null,
        },
        updatedAt,
      },
      v.occurred,
    );
  });
}

/** The rule packs on offer: the project's default pack (shared/check) as the current version. */
function seedRulePacks(store: SandboxStore, vendorId: string): void {
  const content = defaultRulePack as unknown as Record<string, unknown>;
  putRulePack(store, vendorId, content, defaultRulePack.version, '2019-10-01T00:00:00+08:00');
}

/** Publishes one rule-pack version (its record carries the digest of its content); returns its key. */
export function putRulePack(
  store: SandboxStore,
  vendorId: string,
  content: Record<string, unknown>,
  packVersion: string,
  publishedAt: string,
): string {
  const id = typeof content.id === 'string' ? content.id : defaultRulePack.id;
  const key = `${id}@${packVersion}`;
  store.put(
    vendorId,
    'rulePack',
    key,
    { id, packVersion, publishedAt, sha256: sha256Json(content), content, updatedAt: publishedAt },
    publishedAt,
  );
  return key;
}

/** The default pack as another version, with `changes` as its newest changelog entry. */
export function bundledPackAs(
  packVersion: string,
  date: string,
  changes: { zh: string; en: string }[],
): Record<string, unknown> {
  return {
    ...structuredClone(defaultRulePack),
    version: packVersion,
    changelog: [{ version: packVersion, date, changes }, ...(defaultRulePack.changelog ?? [])],
  };
}

export function sha256Json(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
