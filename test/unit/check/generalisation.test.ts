/**
 * Issue 15, generalisation: short listing texts written for this test (none taken from a labelled
 * corpus or from the pack's own word lists) in each of the categories, with the verdict
 * the rule book gives. They check that the pack reads the category — what a word is attached to —
 * rather than the phrases of the dev corpus: ordinary technical Chinese stays clean, disguised and
 * reworded claims are still read, and the field a text is in does not change what it means.
 */
import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import type { Finding, RuleId } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import { withFields } from './helpers';

/** Where a text goes: the description, a listing attribute, a spec attribute or the delisting strategy. */
type Where = 'description' | 'attribute' | 'spec' | 'delisting';

function listingWith(text: string, where: Where): { listing: Listing; field: string } {
  const base = withFields({});
  switch (where) {
    case 'attribute':
      return { listing: { ...base, attributes: { 开通材料: text } }, field: 'attributes.开通材料' };
    case 'spec':
      return {
        listing: {
          ...base,
          specs: base.specs!.map((s, i) =>
            i === 0 ? { ...s, attributes: { ...s.attributes, 所需信息: text } } : s,
          ),
        },
        field: 'specs[0].attributes.所需信息',
      };
    case 'delisting':
      return { listing: { ...base, delistingStrategy: text }, field: 'delistingStrategy' };
    default:
      return { listing: { ...base, description: text }, field: 'description' };
  }
}

function reported(rule: RuleId, text: string, where: Where): Finding[] {
  const { listing, field } = listingWith(text, where);
  return checkListing(listing).filter(
    (f) => f.ruleId === rule && f.field === field && (f.severity === 'blocker' || f.severity === 'warning'),
  );
}

const shown = (fs: Finding[]) => fs.map((f) => `${f.match ?? ''} (${f.reason ?? f.message})`);

function expectReported(rule: RuleId, text: string, where: Where = 'description') {
  const fs = reported(rule, text, where);
  expect(fs.length, `${rule} in: ${text}`).toBeGreaterThan(0);
  for (const f of fs) expect(f.reason ?? f.message, 'a finding says why').toBeTruthy();
}

function expectClean(rule: RuleId, text: string, where: Where = 'description') {
  expect(shown(reported(rule, text, where)), `${rule} not in: ${text}`).toEqual([]);
}

describe('superlatives: ordinary technical Chinese is not a claim', () => {
  it.each([
    '单实例最大并发连接数为 2000，超出后排队等待',
    '建表时为手机号字段建立唯一索引，避免重复写入',
    '第一步：在控制台创建访问密钥；第二步：填写回调地址',
    '镜像内置 Nginx 最新稳定版本 1.26，每季度跟进安全补丁',
    '子账号遵循最小权限原则，只授予只读策略',
    '监控页展示 Top 20 慢接口及其平均耗时',
    '每个租户最多可创建 50 个项目空间',
    '告警触发后第一时间通知值班人员',
    '最低配置要求：2 核 4G 内存',
    '审计日志最长保留 180 天',
    '为每台设备分配唯一标识符',
    '我们最新的版本 v3.2 增加了审批流',
  ])('clean: %s', (text) => expectClean('superlative', text));
});

describe('superlatives: disguised forms a reader still reads as the word', () => {
  it.each([
    '本产品是全网最<span>快</span>的日志检索引擎',
    '行业 N\u041e.1 的备份方案', // Cyrillic О
    '国内排名第壹的运维监控平台',
    '业内ＴＯＰ１的安全扫描工具',
    '全 网 最 低 价，限时抢购',
    '全网最**优**的方案',
    '国内排名第 1 的监控',
    '国内唯—支持秒级恢复的产品', // an em dash for 一
    '排名第❶的备份工具',
  ])('reported: %s', (text) => expectReported('superlative', text));
});

describe('superlatives: ranking claims that carry no 最 or 第一', () => {
  it.each([
    '同类产品中市场占有率遥遥领先',
    '性能超越所有竞品，行业内首屈一指',
    '独创专利算法，全球仅此一家',
    '连续三年蝉联销量冠军的数据库审计系统',
    '市场占有率名列前茅，稳坐头把交椅',
    '性能碾压所有同类产品',
  ])('reported: %s', (text) => expectReported('superlative', text));
});

