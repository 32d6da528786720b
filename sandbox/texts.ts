/**
 * Chinese text fragments for seeded data. Clean fragments read like real marketplace listings;
 * the `violating` ones carry what the self-check rules look for (formats.md §2 rule ids), so a
 * seeded marketplace exercises both the happy path and the findings.
 */
import type { ListingType } from '../shared/listing/schema';

export const productNouns: Record<ListingType, readonly string[]> = {
  application: [
    '智能客服系统',
    '企业网盘',
    '在线表单',
    '电子签章平台',
    '进销存管理',
    '会员营销平台',
    'CRM 客户管理',
    '门店收银系统',
  ],
  service: [
    '云服务器运维托管',
    '等保合规咨询',
    '数据库迁移服务',
    '网站建设服务',
    '安全渗透测试',
    '小程序定制开发',
    '上云架构咨询',
  ],
  tool: ['日志分析工具', '网站监控工具', '镜像加速工具', '备份恢复工具', '证书管理工具', '性能压测工具'],
};

export const adjectives = [
  '稳定可靠的',
  '轻量易用的',
  '面向中小企业的',
  '开箱即用的',
  '高可用',
  '按需付费的',
  '可私有化部署的',
];

export const cleanSentences = [
  '部署在京东云云主机上，支持弹性扩容，购买后 5 分钟内即可开通使用。',
  '提供 7×24 小时监控告警，工作日 9:00–18:00 在线客服实时响应。',
  '支持多账号权限管理，操作日志可追溯，满足企业内部审计要求。',
  '数据存储于买家自己的京东云账号内，服务商不接触业务数据。',
  '提供详细的使用文档和视频教程，首次使用可预约一次远程培训。',
  '支持按月或按年订阅，续费与升级均在云市场内完成。',
  '兼容主流浏览器，移动端自适应，无需安装客户端。',
];

/** Each entry names the self-check rule it should trigger, for test data that knows what to expect. */
export const violatingSentences: ReadonlyArray<{ ruleId: string; text: string }> = [
  { ruleId: 'superlative', text: '全网最优的解决方案，行业第一，效果 100%有效。' },
  { ruleId: 'superlative', text: '国内唯一真正零故障的产品。' },
  { ruleId: 'external-link', text: '更多案例请访问 www.example-soft.cn 查看。' },
  { ruleId: 'off-platform-trade', text: '续费请加微信 vendor2024 私下转账，可享八折优惠。' },
  { ruleId: 'brand-misuse', text: '京东官方推荐产品，与京东云联合出品。' },
  { ruleId: 'privacy-harvesting', text: '开通前请提供法人身份证号和银行卡号用于实名认证。' },
  { ruleId: 'independent-account-system', text: '使用前需在我司官网重新注册独立账号。' },
  { ruleId: 'competitor-guidance', text: '同样支持部署到其他云厂商，迁移到阿里云更便宜。' },
];

export const delistingStrategies = [
  '商品下架后，已购买用户可继续使用至订单到期；到期前 30 天通知买家导出数据，数据与账号所有权归买家。',
  '下架后保留服务 90 天，期间提供数据导出工具，并协助迁移至买家指定的京东云资源。',
];
export const weakDelistingStrategy = '下架后停止服务。';

export const serviceTerms = '《产品服务协议》：服务范围、服务期限、售后承诺、退款规则以云市场规则为准。';

export const buyerNames = [
  '北京星河科技有限公司',
  '上海启明软件有限公司',
  '深圳云帆信息技术有限公司',
  '杭州青禾网络科技',
  '成都锦程数据服务',
  '王先生',
  '李女士',
  '陈工',
];

export const consultationQuestions = [
  '请问这个支持私有化部署吗？',
  '购买后多久可以开通？',
  '有没有试用版？',
  '能开发票吗？',
  '支持多少并发用户？',
];
export const complaintTexts = [
  '服务半夜中断了，一直联系不上客服！',
  '付费后功能无法使用，要求退款。',
  '承诺的迁移服务没有按时完成。',
];
export const afterSalesTexts = [
  '升级后报表导出失败，请协助排查。',
  '证书续期后网站无法访问。',
  '需要重置管理员密码。',
];
export const vendorReplies = [
  '您好，已收到您的问题，正在为您处理。',
  '您好，这边马上安排技术同学跟进，请稍候。',
  '抱歉给您带来不便，我们已定位到问题。',
];

export const refundReasons = ['功能与描述不符', '重复购买', '服务未按约定交付', '不再需要'];

export const violationDescriptions: Record<string, string> = {
  'brand-misuse': '商品详情中未经授权使用“京东云”字样。',
  'complaint-response-late': '买家投诉 30 分钟内未响应。',
  'service-unavailable': '服务时间内咚咚咨询未提供实时服务。',
  'official-site-missing': '服务商官网未展示该商品。',
  'fake-transactions': '存在虚假交易提高销量的行为。',
  'broken-promise': '拒不履行商品详情中承诺的售后服务。',
  'prohibited-goods': '提供禁止发布的服务。',
};
