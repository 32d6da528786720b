/**
 * Positive cases and negative traps per rule. A positive case names the rule and the text the
 * finding must point at; a trap is ordinary technical Chinese that must not trigger the rule.
 */
import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import type { RuleId } from '../../../shared/check/types';
import { findingsIn, ofRule, withFields } from './helpers';

const positives: [RuleId, string, string][] = [
  ['superlative', '国内唯一支持秒级部署的镜像', '唯一'],
  ['superlative', '业内最优的数据库方案', '最优'],
  ['superlative', '性能最 优，稳定可靠', '最 优'],
  ['superlative', '性能最-优', '最-优'],
  ['superlative', '性能最\u200b佳', '最\u200b佳'],
  ['superlative', '行业第一品牌', '第一'],
  ['superlative', '顶级安全防护', '顶级'],
  ['superlative', '国家级技术标准', '国家级'],
  ['superlative', '保证 100% 安全', '100%'],
  ['superlative', '性能 100% 提升', '100%'],
  ['superlative', '销量 No.1 的建站工具', 'No.1'],
  ['superlative', '销量 ＮＯ．１ 的建站工具', 'ＮＯ．１'],
  ['superlative', '绝对安全可靠', '绝对'],
  ['superlative', '國內唯一，最優選擇', '最優'],
  ['superlative', '我们是国内最大的 CRM 服务商', '最大'],
  ['superlative', '国内首家通过认证的产品', '首家'],
  ['external-link', '详见 https://vendor.example.com/doc 了解', 'https://vendor.example.com/doc'],
  ['external-link', '购买请联系 vendor.cn/buy 官方', 'vendor.cn/buy'],
  ['external-link', '<a href="http://evil.example.net/x">文档</a>', 'http://evil.example.net/x'],
  ['external-link', '<img src="https://cdn.example.org/a.png">', 'https://cdn.example.org/a.png'],
  ['external-link', '管理后台 http://47.96.12.5:8080/admin', 'http://47.96.12.5:8080/admin'],
  ['external-link', '服务器 8.8.8.8 上', '8.8.8.8'],
  ['external-link', '官网 www点vendor点com 查看', 'www点vendor点com'],
  ['external-link', '官网 ｗｗｗ．ｖｅｎｄｏｒ．ｃｏｍ 查看', 'ｗｗｗ．ｖｅｎｄｏｒ．ｃｏｍ'],
  ['external-link', '地址 vendor dot com 查看', 'vendor dot com'],
  // A bare dotted quad is an address unless the words before name a version (see the traps).
  ['external-link', '服务器 IP：47.96.12.5，开放 22 端口', '47.96.12.5'],
  ['external-link', 'connect to 47.96.12.5 with ssh', '47.96.12.5'],
  ['external-link', 'our download mirror 47.96.12.5 has the installer', '47.96.12.5'],
  ['external-link', '<table><tr><td>下载地址</td><td>47.96.12.5</td></tr></table>', '47.96.12.5'],
  // example.com is a placeholder only where the text presents it as one.
  ['external-link', '更多插件请访问 www.tools.example.com/plugins 购买', 'www.tools.example.com/plugins'],
  [
    'external-link',
    '<p>下载：<code>https://dl.vendor.cn/a.tgz</code>（说明）</p>',
    'https://dl.vendor.cn/a.tgz',
  ],
  ['brand-misuse', '京东云官方推荐', '京东云'],
  ['brand-misuse', '京东云战略合作伙伴', '京东云'],
  ['brand-misuse', 'JD Cloud 官方出品', 'JD Cloud'],
  ['brand-misuse', '京 东 云认证产品', '京 东 云'],
  ['brand-misuse', '京東雲推薦', '京東雲'],
  ['brand-misuse', '京东数科联合出品', '京东数科'],
  ['brand-misuse', '阿里巴巴技术团队打造', '阿里巴巴'],
  ['brand-misuse', '淘宝同款，销量领先', '淘宝'],
  ['off-platform-trade', '加微信购买享优惠', '加微信'],
  ['off-platform-trade', '扫码付款即可开通', '扫码付款'],
  ['off-platform-trade', '支持线下转账，请联系我们', '线下转账'],
  ['off-platform-trade', '到期后续费请到官网办理', '续费请到官网'],
  ['off-platform-trade', '请前往 https://shop.example.com 购买授权', '前往 https://shop.example.com 购买'],
  ['privacy-harvesting', '开通前需上传身份证正反面照片', '身份证正反面'],
  ['privacy-harvesting', '使用前请填写银行卡号', '银行卡号'],
  ['privacy-harvesting', '需提供京东金融账号', '京东金融账号'],
  ['independent-account-system', '首次使用需在我司平台重新注册账号', '重新注册'],
  ['independent-account-system', '使用前须注册会员', '须注册'],
  ['prohibited-content', '提供棋牌赌博游戏搭建', '赌博'],
  ['prohibited-content', '传奇私服一键架设', '私服'],
  ['prohibited-content', '游戏外挂定制', '外挂'],
  ['malware', '内置远控木马，可远程操作', '远控木马'],
  ['malware', '附赠黑客工具包', '黑客工具'],
  ['malware', '程序中预留后门便于维护', '后门'],
  ['competitor-guidance', '建议迁移到阿里云获得更好体验', '迁移到阿里云'],
  ['competitor-guidance', '推荐使用腾讯云对象存储', '推荐使用腾讯云'],
  // Rule pack 2.4.0: the readings of sets 6–8.
  ['superlative', 'Unrivalled throughput for API gateways', 'Unrivalled'],
  ['off-platform-trade', '老用户续费请扫码添加客户经理微信，享比平台更低的续费价', '比平台更低'],
  ['off-platform-trade', '超出授权的门店请向代理付款后开通', '付款'],
  ['off-platform-trade', '后续扩容直接与我司签订线下框架合同', '签订'],
  ['off-platform-trade', 'please remit the monthly fee by bank transfer', 'remit'],
  ['independent-account-system', '开通后请在我司会员中心另行建立会员账号', '另行建立'],
  ['independent-account-system', '京东云账号仅用于订购，请设置新的登录名与密码', '设置新的登录名'],
  [
    'independent-account-system',
    'Create an ID on our portal. JD Cloud sign-in is not supported.',
    'sign-in is not supported',
  ],
  [
    'independent-account-system',
    '请在我司门户创建独立的企业账户 ID 并设置登录密码，京东云账号暂不支持直接登录',
    '创建独立的',
  ],
  ['off-platform-trade', '扫码添加客户经理企业微信，续费可享 8 折，无需再次在云市场下单', '续费可享'],
  [
    'off-platform-trade',
    'extra days are invoiced separately by us; please remit to our corporate bank account',
    'remit',
  ],
  ['brand-misuse', '京东云安全官方指定的应急响应服务商', '京东云'],
  ['privacy-harvesting', 'SDK 读取设备通讯录并上传；该过程在后台静默进行，无需弹窗授权', '通讯录'],
  ['privacy-harvesting', '開戶須填寫負責人身分證字號與住家地址', '身分證字號'],
  ['independent-account-system', '首次登录面板时需绑定云途官网账号才能继续使用', '官网账号'],
  [
    'independent-account-system',
    '进入「账户中心」，另行设定登录名和密码，完成会员开户后即可使用',
    '另行设定',
  ],
  ['brand-misuse', '核心模型与京东数科风控团队同源', '京东数科'],
  ['superlative', '性能稳定，是国内唯一的一键建站镜像', '唯一'],
  ['off-platform-trade', '加购门店授权请直接汇款至本公司账户，收到款项后开通', '汇款'],
  ['independent-account-system', '下单后，管理员需先在「云枢账户中心」设置主账号和登录密码', '设置主账号'],
  ['off-platform-trade', '高级模板单独计价，在设计器内扫码支付后即时解锁', '单独计价'],
  ['superlative', 'latency that no competitor has been able to match', 'no competitor'],
];