describe('delisting strategy: judged by what it says, not by its words', () => {
  it.each([
    '停售后，已经下单的客户在合同到期前照常享有全部功能与技术支持；客户业务数据归客户所有，到期前 30 天我们提供完整备份文件供其取回。',
    '若本商品不再销售，现有订阅不受影响，服务持续到当前计费周期结束；届时客户可一键导出全部工单与附件。',
    '产品退市后，存量用户可用到服务期满，我们将协助把数据迁出并移交给客户。',
    'If the listing is withdrawn, existing customers keep full service until their subscription ends and can export all their data at any time.',
    '下架後，已購用戶在訂閱期內可繼續使用，並可導出全部資料。',
  ])('answers both questions: %s', (text) => expectClean('delisting-strategy-missing', text, 'delisting'));
  it.each([
    '商品下架以平台规则为准，如有疑问请联系客服。',
    '我们会妥善处理下架相关事宜，保障各方权益。',
    '已购用户在下架后无法继续使用，服务期满后数据一并删除。',
  ])('empty: %s', (text) => expectReported('delisting-strategy-missing', text, 'delisting'));
});

describe('brand: JD Cloud as the platform vs. JD Cloud as endorser', () => {
  it.each([
    '系统部署在京东云容器服务上，附件存放于京东云对象存储',
    'Runs on JD Cloud virtual machines; nightly backups are kept in JD Cloud object storage.',
    '支持一键迁移至京东云',
  ])('platform, clean: %s', (text) => expectClean('brand-misuse', text));
  it.each([
    '本产品经京东云官方认证，品质有保障',
    '作为京东云战略合作伙伴，我们提供一站式上云服务',
    '京東雲官方推薦的備份方案',
    'JD Cloud certified partner',
  ])('endorsement, reported: %s', (text) => expectReported('brand-misuse', text));
});

describe('privacy harvesting: however the request is phrased', () => {
  it('a list in the description', () =>
    expectReported('privacy-harvesting', '开通所需资料：法人姓名、身份证号、银行卡号、网银登录密码'));
  it('a listing attribute', () =>
    expectReported('privacy-harvesting', '管理员身份证正反面扫描件、对公银行账号', 'attribute'));
  it('a spec attribute', () => expectReported('privacy-harvesting', '经办人身份证号及支付宝账号', 'spec'));
  it('form fields', () =>
    expectReported(
      'privacy-harvesting',
      '注册表单字段：手机号（必填）、身份证号（必填）、支付宝账号（必填）',
    ));
  it('traditional characters', () =>
    expectReported('privacy-harvesting', '請提供負責人身分證影本及銀行帳戶資料以完成開通'));
  it('in English', () =>
    expectReported(
      'privacy-harvesting',
      'Please send a scan of your ID card and your bank account number to activate.',
    ));
  it('processing for the buyer without keeping it is clean', () =>
    expectClean(
      'privacy-harvesting',
      '上传的银行卡照片仅用于实时识别卡号，识别完成后立即删除，不做任何存储',
    ));
});

describe('off-platform trade: variant spellings of messaging apps', () => {
  it.each([
    '长期合作客户续费请添加 V信 ops2025，享内部价',
    '批量采购请加扣扣群 778899 联系商务下单',
    'WeChat: abc_sales 获取报价',
    '微信 ops_sales 询价，比平台便宜',
  ])('reported: %s', (text) => expectReported('off-platform-trade', text));
  it.each(['告警消息可推送至企业微信机器人与钉钉群', '小程序支持微信支付下单，货款直接进入门店账户'])(
    'a notification channel or a payment feature of the product is clean: %s',
    (text) => expectClean('off-platform-trade', text),
  );
});

