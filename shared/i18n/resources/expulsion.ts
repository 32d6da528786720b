/** The expulsion warning (第二十一条, 第二十五条). ICU MessageFormat; Chinese first. */
import type { Translation } from '../translation';

const zhCN = {
  title: '已达清退条件',
  byPoints:
    '{year} 年度累计扣分 {total} 分，已达 {line} 分清退线：云市场将清退该服务商，全部商品下架，保证金不予退还（第二十一条）。',
  byViolation: '违规 {id}（{code}）的处罚为清退：全部商品下架，保证金不予退还（第二十一条）。',
  earlier: '{year} 年已触发清退；清退为永久处理（第二十五条）。',
  action: '如对处罚有异议，请在申诉期内提交申诉。',
};

const en: Translation<typeof zhCN> = {
  title: 'Expulsion conditions reached',
  byPoints:
    '{total} points in {year} reach the {line}-point line: the marketplace expels the vendor, removes every listing and keeps the deposit (Article 21).',
  byViolation:
    'Violation {id} ({code}) carries expulsion: every listing is removed and the deposit is kept (Article 21).',
  earlier: 'Expulsion was already triggered in {year}; it is permanent (Article 25).',
  action: 'If you disagree with a penalty, appeal within the appeal period.',
};

export default { 'zh-CN': zhCN, en };