const traps: [RuleId, string][] = [
  ['superlative', '每条记录拥有全局唯一 ID'],
  ['superlative', '为订单号建立唯一索引'],
  ['superlative', '用户名必须唯一'],
  ['superlative', '最大连接数 1000'],
  ['superlative', '最多支持 50 个自定义字段'],
  ['superlative', '最近 30 天的操作日志'],
  ['superlative', '升级到最新版本即可'],
  ['superlative', '单个文件最大 2GB'],
  ['superlative', '第一步：购买；第二步：登录'],
  ['superlative', '第一次登录时修改密码'],
  ['superlative', '详见第一章'],
  ['superlative', 'CPU 使用率 100% 时自动告警'],
  ['superlative', '测试覆盖率 100%'],
  ['superlative', '跟进及时率从 62% 提升到 91%'],
  ['superlative', '参考最佳实践配置'],
  ['superlative', '使用绝对路径'],
  ['superlative', '第一时间响应工单'],
  ['superlative', '支持顶级域名解析'],
  ['external-link', '使用手册见 https://docs.jdcloud.com/cn/market'],
  ['external-link', '<img src="https://img1.jdcloud.com/a.png">'],
  ['external-link', '客服邮箱 market@jd.com'],
  ['external-link', '安装后访问 http://127.0.0.1:8080 进入后台'],
  ['external-link', '内网地址 192.168.1.10'],
  ['external-link', '修改 nginx.conf 与 config.json 后重启'],
  ['external-link', '基于 ASP.NET Core 与 Node.js 开发'],
  ['external-link', '支持 CentOS 7.9 与 Nginx 1.24'],
  ['external-link', '运行 main.py 或 deploy.sh'],
  ['external-link', '组件：OpenResty 1.25.3.1（BSD 许可）'],
  ['external-link', 'v2024.05：ClickHouse 升级至 24.3.3.102'],
  ['external-link', 'upgrade to 7.0.4.2 node by node'],
  ['external-link', '回调地址填写 https://your-domain.example/callback'],
  ['external-link', 'SMTP 中继由您配置（例如 smtp.example.com）'],
  ['external-link', 'relay you configure (for example smtp.example.com)'],
  ['external-link', '回调地址如 https://yourdomain.com/notify'],
  // RFC 5737 documentation ranges, .internal, example.com in code, a Kafka setting, a changelog.
  ['external-link', '回源 IP 白名单（如 203.0.113.0/24）'],
  ['external-link', '<pre><code>external_url "https://gitlab.example.com"</code></pre>'],
  ['external-link', 'server_name llm.example.internal;'],
  ['external-link', '<code>num.io.threads=16</code>'],
  ['external-link', '<h4>24.6.2.118（2024-06-20）</h4><ul><li>新增多货主模式</li></ul>'],
  ['external-link', '管理 OpenAPI：https://vm.jdcloud-api.com/v1/regions'],
  ['external-link', '<table><tr><td>OpenResty</td><td>1.25.3.1</td></tr></table>'],
  ['superlative', 'Follow the best practice in the PostgreSQL docs'],
  ['superlative', 'The number one cause of outages is disk pressure'],
  ['superlative', '节点编号 No.1、No.2、No.3，No.1 兼任管理节点'],
  ['superlative', '热度排名第一的话题置顶显示'],
  ['superlative', '审查排他性条款（独家合作、唯一供应商约定）'],
  ['off-platform-trade', '活动期内购买年付版可获赠培训'],
  ['off-platform-trade', '社群运营：入群欢迎语、关键词自动回复'],
  ['off-platform-trade', '只分析公开信息，不采集私信'],
  ['off-platform-trade', '对公转账流水自动匹配'],
  ['off-platform-trade', '部署在采购单位的政务云资源中'],
  ['off-platform-trade', '向供应商的采购由您自行下单后在系统中登记'],
  ['independent-account-system', '由注册税务师团队提供服务'],
  ['independent-account-system', '自动化旅程：注册欢迎、弃购提醒'],
  ['independent-account-system', 'The first admin comes from the launch parameters; no separate sign-up.'],
  ['privacy-harvesting', '入住登记对接身份证阅读器'],
  ['superlative', '每个版本发布前，恢复校验用例集（412 个用例）须 100% 通过'],
  ['superlative', '<pre><code>{"invoice_number": {"top1": "2431", "confidence": 0.98}}</code></pre>'],
  ['superlative', 'beam 越大越接近模型打分最优的译文，但不保证全局最优'],
  ['superlative', '单笔最大折扣率可限制在 7 折以内'],
  ['superlative', '直播排行榜：排名第一的主播置顶'],
  ['independent-account-system', 'install.sh?token=&lt;注册令牌&gt;'],
  ['independent-account-system', '问：是否需要单独开通账号？答：不需要，使用京东云账号登录。'],
  ['independent-account-system', 'Q: Do my users need a separate account? A: No. Sign in with JD Cloud.'],
  ['independent-account-system', 'there is no KubeLens account and nothing to sign up'],
  ['privacy-harvesting', '入住登记读取客人身份证件，证件信息保存在酒店自己的账户中'],
  ['privacy-harvesting', '抽样扫描，识别疑似手机号、身份证号、银行卡号字段，只输出字段名'],
  ['off-platform-trade', '網上預約、電子病歷、收費及 WhatsApp 提醒'],
  ['external-link', '等保合规报表：对应安全审计 8.1.4.3 条款'],
  ['external-link', '<code>cart = s.store;</code>'],
  ['external-link', '行情代码 00700.HK 的日线数据'],
  ['privacy-harvesting', '在「销方设定」中填写贵司的销售方名称、纳税人识别号与开户行信息（开票必填）'],
  ['superlative', '全量备份成功率 100%（31/31），已完成恢复演练'],
  ['superlative', '发票号码由税务系统分配，为全国唯一号码'],
  ['brand-misuse', '基础镜像为京东云官方 CentOS 公共镜像'],
  ['brand-misuse', '由京东云认证架构师组成的团队'],
  ['external-link', '本版本为 3.2.1.0，已适配最新接口规范'],
  [
    'external-link',
    '<table><tr><th>组件</th><th>版本</th></tr><tr><td>PACS 核心服务</td><td>4.3.2.1</td></tr></table>',
  ],
  ['external-link', 'Point your domain (e.g. shop.example.com) to the VM'],
  ['off-platform-trade', 'Payments: WeChat Pay and PayPal modules let your shoppers pay in your store'],
  ['privacy-harvesting', '检测项：是否在用户同意前收集通讯录、精确定位、已安装应用列表'],
  ['off-platform-trade', '采购付款单：登记对公转账付款，上传银行回单，与应付账款自动核销'],
  ['off-platform-trade', '营销触达：企业微信私信模板、客服私信快捷回复'],
  ['superlative', 'shard-01（No.1 分片）承载槽位 0–5460'],
  ['superlative', '23.8.2.054：首个支持私有部署于京东云的版本'],
  ['superlative', '只把最相关的 Top 5 片段放入上下文'],
  ['independent-account-system', 'GitLab Runner 已注册为 systemd 服务'],
  ['independent-account-system', '在注册、登录、领券、下单等环节实时返回风险评分'],
  ['independent-account-system', '每台逆变器以唯一 SN 注册'],
  ['privacy-harvesting', '证件信息仅保存在您京东云账号下的数据库中，我司无法访问'],
  ['brand-misuse', '部署于京东云云主机'],
  ['brand-misuse', '京东云云主机部署'],
  ['brand-misuse', '已上架京东云云市场'],
  ['brand-misuse', '运行在京东云上，数据不出京东云地域'],
  ['brand-misuse', '使用京东云账号一键登录'],
  ['brand-misuse', '兼容阿里巴巴开源的 Nacos'],
  ['off-platform-trade', '在云市场购买后即可使用'],
  ['off-platform-trade', '到期前请在云市场续费'],
  ['off-platform-trade', '支持微信支付、支付宝支付接口对接'],
  ['off-platform-trade', 'SDK 支持扫码支付功能集成'],
  ['off-platform-trade', '加微信群获取技术支持'],
  ['privacy-harvesting', '身份证 OCR API：上传身份证图片即可返回识别结果'],
  ['privacy-harvesting', '为您的客户提供身份证识别与核验接口'],
  ['privacy-harvesting', '银行卡号识别 API'],
  ['independent-account-system', 'SSO 与现有账号体系对接'],
  ['independent-account-system', '无需注册，使用云市场购买账号直接登录'],
  ['independent-account-system', '基于 Nacos 的服务注册与发现，内置注册中心'],
  ['independent-account-system', '管理员可为员工注册账号'],
  ['prohibited-content', '游戏反外挂解决方案'],
  ['prohibited-content', '色情图片识别 API，帮助平台审核内容'],
  ['prohibited-content', '搭建 Maven 私服与 npm 私服'],
  ['prohibited-content', '反赌博风控模型'],
  ['malware', '主机安全：木马查杀与后门检测'],
  ['malware', '防御 DDoS 攻击'],
  ['malware', '病毒扫描与勒索病毒防护'],
  ['competitor-guidance', '兼容 AWS S3 API'],
  ['competitor-guidance', '支持从阿里云迁移数据到京东云'],
];