describe('re-registration in another language or script', () => {
  it.each([
    'Before first use, please sign up for a new account on our own portal.',
    '首次使用需於本公司平台重新註冊帳號',
    'Users must create a separate account on our website before activation.',
  ])('reported: %s', (text) => expectReported('independent-account-system', text));
  it('staff signing in through the buyer’s existing directory is clean', () =>
    expectClean('independent-account-system', '企业员工使用贵司现有的 LDAP 账号登录，无需另行注册'));
});

describe('a support e-mail address is a contact channel, not a site', () => {
  it.each([
    '如需技术支持，请发送邮件至 support@opsvendor.cn，工作日 2 小时内回复',
    '售后邮箱：help@yunwei.com.cn',
    '邮箱 support(at)opsvendor.cn',
  ])('clean: %s', (text) => expectClean('external-link', text));
});

// Session 8: the categories an independently written set of 60 listings showed misread. The texts
// here are new (written for this test, not taken from that set), so they check the reading, not
// the phrases that set used.
describe('superlatives: ranges, metrics, identifiers, computed optima and PKI terms', () => {
  it.each([
    '实施周期：环境准备（第 1~3 天），数据迁移（第 4-6 天）',
    '在 COCO 验证集上 Top-1 召回率 76.4%',
    '上传完成后为每个文件生成唯一下载链接，7 天后失效',
    '为每个租户签发唯一接入密钥，可随时吊销',
    '调度器根据实时负载计算最优分配，并给出备选方案',
    '路径规划接口求解最优解后返回途经点列表',
    '私有 PKI 采用顶级 CA 离线、中间 CA 在线的两级结构',
  ])('clean: %s', (text) => expectClean('superlative', text));
  it.each([
    '国内第 1 的数据库审计系统',
    '行业 TOP1 的日志平台，准确、省心',
    '业内唯一通过全部认证的厂商',
    '我们提供全网最优的价格',
    '顶级的安全防护，放心托付',
  ])('reported: %s', (text) => expectReported('superlative', text));
});

describe('external links: placeholders for the buyer’s own machine are not sites', () => {
  it.each([
    '部署完成后在浏览器打开 http://&lt;实例公网IP&gt;:3000 完成初始化',
    '管理后台位于 https://{your-host}/admin',
    '内网用户可访问 http://gitlab:8929 拉取代码',
  ])('clean: %s', (text) => expectClean('external-link', text));
  it.each(['安装包请从 http://download.example-soft.cn/pkg 下载', '详见 https://www.aliyun.com/product/ecs'])(
    'reported: %s',
    (text) => expectReported('external-link', text),
  );
});

describe('brand: JD Cloud as a data source or the regions served', () => {
  it.each(['统一采集京东云与其他公有云的账单，按部门分摊', '可纳管京东云全部可用区的云主机'])(
    'clean: %s',
    (text) => expectClean('brand-misuse', text),
  );
  it.each(['京东云官方出品的备份工具', '本产品经京东云认证推荐'])('reported: %s', (text) =>
    expectReported('brand-misuse', text),
  );
});

describe('privacy: what the product verifies vs. what the vendor asks for', () => {
  it.each([
    '接口对姓名、身份证号码、手机号做三要素一致性校验，结果实时返回',
    '服务把现场抓拍的人脸与证件照比对，返回相似度分值',
  ])('clean: %s', (text) => expectClean('privacy-harvesting', text));
  it.each([
    '<p>开通前请在工单中填写以下表单：</p><table><tr><td>法定代表人身份证号</td><td>用于资质审核</td></tr><tr><td>对公银行卡号</td><td>用于结算</td></tr></table>',
    '<p>开通前请在工单中填写以下表单：</p><table><tr><td>服务器 root 密码</td><td>便于远程部署</td></tr></table>',
    '请提交身份证号、银行卡号以便核验身份',
  ])('reported: %s', (text) => expectReported('privacy-harvesting', text));
});

describe('re-registration: things and results vs. a second account for the buyer', () => {
  it.each(['网关首次上线时自动完成设备注册并下发证书', '案例：会员小程序上线三个月注册用户数突破 5 万'])(
    'clean: %s',
    (text) => expectClean('independent-account-system', text),
  );
  it.each([
    '使用前须在我们的门户创建新账号并完成邮箱验证',
    '首次登录需设置独立登录密码，京东云账号仅用于下单',
  ])('reported: %s', (text) => expectReported('independent-account-system', text));
});

