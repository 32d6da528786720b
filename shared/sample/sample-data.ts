/**
 * Sample data for a first run (issue 17): a few tickets, a deposit ledger and a violation in the
 * formats of formats.md §3–5, placed around `now` so every compliance page shows something working
 * (a pending countdown with its alert, a met and a breached ticket, a shortfall, points), and three listings
 * (§1) so the Listings page and the self-check show theirs (one ready to submit, one with
 * blockers, one with a warning). Every compliance record comes from the file SAMPLE_FILE_NAME;
 * every record has an id starting with SAMPLE_ID_PREFIX (listings: their vendor id, and 【示例】
 * in the title), so it is marked as sample wherever it is shown, and removed in one step.
 */
import { formatBeijingIso } from '../calendar/beijing';
import type { Listing } from '../listing/schema';

export const SAMPLE_FILE_NAME = '示例数据 sample-data.json';
export const SAMPLE_ID_PREFIX = '示例-';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The three files, as their JSON texts, with times relative to `now` (epoch ms). */
export function sampleFiles(now: number): { name: string; text: string }[] {
  const at = (offsetMs: number) => formatBeijingIso(Math.floor((now + offsetMs) / 1000) * 1000);
  const id = (n: string) => `${SAMPLE_ID_PREFIX}${n}`;
  const tickets = {
    tickets: [
      {
        id: id('Q1'),
        kind: 'consultation',
        openedAt: at(-2 * HOUR),
        firstResponseAt: at(-2 * HOUR + 20_000),
        staff: '示例客服',
      },
      {
        id: id('Q2'),
        kind: 'consultation',
        openedAt: at(-3 * DAY),
        firstResponseAt: at(-2 * DAY),
        staff: '示例客服',
      },
      {
        id: id('Q3'),
        kind: 'complaint',
        // Due in 8 minutes: its countdown runs and it raises a deadline alert on arrival.
        openedAt: at(-22 * MINUTE),
        firstResponseAt: null,
        staff: '示例客服',
      },
      { id: id('Q4'), kind: 'after-sales-email', openedAt: at(-30 * MINUTE), firstResponseAt: null },
    ],
  };
  const ledger = {
    required: 10000,
    entries: [
      { id: id('L1'), at: at(-90 * DAY), type: 'payment', amount: 10000, reason: '示例：入驻缴纳' },
      { id: id('L2'), at: at(-1 * DAY), type: 'deduction', amount: 2000, reason: '示例：用户退款' },
    ],
  };
  const violations = {
    violations: [
      { id: id('V1'), code: 'complaint-response-late', occurredAt: at(-25 * DAY), decidedAt: at(-20 * DAY) },
    ],
  };
  return [tickets, ledger, violations].map((body) => ({
    name: SAMPLE_FILE_NAME,
    text: JSON.stringify(body),
  }));
}

const SAMPLE_LISTING_TITLE = '【示例】';

/** The sample's listings (§1), each marked in its title and its vendor id. */
export function sampleListings(): Listing[] {
  const vendor = { name: '示例科技有限公司', authorizedBrands: [] };
  const listings: Listing[] = [
    {
      id: 'P1',
      title: '云表单 在线表单与数据收集（SaaS 标准版）',
      type: 'application',
      price: { amount: 980, currency: 'CNY', billing: 'yearly' },
      summary: '在线表单、问卷与数据收集，部署于京东云云主机。',
      description:
        '<p>云表单帮助团队在线收集报名、问卷与订单信息，数据实时汇总。</p><p>第一步：在云市场购买后，使用购买账号登录；第二步：选择模板创建表单。</p><p>最多支持 100 个字段，最近 90 天的提交记录可随时导出。</p>',
      officialSite: { productPageUrl: 'https://www.example.cn/products/form' },
      delistingStrategy:
        '商品下架后，已购用户在订购期内可继续正常使用全部功能并获得售后支持；到期前 30 天通知用户，并提供全部数据的 Excel/CSV 导出及迁移协助；如产品权属转移，我们将与受让方签订协议，保证已购用户的服务与数据不受影响。',
      serviceTerms:
        '详见《云表单产品服务协议》：服务范围、服务等级、数据安全、退款规则（应用类商品购买之日起 5 天内可全额退款）。',
      runsOnJdCloud: true,
      vendor,
    },
    {
      id: 'P2',
      title: '极速建站 国内唯一秒级部署的建站系统',
      type: 'application',
      price: { amount: 199, currency: 'CNY', billing: 'monthly' },
      description:
        '<p>国内第一的建站系统，性能最强。</p><p>购买前请加微信 example-site 咨询，私下转账享八折优惠。</p>',
      officialSite: null,
      delistingStrategy: null,
      serviceTerms: null,
      runsOnJdCloud: true,
      vendor,
    },
    {
      id: 'P3',
      title: '数据库迁移咨询服务',
      type: 'service',
      price: { amount: 5000, currency: 'CNY', billing: 'one-time' },
      description:
        '<p>由认证工程师评估现有数据库，制定迁移方案并协助迁移到京东云。</p><p>交付物：评估报告、迁移方案、迁移记录。</p>',
      officialSite: { productPageUrl: 'https://www.example.cn/services/db-migration' },
      delistingStrategy:
        '服务下架后，已购买的服务按合同继续交付完毕；未开始的服务可全额退款；相关文档与迁移记录交付给用户留存。',
      serviceTerms: '详见《数据库迁移咨询服务协议》：服务范围、交付周期、验收标准与退款规则。',
      // Not said whether it runs on JD Cloud: a warning (第九条(六)), not a blocker.
      runsOnJdCloud: null,
      vendor,
    },
  ];
  return listings.map((listing) => ({
    ...listing,
    id: `${SAMPLE_ID_PREFIX}${listing.id}`,
    title: `${SAMPLE_LISTING_TITLE}${listing.title}`,
  }));
}
