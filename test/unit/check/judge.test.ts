/**
 * What a term is attached to decides the verdict (issue 15). Per category: sentences that must be
 * reported (with the reason in the rule's words) and ordinary technical sentences that must not.
 * The sentences are written for these tests, in the style of real listings; none is taken from
 * the labelled corpus.
 */
import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import { MAX_TERMS_PER_RULE } from '../../../shared/check/scan-field';
import type { Finding, RuleId } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import { findingsIn, ofRule, withFields } from './helpers';

const reported = (fs: Finding[], rule: RuleId) =>
  ofRule(fs, rule).filter((f) => f.severity === 'blocker' || f.severity === 'warning');

function expectReported(rule: RuleId, text: string, field: keyof Listing = 'description') {
  const fs = reported(
    checkListing(withFields({ [field]: text } as Partial<Listing>)).filter((f) => f.field === field),
    rule,
  );
  expect(fs.length, `${rule} in: ${text}`).toBeGreaterThan(0);
  for (const f of fs) {
    expect(f.reason, 'every reported finding says why').toBeTruthy();
    expect(f.reasonEn).toBeTruthy();
    expect(f.confidence).toBeGreaterThan(0);
    expect(f.confidence).toBeLessThanOrEqual(1);
  }
  return fs;
}
function expectClean(rule: RuleId, text: string, field: keyof Listing = 'description') {
  const fs = reported(
    checkListing(withFields({ [field]: text } as Partial<Listing>)).filter((f) => f.field === field),
    rule,
  );
  expect(
    fs.map((f) => `${f.match} (${f.reason ?? f.message})`),
    `${rule} not in: ${text}`,
  ).toEqual([]);
}

describe('superlative: a ranking of the goods vs. a technical fact', () => {
  it.each([
    '全网最快的日志检索工具',
    '我们的备份方案国内最稳定',
    '本产品是市场上唯一一款支持离线激活的堡垒机',
    '业界最先进的压缩算法',
    '同类产品中速度最快',
    '行业领先的工单系统',
    '全球领先的向量检索引擎',
    '排名第一的 CDN 加速插件',
    '国内第一个支持国密算法的网关',
    '价格最低，服务最好',
    '选它就是最优的选择',
    '顶尖的安全团队为您保驾护航',
    '史无前例的迁移速度',
    '保证 100% 恢复成功',
    '数据 100% 不丢失',
  ])('reported: %s', (text) => {
    expectReported('superlative', text);
  });
  it.each([
    '单个租户最多创建 200 个项目',
    '连接池最大空闲连接为 20',
    '按最小权限原则为运维账号授权',
    '镜像预装 PostgreSQL 16 的最新补丁版本',
    '升级到最新的长期支持版即可获得安全修复',
    '查询遵循最左前缀原则，请按索引列顺序书写条件',
    '跨地域复制采用最终一致性',
    '控制台展示 Top 20 耗时接口',
    '为每个设备分配唯一序列号',
    '每条消息携带唯一的 trace_id',
    '订单号在租户内唯一',
    '第一步：创建 API 密钥；第二步：配置回调地址',
    '第一季度发布移动端',
    '故障发生后我们会在第一时间通知您',
    '在第一台主机上执行初始化脚本',
    '支持二级域名与顶级域名的证书',
    '配置文件请使用绝对路径',
    '磁盘使用率达到 100% 时自动扩容',
    '测试用例覆盖率 100%',
    '参考最佳实践完成集群配置',
    '建议最好在业务低峰期执行全量备份',
    '在本系列中，旗舰版配置最高',
    '我们始终追求最好的用户体验',
    '最近 14 天的慢查询会自动归档',
  ])('not reported: %s', (text) => {
    expectClean('superlative', text);
  });
  it('the reason names the scope', () => {
    const [f] = expectReported('superlative', '全网最低价的短信套餐');
    expect(f!.reason).toMatch(/范围词|绝对化/);
    expect(f!.severity).toBe('blocker');
  });
});