describe('off-platform trade: transfers, payment codes and bypassing the marketplace', () => {
  it.each([
    '团购价请加 V❤：abc_soft，转账后即刻发货',
    '到期后打开后台的付款码扫码续期即可，无需回到云市场',
    '用量超出后可在系统的充值中心购买额度',
  ])('reported: %s', (text) => expectReported('off-platform-trade', text));
  it.each(['续费请在云市场订单页操作', '支持对接企业的支付宝与微信支付收款，资金直接进入商户账户'])(
    'clean: %s',
    (text) => expectClean('off-platform-trade', text),
  );
});

describe('delisting strategy: continued use and data in other words', () => {
  it.each([
    '停止销售后，已开通的租户在合同期内功能不变；全部数据可自行导出，所有权属于客户。',
    '本镜像下架对已部署的实例没有影响，实例与云硬盘原样留在买家账号下。',
    '未开工的项目全额退款，已开工的按期交付，交付物归客户所有。',
  ])('answers both questions: %s', (text) => expectClean('delisting-strategy-missing', text, 'delisting'));
  it.each(['下架事宜另行通知。', '本商品长期运营，不涉及下架。'])('empty: %s', (text) =>
    expectReported('delisting-strategy-missing', text, 'delisting'),
  );
  // One aspect answered is a strategy; the other aspect is an info suggestion that names it.
  it.each([
    ['已购用户不受影响。', '数据'],
    ['下架后服务不变。', '数据'],
    ['数据归客户所有。', '继续使用'],
  ])('half: %s → info naming the other aspect', (text, other) => {
    const listing = { ...withFields({}), delistingStrategy: text };
    const fs = checkListing(listing).filter((f) => f.ruleId === 'delisting-strategy-missing');
    expect(fs.map((f) => f.severity)).toEqual(['info']);
    expect(fs[0]!.message).toContain(other);
  });
});

describe('second probe: put-downs, first choice, credential pairs, negated channels, IAM grants', () => {
  it.each(['口碑位居前列，企业首选的工单系统', '检索速度胜过所有同类开源方案'])('superlative: %s', (text) =>
    expectReported('superlative', text),
  );
  it.each(['在设置中打开首选项，修改默认语言', '网卡的首选 DNS 设置为 114.114.114.114'])(
    'not a superlative: %s',
    (text) => expectClean('superlative', text),
  );
  it('a credential pair handed over is harvesting', () =>
    expectReported('privacy-harvesting', '部署前请把服务器的用户名和密码提供给实施顾问'));
  it('a new account opened with the vendor is re-registration', () =>
    expectReported('independent-account-system', '付款后到我们的网站申请新账号才能使用'));
  it.each(['商城的会员在公众号里注册后自动同步积分', '请先到会员中心注册后再登录'])(
    'members of the buyer vs. the vendor’s member centre: %s',
    (text) =>
      text.includes('会员中心')
        ? expectReported('independent-account-system', text)
        : expectClean('independent-account-system', text),
  );
  it('a clause that refuses offline trade is not off-platform trade', () =>
    expectClean('off-platform-trade', '我们不接受任何私下转账，订单只在云市场完成'));
  it('a JD Cloud IAM grant is not an endorsement', () =>
    expectClean('brand-misuse', '实施人员使用京东云授权的只读子账号查看资源'));
  it('data kept on the buyer’s own server answers the data question', () =>
    expectClean(
      'delisting-strategy-missing',
      '下架后已售出的永久授权照常可用，所有数据保存在客户自己的服务器上。',
      'delisting',
    ));
});

