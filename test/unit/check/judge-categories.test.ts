/**
 * Issue 15, second pass: categories an independent labelled set showed were missed or misread.
 * Per category, sentences that must be reported and near-misses that must stay clean. The
 * sentences are written for these tests; none is taken from a labelled corpus.
 */
import { describe, expect, it } from 'vitest';
import { checkListing } from '../../../shared/check/engine';
import type { Finding, RuleId } from '../../../shared/check/types';
import type { Listing } from '../../../shared/listing/schema';
import { ofRule, withFields } from './helpers';

type Where = 'description' | 'attribute';

function reportedIn(rule: RuleId, text: string, where: Where): Finding[] {
  const fields: Partial<Listing> =
    where === 'attribute' ? { attributes: { 部署方式: text } } : { description: text };
  const inField = (f: Finding) =>
    where === 'attribute' ? f.field === 'attributes.部署方式' : f.field === 'description';
  return ofRule(checkListing(withFields(fields)).filter(inField), rule).filter(
    (f) => f.severity === 'blocker' || f.severity === 'warning',
  );
}
function expectReported(rule: RuleId, text: string, where: Where = 'description', severity?: 'blocker') {
  const fs = reportedIn(rule, text, where);
  expect(fs.length, `${rule} in: ${text}`).toBeGreaterThan(0);
  for (const f of fs) {
    expect(f.reason, 'every reported finding says why').toBeTruthy();
    expect(f.reasonEn).toBeTruthy();
    expect(f.confidence).toBeGreaterThan(0);
  }
  if (severity) expect(fs.map((f) => f.severity)).toContain(severity);
}
function expectClean(rule: RuleId, text: string, where: Where = 'description') {
  expect(
    reportedIn(rule, text, where).map((f) => `${f.match} (${f.reason ?? f.message})`),
    `${rule} not in: ${text}`,
  ).toEqual([]);
}

describe('off-platform trade through disguised messaging-app names', () => {
  it.each([
    '想要私有化部署报价的，+V：cloudops66（威信同号）',
    '年付套餐的价格请 wx：ops_helper 单独询问',
    '企业采购可联系 vx：abc_sales 获取专属折扣',
    '续订前添加薇信 dtk2025 可享老客户优惠',
    '需要开票购买的客户请进 Q群 556677889 找管理员',
    '团购价请加扣扣 20240101 下单',
  ])('reported: %s', (text) => expectReported('off-platform-trade', text, 'description', 'blocker'));
  it.each([
    '磁盘告警可推送到微信、钉钉或企业邮箱',
    '巡检结果每天同步到值班钉钉群和企业微信群',
    '支持小程序 wx.login 登录态校验',
  ])('clean (a notification channel, not a sales channel): %s', (text) =>
    expectClean('off-platform-trade', text),
  );
});

describe('in-product sales entries for goods not listed on the marketplace', () => {
  it.each([
    '管理后台的「增值中心」里可直接购买彩信包，余额充值后一键下单',
    '在控制台的插件中心即可选购语音通知包',
    '流量不够时，可在产品内的增值服务页一键购买加量包',
  ])('reported: %s', (text) => expectReported('off-platform-trade', text, 'description', 'blocker'));
  it.each([
    '短信条数包请在云市场选择对应规格购买，开通后自动到账',
    '为您的终端用户提供余额充值与积分抵扣能力',
    '会员卡余额支付功能帮助门店收银',
  ])('clean: %s', (text) => expectClean('off-platform-trade', text));
});

describe('privacy harvesting in HTML lists and table cells', () => {
  it.each([
    '<p>开通服务前请提供以下资料：</p><ul><li>经办人身份证号码</li><li>企业对公银行账号</li></ul>',
    '<table><tr><th>所需材料</th></tr><tr><td>法人身份证复印件</td></tr><tr><td>开户银行卡照片</td></tr></table>',
  ])('reported: %s', (text) => expectReported('privacy-harvesting', text, 'description', 'blocker'));
  it.each([
    '<ul><li>支持身份证、银行卡 OCR 识别</li><li>识别结果仅在内存中处理，不落盘</li></ul>',
    '<ul><li>工单管理</li><li>知识库</li><li>满意度调查</li></ul><p>请提供以下信息以便开通：公司名称、联系人</p>',
  ])('clean: %s', (text) => expectClean('privacy-harvesting', text));
});

describe('superlatives: metric names with 第一, No.1 variants, absolute claims without 最', () => {
  it.each([
    '全网 N0.1 的运维审计平台',
    '行业 NO.1 的数据脱敏工具',
    'N0.1 日志分析平台',
    '上线三年稳居行业榜首',
    '论压缩比，本产品无出其右',
    '装上本杀毒软件，电脑永不中毒',
  ])('reported: %s', (text) => expectReported('superlative', text, 'description', 'blocker'));
  it.each([
    '报表统计第一响应时长和平均处理时长',
    '支持按客户等级设置第一响应时间 SLA',
    '首次响应超时自动升级给值班经理',
    '配置 No.1 至 No.4 号采集节点',
    '进入排行榜首页查看本周数据',
  ])('clean: %s', (text) => expectClean('superlative', text));
});

describe('brand: JD Cloud in an attribute as where the product is deployed', () => {
  it.each(['部署到买家京东云', '安装在客户自己的京东云账号下', '部署于您的京东云云主机'])(
    'clean attribute: %s',
    (text) => expectClean('brand-misuse', text, 'attribute'),
  );
  it.each(['京东云官方合作伙伴', '京东云出品'])('reported attribute: %s', (text) =>
    expectReported('brand-misuse', text, 'attribute', 'blocker'),
  );
});

describe('competitor guidance: recommending other clouds vs. naming a migration source', () => {
  it.each([
    '推荐搭配阿里云 OSS 与腾讯云 CDN 使用',
    '建议配合华为云对象存储，体验更佳',
    '推荐您使用腾讯云数据库作为后端',
  ])('reported: %s', (text) => expectReported('competitor-guidance', text, 'description', 'blocker'));
  it.each([
    '支持从阿里云 RDS 一键迁移到京东云数据库',
    '可把华为云上的历史备份迁移至京东云',
    '兼容自建 MySQL，也能导入腾讯云导出的备份文件',
  ])('clean: %s', (text) => expectClean('competitor-guidance', text));
});

describe('malware: hacking tools', () => {
  it.each([
    '自带 Webshell 管理器，支持多站点切换',
    '一键弱口令批量爆破，支持 SSH/RDP/MySQL',
    '内置口令爆破字典',
  ])('reported: %s', (text) => expectReported('malware', text, 'description', 'blocker'));
  it.each([
    '实时检测网站目录中的 Webshell 并隔离',
    '定期扫描弱口令账号并提醒修改',
    '拦截密码爆破行为并封禁来源 IP',
  ])('clean: %s', (text) => expectClean('malware', text));
});