describe('superlative: disguises a reader still reads as the word', () => {
  it.each([
    ['markup inside the word', '<p>性能最<b>优</b>的网关</p>'],
    ['symbols inside the word', '性能最*优的网关'],
    ['Cyrillic look-alikes', '销量 Nо.1 的监控插件'], // о is Cyrillic
    ['circled numeral', '销量 No.① 的监控插件'],
    ['Roman numeral', '销量 NO.Ⅰ 的监控插件'],
    ['full-width', '全网ＮＯ．１的备份工具'],
    ['traditional characters', '業界最優的備份方案'],
    ['traditional, not in the pack list', '全網獨一無二的監控平台'],
    ['variant numeral 壹', '行业第壹的服务商'],
  ])('%s: %s', (_what, text) => {
    expectReported('superlative', text);
  });
  it('the reported span is the raw text, markup included', () => {
    const text = '<p>性能最<b>优</b>的网关</p>';
    const [f] = expectReported('superlative', text);
    expect(text.slice(f!.start, f!.end)).toBe(f!.match);
    expect(f!.match).toBe('最<b>优');
  });
});

describe('delisting strategy: judged by what it says, in any words', () => {
  const strategy = (delistingStrategy: string) =>
    reported(checkListing(withFields({ delistingStrategy })), 'delisting-strategy-missing').filter(
      (f) => f.field === 'delistingStrategy',
    );
  it.each([
    '下架后，已开通的实例照常运行到订购期满；所有报表与原始数据归客户所有，可随时一键导出 CSV。',
    '服务下架不影响已签订单：已启动的项目继续按合同交付，交付的脚本与文档全部移交客户。',
    '工具下架后已安装的版本仍可使用，配置与日志保存在客户自己的主机上，无需迁移。',
  ])('answers both questions: %s', (text) => {
    expect(strategy(text)).toEqual([]);
  });
  it.each([
    '下架后停止一切服务。',
    '如商品下架，我们将按平台要求妥善处理，请用户放心。',
    '具体安排以届时公告为准。',
    '下架后可申请退款。',
    '下架后不再继续提供服务，数据不提供导出。',
  ])('answers neither: %s', (text) => {
    expect(strategy(text)).toHaveLength(1);
  });
});

describe("brand: the platform the product runs on vs. presenting it as JD's", () => {
  it.each([
    ['title', '京东云官方日志审计系统'],
    ['summary', '由京东云联合出品的数据同步工具'],
    ['description', '本产品荣获京东云认证，品质有保障'],
    ['description', '京东云战略合作伙伴倾力打造'],
    ['title', '京東雲備份助手'],
    ['description', 'An official JD Cloud partner solution'],
  ] as const)('reported in %s: %s', (field, text) => {
    expectReported('brand-misuse', text, field);
  });
  it.each([
    '所有数据存放在京东云对象存储中',
    '支持从自建机房迁移到京东云',
    '可结合京东云 Web 应用防火墙一起使用',
    '请在京东云控制台创建 AccessKey',
    '本镜像基于京东云 GPU 实例优化',
    '配置方法详见京东云官方文档',
    'Runs on JD Cloud virtual machines in the 华北 region',
    '備份檔案保存於京東雲物件儲存',
  ])('not reported: %s', (text) => {
    expectClean('brand-misuse', text);
  });
  it('an authorised brand is not reported', () => {
    const l = withFields({
      title: '京东云官方日志审计系统',
      vendor: { name: 'x', authorizedBrands: ['京东云'] },
    });
    expect(reported(checkListing(l), 'brand-misuse')).toEqual([]);
  });
});