// The second independently written set (60 listings) showed that defaults, not vocabulary, were
// wrong: a bare mention of JD Cloud, a bare 唯一, a service's delisting strategy were findings
// unless a listed phrase cleared them. Fresh texts for each corrected default.
describe('brand: a mention is not "in the name of" JD without an endorsement', () => {
  it.each([
    '按小时计费，费用经京东云云市场统一结算',
    '日志通过京东云日志服务投递到您的存储桶',
    '支持从淘宝、拼多多与京东店铺同步订单',
    '基于阿里巴巴开源的 Sentinel 做限流',
  ])('clean: %s', (text) => expectClean('brand-misuse', text));
  it.each(['本产品经京东云认证，品质可靠', '阿里巴巴前技术团队打造', '淘宝官方合作服务商，值得信赖'])(
    'reported: %s',
    (text) => expectReported('brand-misuse', text),
  );
});

describe('superlatives: 唯一 as a constraint vs. 唯一 as a claim', () => {
  it.each([
    '租户内的工号必须唯一',
    '以主数据平台为唯一数据源，其他系统只读',
    '每路视频流只推送给唯一一个转码节点',
  ])('clean: %s', (text) => expectClean('superlative', text));
  it.each(['我们是唯一一家提供双活容灾的服务商', '唯一的国产化全栈方案', '本平台是唯一通过信创适配的产品'])(
    'reported: %s',
    (text) => expectReported('superlative', text),
  );
  it('a ranked list of risks is quoted, not claimed', () =>
    expectClean('superlative', '报告按 CWE Top 25 排序，列出排名第一的漏洞类别及修复建议'));
});

describe('re-registration: devices and agents vs. accounts kept apart from JD Cloud', () => {
  it.each(['边缘网关开机后自动注册到物联网平台', '采集探针安装后自动注册，控制台即可看到主机'])(
    'clean: %s',
    (text) => expectClean('independent-account-system', text),
  );
  it.each([
    '请在客户门户开通个人账户后使用，该账户与京东云账号互不相通',
    '京东云账号无法登录本系统，请使用我们发放的账号密码',
  ])('reported: %s', (text) => expectReported('independent-account-system', text));
  it('a JD Cloud account that cannot log in to the OS is about the machine', () =>
    expectClean('independent-account-system', '京东云账号无法直接登录云主机操作系统，请使用 SSH 密钥'));
});

describe('off-platform: the vendor’s own shop, handles beside prices, renewal money', () => {
  it.each([
    '配件请到我们的天猫店下单，备注订单号可减 50 元',
    '老客户续约请将款项打入我司对公账户',
    '咨询团购价请加微❤ sales_888，报"云市场"可再优惠',
  ])('reported: %s', (text) => expectReported('off-platform-trade', text));
  it.each(['自动下载微信支付账单与支付宝账单并完成勾兑', '车主在出口扫码向停车场缴费，系统自动抬杆'])(
    'clean: %s',
    (text) => expectClean('off-platform-trade', text),
  );
});

describe('delisting: what services and images promise in their own words', () => {
  it.each([
    '停止接单后，已付款的项目按原合同完成交付，交付成果版权归客户。',
    'If we retire the image, instances already launched keep running, and their data stays on the buyer\u2019s own disks, which belong to the buyer.',
  ])('answers both: %s', (text) => expectClean('delisting-strategy-missing', text, 'delisting'));
});

describe('links and official site: disguised hosts and placeholder pages', () => {
  it('a host with a spelled-out dot among real ones is still a link', () =>
    expectReported('external-link', '客户端从 get.vendorsoft(.)cn/latest 下载'));
  it.each(['https://your-company.com/p/1', 'https://www.xxx.com/product'])(
    'a placeholder product page is no product page: %s',
    (url) => {
      const fs = checkListing(withFields({ officialSite: { productPageUrl: url } })).filter(
        (f) => f.ruleId === 'official-site-missing' && f.severity === 'blocker',
      );
      expect(fs.length, url).toBe(1);
    },
  );
});

