/**
 * The texts the check bench runs on (bench/check.bench.ts), shared with the equivalence check
 * (bench/check-equivalence.ts) so that a speed change is verified on exactly what was measured.
 * Generated text is ordinary technical Chinese with a share of violating sentences.
 */
import type { Listing } from '../shared/listing/schema';

// Deterministic generator (mulberry32) so runs are comparable.
export function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Ordinary technical sentences (including the traps the rules must let pass) and violating ones.
export const clean = [
  '<p>云客通 CRM 帮助销售团队管理线索、商机、合同与回款。</p>',
  '每条客户记录拥有全局唯一 ID，最多支持 50 个自定义字段。',
  '最近 30 天的操作日志可随时导出，第一步：在云市场购买后登录。',
  '部署于京东云云主机，数据存储在京东云云数据库中。',
  '使用手册见 https://docs.jdcloud.com/cn/market 帮助中心。',
  'CPU 使用率 100% 时自动告警，最大连接数 1000。',
  '支持 SSO 与企业现有账号体系对接，无需重新注册。',
  'The dashboard shows pipeline, forecast and win rate per region.',
  '<li>支持按负责人、阶段、金额筛选商机，并导出为 Excel。</li>',
  '报表每小时刷新一次，数据保留 180 天，可按部门设置查看权限。',
  '通过 OpenAPI 与 ERP 系统同步订单，接口调用采用 HMAC 签名。',
  '游戏反外挂解决方案，木马查杀与后门检测。',
];
export const violating = [
  '国内唯一支持秒级部署的镜像，性能 100% 提升！',
  '更多插件请访问 www.fastlnmp.example.com/plugins 购买，加微信 fastlnmp888 享八折。',
  '首次使用需在我司平台重新注册账号并上传身份证正反面照片。',
  '京东云官方推荐，全网最优方案。',
];

/** A listing whose description is about `descriptionBytes` of UTF-8, `violationShare` of it violating. */
export function makeListing(random: () => number, descriptionBytes: number, violationShare = 0.1): Listing {
  let description = '';
  while (description.length * 2.4 < descriptionBytes) {
    const pool = random() < violationShare ? violating : clean;
    description += pool[Math.floor(random() * pool.length)]!;
  }
  return {
    id: `B-${Math.floor(random() * 1e6)}`,
    title: '云客通 CRM 客户关系管理系统（SaaS 标准版）',
    type: 'application',
    price: { amount: 1980, currency: 'CNY', billing: 'yearly' },
    specs: [{ name: '标准版 10 用户', price: 1980, attributes: { 用户数: '10' } }],
    attributes: { 交付方式: 'SaaS' },
    summary: '面向中小企业的销售线索、商机与合同管理系统，部署于京东云云主机。',
    description,
    cases: [{ title: '某连锁教育机构', content: '上线三个月，线索跟进及时率从 62% 提升到 91%。' }],
    images: [{ url: 'https://img1.jdcloud.com/market/crm.png', alt: '仪表盘截图' }],
    officialSite: { productPageUrl: 'https://www.yunketong.example.cn/products/crm' },
    delistingStrategy: '商品下架后，已购用户在订购期内可继续正常使用，并提供数据导出及迁移协助。',
    serviceTerms: '详见《云客通 CRM 产品服务协议》：服务范围、服务等级、数据安全、退款规则。',
    runsOnJdCloud: true,
    vendor: { name: '北京云客通科技有限公司', authorizedBrands: [] },
  };
}
