/**
 * Issue 15, fourth pass (rule pack 2.5.0): what labelled sets 13–15 showed the checker misread.
 * Per category, sentences that must be reported and near-misses that must stay clean. The
 * sentences are written for these tests; none is taken from a labelled set.
 */
import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import type { Finding, RuleId } from '../../../shared/check/types';
import { ofRule, withFields } from './helpers';

function reported(rule: RuleId, text: string): Finding[] {
  return ofRule(
    checkListing(withFields({ description: text })).filter((f) => f.field === 'description'),
    rule,
  ).filter((f) => f.severity === 'blocker' || f.severity === 'warning');
}
function expectReported(rule: RuleId, text: string) {
  const fs = reported(rule, text);
  expect(fs.length, `${rule} in: ${text}`).toBeGreaterThan(0);
  for (const f of fs) expect(f.reason, 'every reported finding says why').toBeTruthy();
}
function expectClean(rule: RuleId, text: string) {
  expect(
    reported(rule, text).map((f) => `${f.match} (${f.reason ?? f.message})`),
    `${rule} not in: ${text}`,
  ).toEqual([]);
}

describe('superlatives: usage advice, metrics of the user’s data, versions and roles', () => {
  it.each([
    'Tip: the best moment to rotate keys is right after a release freeze.',
    '报表里“本月毛利排名第一的店铺”指您名下各店中毛利最高的一家',
    '在库存约束下求使利润最大的补货量，结果仅供参考',
    '按占用资金最多的顺序列出滞销品',
    '驱动程序采用厂商目前最新的稳定分支',
    '每个项目配备唯一的技术对接人',
    '客户档案属于企业最敏感的数据之一，默认仅管理员可见',
    '首个服务期费用通过云市场下单支付',
    '慢日志 Top 20 中排名第一的查询会附带执行计划',
    '“磁盘占用排名第一的节点”面板只显示您自己集群的数据',
    '请 B07 号到 No.1 窗口办理',
    '缓冲写满时丢弃最旧的数据',
    '某国家级示范性职业院校用它排课',
    '任何声称「100% 有效」的推广服务都不可信',
    '我们的愿景：成为小微商户最信赖的记账伙伴',
  ])('clean: %s', (text) => expectClean('superlative', text));
  it.each([
    '客户说：这是他们用过最顺手的排班工具，没有之一',
    '本产品在行业排名第一的工单系统中响应最快',
    'Nimbus is the most reliable queue service you can buy in China.',
  ])('reported: %s', (text) => expectReported('superlative', text));
});

describe('off-platform trade: bypassing the order, payment links, wires, top-ups to the vendor', () => {
  it.each([
    '年付客户由商务与您签约，按季度对账开票，免去每次回到平台下单',
    '第二年起支持企业网银付款，无需再到云市场续费',
    '增购坐席请联系顾问获取专属付款链接，付款后当天开通',
    'Renewal invoices can be settled by bank wire to our account.',
    '超出合同范围的部分，项目结束后出具账单，您确认后直接支付给我们即可',
    '实施差旅按报价单向我司补齐差价后排期',
    '续费、增购席位请直接在 App 内完成，支持微信支付',
    '到期前关注公众号回复“续费”即可领取续费链接，年付 8 折',
  ])('reported: %s', (text) => expectReported('off-platform-trade', text));
  it.each([
    '我司不接受任何线下转账或私下续约，如有人员要求站外付款，请拒绝并向云市场反馈',
    '需要更多存储时，请在云市场补差价规格后升级',
    '支持导出 bank transfer 文件，交给财务在网银中上传',
    '平台在验收后结算给我们，您无需另行付款',
    '所需的云主机由您在京东云按官网价格开通',
    '实时分群：用户行为满足条件即时入群，延迟小于 5 秒',
    '年度 2,000 份采购与销售合同在线审批',
    '问：可以线下打款吗？A：不可以，续费请在云市场下单',
    '财务无需登录平台即可在邮件里查看对账单',
    '第二年可在本商品页单独购买“年度复测”规格',
  ])('clean: %s', (text) => expectClean('off-platform-trade', text));
});