describe('privacy harvesting: asking buyers for identity, bank or account data', () => {
  it.each([
    '开通前请将法人身份证正反面及对公银行卡号发送给客服',
    '为完成实名，请填写管理员身份证号码',
    '报名时请备注手机号与身份证号',
    '请提供京东云主账号密码，以便工程师登录操作',
    '插件会收集访客的手机号并上传到我司分析平台',
    '上传的证件照片将保存 90 天并用于模型训练',
    '開通前須上傳身份證正反面照片',
  ])('reported: %s', (text) => {
    expectReported('privacy-harvesting', text);
  });
  it('a form field or attribute listing the data is reported too', () => {
    const l = withFields({
      attributes: { 交付方式: 'SaaS', 开通所需资料: '营业执照、法人身份证、银行卡号' },
    });
    expect(reported(checkListing(l), 'privacy-harvesting').length).toBeGreaterThan(0);
  });
  it.each([
    '银行卡 OCR：上传卡面照片，返回卡号与发卡行，图片不落盘',
    '日志中的手机号、身份证号自动脱敏后再存储',
    '我们不会索取您的主账号密码，请通过 IAM 子用户授权',
    '告警接收人的手机号由您在控制台自行填写',
    '支持导入客户资料中的联系电话并查重',
    '身份证识别接口对调用方上传的图片仅在内存中处理，不留存',
  ])('not reported: %s', (text) => {
    expectClean('privacy-harvesting', text);
  });
});

describe('off-platform trade: any channel that takes the order or the renewal off the marketplace', () => {
  it.each([
    '加薇信 abc123 下单立减 200',
    '大客户请扫描下方二维码付款',
    '授权码请联系我司商务单独购买',
    '续费请联系客户经理办理，可开对公发票',
    '后台插件商城的增值模块可在线支付购买',
    '款项请直接转账至我司对公账户',
    '请发邮件至 sales@vendor-mail.cn 下单',
  ])('reported: %s', (text) => {
    expectReported('off-platform-trade', text);
  });
  it.each([
    '购买后在云市场“已购服务”中进入系统',
    '续费请在京东云云市场操作',
    '顾客在小程序下单后可用微信支付付款，货款直接进入您的商户号',
    '支持对接微信支付与支付宝支付接口',
    '系统内没有任何额外收费项目',
    '扫码签到，员工考勤一目了然',
    '支持线下门店与线上商城库存统一管理',
  ])('not reported: %s', (text) => {
    expectClean('off-platform-trade', text);
  });
});

describe("independent account system: registering again in the vendor's own system", () => {
  it.each([
    '使用前请在我司官网注册开发者账号',
    '首次登录需在客户端内注册新用户，暂不支持京东云账号',
    '購買後請在會員中心重新註冊帳號',
    'Please sign up for a new account on our portal before use',
  ])('reported: %s', (text) => {
    expectReported('independent-account-system', text);
  });
  it.each([
    '员工通过企业现有的 LDAP 账号登录，无需另行注册',
    '无需注册，使用京东云账号免登进入',
    '管理员可在后台为团队成员注册子账号',
    '基于 Nacos 的服务注册与发现',
    '风控模型可识别恶意注册与撞库',
    '注册表项修改后需重启服务',
  ])('not reported: %s', (text) => {
    expectClean('independent-account-system', text);
  });
});

describe('external links: a support e-mail address is a contact channel, not a site', () => {
  it('e-mail is not an external link', () => {
    expect(ofRule(findingsIn('技术支持邮箱 support@vendor-mail.cn'), 'external-link')).toEqual([]);
  });
  it('a site address still is', () => {
    expect(ofRule(findingsIn('详见 help.vendor-mail.cn'), 'external-link')).toHaveLength(1);
  });
});