describe('term rules: positive cases', () => {
  it.each(positives)('%s: %s', (rule, text, match) => {
    const found = ofRule(findingsIn(text), rule);
    expect(found.map((f) => f.match)).toContain(match);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.match);
  });
});

describe('term rules: traps (ordinary technical text)', () => {
  it.each(traps)('%s not in: %s', (rule, text) => {
    expect(ofRule(findingsIn(text), rule)).toEqual([]);
  });
  it('no blocker or warning at all in any trap sentence', () => {
    const all = traps.flatMap(([, text]) =>
      findingsIn(text)
        .filter((f) => f.severity !== 'info')
        .map((f) => `${f.ruleId}: ${f.match} in ${text}`),
    );
    expect(all).toEqual([]);
  });
});

describe('context and configuration', () => {
  it('authorised brands are not misuse', () => {
    const listing = withFields({
      description: '京东云战略合作伙伴',
      vendor: { name: 'X', authorizedBrands: ['京东云'] },
    });
    expect(ofRule(checkListing(listing), 'brand-misuse')).toEqual([]);
  });
  it('extra allowed domains come from the context', () => {
    expect(
      ofRule(
        findingsIn('见 https://help.partner.example.com/x', { allowedDomains: ['partner.example.com'] }),
        'external-link',
      ),
    ).toEqual([]);
  });
  it('links are found in every field: cases, images, attributes', () => {
    const listing = withFields({
      cases: [{ title: '案例', content: '详见 case.example.com' }],
      images: [{ url: 'https://cdn.example.com/a.png', alt: '图' }],
      attributes: { 官网: 'www.vendor.cn' },
    });
    const fields = ofRule(checkListing(listing), 'external-link').map((f) => f.field);
    expect(fields).toEqual(['attributes.官网', 'cases[0].content', 'images[0].url']);
  });
  it('the official-site URL itself is not an external link', () => {
    expect(ofRule(checkListing(withFields({})), 'external-link')).toEqual([]);
  });
});