// A third independently written set showed 第一, 100% and 绝对 had the same default problem as 唯一.
describe('第一, 100% and 绝对 need evidence of a claim about the goods', () => {
  it.each([
    '依据《民法典》第一百八十八条的诉讼时效规则计算到期日',
    '成绩单按总分排名第一至第二十的学员展示',
    '患者到第一诊室候诊，叫号屏同步显示',
    '企业画像展示第一大股东及其持股比例',
    '当 CPU 使用持续 100% 超过 5 分钟时扩容',
    '对迁移数据做 100% 行级比对，而不是抽样',
    '翻译记忆库中 100% 匹配的句段自动填充',
    '测绘成果统一采用绝对标高，精确到毫米',
    '月末最耗时的一步是银行对账',
  ])('clean: %s', (text) => expectClean('superlative', text));
  it.each([
    '连续三年荣获行业第一的财税软件',
    '我们是第一个把电子签章搬上云的服务商',
    '第一品牌的视频转码服务',
    '数据 100% 安全，绝不丢失',
    '效果 100% 保证，无效退款',
    '绝对安全的密钥托管',
    '定位精度独一无二。',
  ])('reported: %s', (text) => expectReported('superlative', text));
});

describe('third set: spelled-out (dot), lists introduced after the fact, buyers as nouns', () => {
  it('an address with (dot) for its dots is a link', () =>
    expectReported('external-link', '白皮书请到 acme-risk(dot)com(dot)cn 下载'));
  it('a numbered list that "以上信息" asks for is a request', () =>
    expectReported(
      'privacy-harvesting',
      '<ol><li>企业网银登录账号；</li><li>法定代表人身份证号码；</li></ol><p>请将以上信息提交给实施顾问。</p>',
    ));
  it('购买者 is the buyer, not a purchase', () =>
    expectClean('off-platform-trade', '购买者以京东云账号登录控制台即可使用'));
  it('the marketplace account refused is a second account system', () =>
    expectReported(
      'independent-account-system',
      '前往我们的开放平台创建机构账号，云市场账号无法直接登录后台',
    ));
});

describe('claims kept after the default flips', () => {
  it.each([
    '唯一授权代理商，正品保障',
    '国际一流的数据治理能力',
    '7×24 小时，100% 解决问题',
    '首家支持信创全栈的备份服务商',
    '首选的混合云管理平台',
  ])('reported: %s', (text) => expectReported('superlative', text));
});

describe('fourth set: registration in other senses, account managers, payee accounts, shared data', () => {
  it.each(['产品已取得二类医疗器械注册证，注册检验报告可供下载', '加速登录注册页与支付页的首屏渲染'])(
    'not re-registration: %s',
    (text) => expectClean('independent-account-system', text),
  );
  it('applying for an account on the vendor’s platform is', () =>
    expectReported('independent-account-system', '首次使用请到本公司服务平台申请账号，以新账号登录'));
  it('topping up through the account manager is off-platform', () =>
    expectReported('off-platform-trade', '额度用完可联系您的客户经理充值，支持对公转账'));
  it('fees paid into the vendor’s account are off-platform', () =>
    expectReported('off-platform-trade', '定制开发费以银行转账支付至乙方账户后开工'));
  it('members’ data shared with other businesses is harvesting', () =>
    expectReported('privacy-harvesting', '系统把会员手机号同步到商圈联盟，与其他商户共享画像'));
  it('a promise not to share is not', () =>
    expectClean('privacy-harvesting', '会员手机号只在您的租户中使用，我们不会用于营销，也不提供给第三方'));
});

describe('fifth set: goals, tips, Top-N lists, effect metrics, endorsements later in the clause', () => {
  it.each([
    '我们的愿景是打造国内康养行业数字化第一品牌',
    '最佳拍照时段为上午 10 点前后，光线柔和',
    'Kafka 是 Apache 顶级项目，社区活跃',
    '报告列出同类应用下载量 Top 20 的竞品及其关键词',
  ])('not a superlative: %s', (text) => expectClean('superlative', text));
  it.each(['恶意流量拦截率高达 100%', 'The fastest backup image around — nothing else comes close'])(
    'superlative: %s',
    (text) => expectReported('superlative', text),
  );
  it('a JD brand with an endorsement later in the clause is misuse', () =>
    expectReported('brand-misuse', '本系统获京东物流官方认证'));
  it('money into the company’s designated account is off-platform', () =>
    expectReported('off-platform-trade', '请将货款汇入本公司指定账户，到账后开通'));
});