describe('robustness: huge fields', () => {
  it('a 5 M character field with 2.5 M hits (today ~125,000 overflowed the stack) does not overflow the stack', () => {
    const description = '最优'.repeat(2_500_000);
    const t0 = performance.now();
    const fs = checkListing(withFields({ description }));
    const ms = performance.now() - t0;
    const sup = ofRule(fs, 'superlative');
    expect(sup.filter((f) => f.severity === 'blocker')).toHaveLength(MAX_TERMS_PER_RULE);
    expect(sup.find((f) => f.severity === 'info')?.message).toMatch(
      new RegExp(String(2_500_000 - MAX_TERMS_PER_RULE)),
    );
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
  it('a 5 M character field of long links and markup does not crash', () => {
    const description = '<p>详见 <a href="https://x.example.cn/a">文档</a> 京东云</p>'
      .repeat(100_000)
      .slice(0, 5_000_000);
    expect(() => checkListing(withFields({ description }))).not.toThrow();
  }, 120_000);
});

// Mixed sentences: the rules expected ('-' none), in the style of listings the tests were not tuned on.
const mixed: [string, string][] = [
  ['privacy-harvesting', '开通材料：营业执照副本、法定代表人身份证正反面、对公银行账户信息'],
  ['privacy-harvesting', '注册表单字段：姓名、手机号、身份证号（必填）、银行卡号（必填）'],
  ['privacy-harvesting', '購買後請提供負責人身分證字號及銀行帳號以完成審核'],
  ['-', '发票抬头中的纳税人识别号由购方填写'],
  ['-', '支持批量校验身份证号格式是否正确'],
  ['-', '本工具在本地对银行卡号做掩码处理，不上传任何数据'],
  ['brand-misuse', 'JD Cloud Official Backup Tool'],
  ['brand-misuse', '京东云认证合作伙伴，品质保证'],
  ['-', 'Deployed on JD Cloud ECS instances in cn-north-1'],
  ['-', '数据迁移至京东云对象存储后即可删除本地副本'],
  ['-', '本镜像已在京东云云市场上架'],
  ['off-platform-trade', '续费请添加客服V❤：abc999'],
  ['off-platform-trade', '更多模板请到我们的淘宝店购买'],
  ['off-platform-trade', '高级版请联系销售，签订线下合同后开通'],
  ['-', '客户可在门店扫码付款，款项直接进入商家账户'],
  ['-', '支持对接企业微信，消息实时推送'],
  ['external-link,independent-account-system', '使用前需前往 https://id.example-soft.cn 注册会员'],
  ['independent-account-system', '必须另行注册本公司账号后方可登录使用'],
  ['-', '使用京东云账号单点登录，无需单独注册'],
  ['-', '为您的员工批量创建账号，员工首次登录修改密码'],
  ['superlative', '性价比之王，全网无敌'],
  ['superlative', '业界公认最权威的安全评测'],
  ['-', '选择最适合您业务规模的规格'],
  ['-', '按最大并发数 200 规划容量'],
  ['-', '显示最近一次登录时间'],
  ['superlative', '全国第一家通过该认证的服务商'],
  ['-', '第一家分店的数据会自动同步'],
  ['superlative', '国内首款支持国产化数据库的备份软件'],
  ['superlative', '全网销量第1的监控插件'],
  ['superlative', '最懂中小企业的财务软件'],
  ['superlative', '业内首个通过三级等保测评的SaaS'],
  ['superlative', '服务响应全网最快'],
  ['-', '最常见的问题请查看帮助文档'],
  ['-', '把最常用的命令放在工具栏'],
  ['-', '单表最多 1000 万行'],
  ['-', '取最近一次备份进行恢复'],
  ['-', '默认保留最后 7 个版本'],
  ['-', '最早可恢复到 30 天前的数据'],
  ['-', '最外层的 div 需要设置宽度'],
  ['superlative', '独家首创的智能调度引擎'],
  ['superlative', '市场占有率第一'],
  ['-', '冠军团队开发的分析模型曾获数据大赛一等奖'],
  ['off-platform-trade', '如需更多席位，请到我们的官网下单'],
  ['off-platform-trade', 'For volume licences please contact our sales team to purchase directly'],
  ['off-platform-trade', '微信号 sales_888，联系购买享折扣'],
  ['-', 'Buy once on the marketplace and use it forever'],
  ['privacy-harvesting', '请上传法人手持身份证照片及营业执照'],
  ['-', '支持银行卡四要素核验，结果实时返回'],
  ['independent-account-system', '开通后请在我们的平台注册一个新账号'],
  ['-', '顶部菜单最右侧为退出按钮'],
  ['superlative', '我们的客服响应最及时'],
  ['-', '建议选择离用户最近的地域'],
  ['brand-misuse', '京东云官方合作服务商'],
  ['-', '支持同步京东商城的订单'],
];

describe('mixed sentences: exactly the expected rules are reported', () => {
  it.each(mixed)('%s: %s', (expected, text) => {
    const got = new Set(
      findingsIn(text)
        .filter((f) => f.severity !== 'info')
        .map((f) => f.ruleId as string),
    );
    expect([...got].sort()).toEqual(expected === '-' ? [] : expected.split(',').sort());
  });
});