describe('whole-field rules', () => {
  const rules = (listing: Parameters<typeof checkListing>[0]) =>
    checkListing(listing).map((f) => `${f.severity} ${f.ruleId}`);
  it('official site: missing, invalid, on JD Cloud → blocker', () => {
    for (const officialSite of [
      null,
      { productPageUrl: '  ' },
      { productPageUrl: 'ftp://x.example.com/a' },
      { productPageUrl: 'https://market.jdcloud.com/p/1' },
      // Reserved for documentation, or a stand-in: no vendor's own page is there.
      { productPageUrl: 'https://www.example.com/product' },
      { productPageUrl: 'https://your-domain.cn/p' },
      { productPageUrl: 'https://xxx.com/p' },
      // A page on someone else's platform is not the vendor's own site.
      { productPageUrl: 'https://github.com/vendor/app' },
      { productPageUrl: 'https://mp.weixin.qq.com/s/abc' },
    ]) {
      expect(rules(withFields({ officialSite }))).toContain('blocker official-site-missing');
    }
  });
  it('official site: uses the cached verification', () => {
    const url = 'https://www.yunketong.example.cn/products/crm';
    const base = { url, checkedAt: '2025-01-01T00:00:00.000Z', httpStatus: 200 };
    const ok = { pageExists: true, namesProduct: true, linksToListing: null, statesPartnership: true };
    const check = (officialSite: object) =>
      checkListing(withFields({}), undefined, { officialSite: officialSite as never }).filter(
        (f) => f.ruleId === 'official-site-missing',
      );
    expect(check({ ...base, status: 'verified', found: ok, missing: [] })).toEqual([]);
    const problems = check({
      ...base,
      status: 'problems',
      found: { ...ok, statesPartnership: false },
      missing: ['statesPartnership'],
    });
    expect(problems).toMatchObject([{ severity: 'blocker', penalty: { points: 6 } }]);
    expect(problems[0]!.message).toContain('合作关系');
    expect(check({ ...base, status: 'unreachable', found: ok, missing: [], error: 'timeout' })).toMatchObject(
      [{ severity: 'warning', penalty: null }],
    );
    // A verification of another URL is stale: back to "not verified".
    expect(
      check({ ...base, url: 'https://other.example.cn', status: 'verified', found: ok, missing: [] }),
    ).toMatchObject([{ severity: 'info' }]);
  });
  it('delisting strategy: missing → blocker with a template fix; one aspect answered → info naming the other', () => {
    const missing = checkListing(withFields({ delistingStrategy: null })).find(
      (f) => f.ruleId === 'delisting-strategy-missing',
    )!;
    expect(missing.severity).toBe('blocker');
    expect(missing.fix!.edits).toMatchObject([{ field: 'delistingStrategy', start: 0, end: 0 }]);
    const partial = checkListing(withFields({ delistingStrategy: '下架后已购用户可继续使用至到期。' })).find(
      (f) => f.ruleId === 'delisting-strategy-missing',
    )!;
    // A concrete commitment on one aspect is a strategy (第十条(七) gives the two as examples): the
    // other is a suggestion, not a warning that blocks trust in a strategy that is there.
    expect(partial.severity).toBe('info');
    expect(partial.message).toContain('导出');
    expect(partial.message).not.toContain('继续使用');
    const negated = checkListing(withFields({ delistingStrategy: '下架后不再继续使用，不提供迁移。' })).find(
      (f) => f.ruleId === 'delisting-strategy-missing',
    )!;
    expect(negated.message).toContain('继续使用');
  });
  it('service terms: missing → blocker, very short → warning', () => {
    expect(rules(withFields({ serviceTerms: null }))).toContain('blocker service-terms-missing');
    expect(rules(withFields({ serviceTerms: '见协议' }))).toContain('warning service-terms-missing');
  });
  it('not on JD Cloud: false → blocker with 6/7/0, undeclared → warning', () => {
    const f = checkListing(withFields({ runsOnJdCloud: false })).find((x) => x.ruleId === 'not-on-jdcloud')!;
    expect(f).toMatchObject({
      severity: 'blocker',
      field: 'runsOnJdCloud',
      penalty: { points: 6, freezeDays: 7, depositDeduction: 0 },
    });
    expect(rules(withFields({ runsOnJdCloud: null }))).toContain('warning not-on-jdcloud');
  });
  it('inconsistent elements: an edition the specs lack, a price nobody sells at', () => {
    const title = checkListing(withFields({ title: '云客通 CRM（企业版）' })).find(
      (f) => f.ruleId === 'inconsistent-elements',
    )!;
    expect(title).toMatchObject({ field: 'title', match: '企业版', severity: 'blocker' });
    const price = ofRule(findingsIn('标准版售价 999 元/年'), 'inconsistent-elements');
    expect(price).toMatchObject([{ severity: 'warning', match: '售价 999 元' }]);
    expect(ofRule(findingsIn('标准版 ¥1980，专业版 ¥7800'), 'inconsistent-elements')).toEqual([]);
    expect(ofRule(findingsIn('原价 ¥2999，帮助客户节省 ¥50000'), 'inconsistent-elements')).toEqual([]);
  });
});