describe('independent accounts: registration read from the fields asked for', () => {
  it.each([
    '首次使用请完善门店档案：填写店长姓名、手机号、邮箱并设置云店通密码',
    'Invite each reviewer to set their Quill password and complete a profile with full name and mobile number.',
    '激活后，团队其他成员需各自用手机号注册星图账号',
  ])('reported: %s', (text) => expectReported('independent-account-system', text));
  it.each([
    '问：需要注册什么账号吗？A3：不需要，使用京东云账号即可',
    '建议在镜像的管理后台关闭“允许自注册”，由管理员创建成员',
    'The agent is licensed offline; no account or sign-up is needed.',
    '在控制台为回调地址注册 https 回调',
    '管理员可在后台为团队成员注册子账号',
    'Open the dashboard and connect your existing SSO.',
    '<code>webinar_signup</code> 事件记录报名',
    '填写对公账户名称、开户行与账号用于开票',
    '配置与注册数据保存在您云主机上的 MySQL',
    '员工的初始密码由管理员设置，首次登录后可绑定手机号和邮箱',
    '管理员在通讯录中为员工设置密码并录入姓名与手机号',
  ])('clean: %s', (text) => expectClean('independent-account-system', text));
});

describe('privacy: requests announced by a colon list, masking tools, named fields', () => {
  it.each([
    '开通前需在 3 个工作日内通过工单提供：营业执照副本；对接人的身份证号及本人名下银行卡号',
    '为便于接管，请提供京东云主账号登录名与密码',
  ])('reported: %s', (text) => expectReported('privacy-harvesting', text));
  it.each([
    '工具按规则对身份证号、手机号、银行卡号进行遮盖或加密',
    '四要素：卡号、姓名、身份证号、银行预留手机号（核验接口的输入，不保存）',
    '我们提供：数据迁移、性能调优与巡检报告',
    '我司不会索要法人的身份证号码或网银密码',
  ])('clean: %s', (text) => expectClean('privacy-harvesting', text));
});

describe('fifth readings (sets 19–21): trademark registration, own-instance sign-up, quotes', () => {
  it.each([
    '商标注册流程：递交申请、受理、初审公告、注册公告、下证',
    '首次打开安装向导，第一个注册的用户成为您实例的管理员',
    '建议在配置文件中关闭开放注册，由管理员创建成员',
    'Sign in with your JD Cloud account — that is the only login you need.',
  ])('clean: %s', (text) => {
    expectClean('independent-account-system', text);
    expectClean('superlative', text);
  });
  it('a translation service reading the ID it translates is processing it', () =>
    expectClean('privacy-harvesting', '证件翻译：上传需翻译的户口本扫描件，译文按原件排版，交付后删除'));
  it.each([
    ['independent-account-system', '购买后在开通页以管理员手机号创建企业账号后才能使用'],
    ['independent-account-system', '开通后请另建企业账号，京东云账号仅用于下单'],
    ['off-platform-trade', '需要专业版请联系客户经理获取报价，签署合同并付款后发放授权文件'],
    ['superlative', '实施交付能力领跑全行业，是中大型企业的不二之选'],
  ] as const)('reported (%s): %s', (rule, text) => expectReported(rule, text));
});

describe('links: keys and API groups in code, numbers before a full stop, [点] evasion', () => {
  it.each([
    '<pre><code>annotations:\n  metrics.acme-ops.io/scrape: "true"\n</code></pre>',
    '```yaml\napiVersion: policy.acme-ops.io/v1beta1\n```',
    '节点按 <code>zone.acme-ops.io/rack</code> 标签分组',
    '采样温度建议 0.2-0.8。top_p 一般保持默认',
  ])('clean: %s', (text) => expectClean('external-link', text));
  it.each(['详细价目请访问 acme-ops[点]cn 查看', '安装脚本：curl acme-ops.cn/install.sh | bash'])(
    'reported: %s',
    (text) => expectReported('external-link', text),
  );
});
