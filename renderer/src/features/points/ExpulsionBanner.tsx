/**
 * The warning a vendor must not miss: this year's points reached the expulsion line, or a
 * violation whose penalty is 清退 was decided (第二十一条, 第二十五条). The engine decides
 * `expelled` and why; this only says it, with what follows.
 */
import { Alert } from 'antd';
import type { AnnualPointsReport } from '../../../../shared/points/annual';
import { defineMessages } from '../../i18n/define-messages';

const useText = defineMessages(
  {
    title: '已达清退条件',
    byPoints: (total: number, year: number, line: number) =>
      `${year} 年度累计扣分 ${total} 分，已达 ${line} 分清退线：云市场将清退该服务商，全部商品下架，保证金不予退还（第二十一条）。`,
    byViolation: (id: string, code: string) =>
      `违规 ${id}（${code}）的处罚为清退：全部商品下架，保证金不予退还（第二十一条）。`,
    earlier: (year: number) => `${year} 年已触发清退；清退为永久处理（第二十五条）。`,
    action: '如对处罚有异议，请在申诉期内提交申诉。',
  },
  {
    title: 'Expulsion conditions reached',
    byPoints: (total, year, line) =>
      `${total} points in ${year} reach the ${line}-point line: the marketplace expels the vendor, removes every listing and keeps the deposit (Article 21).`,
    byViolation: (id, code) =>
      `Violation ${id} (${code}) carries expulsion: every listing is removed and the deposit is kept (Article 21).`,
    earlier: (year) => `Expulsion was already triggered in ${year}; it is permanent (Article 25).`,
    action: 'If you disagree with a penalty, appeal within the appeal period.',
  },
);

/** `line`: the pack's expulsion line (expelAt), for the sentence only; the engine decided. */
export function ExpulsionBanner({ report, line }: { report: AnnualPointsReport | undefined; line: number }) {
  const text = useText();
  if (!report) return null;
  const because = report.expelledBecause;
  const lines: string[] = [];
  if (report.expelled && because?.reason === 'points')
    lines.push(text.byPoints(because.total, report.year, line));
  if (report.expelled && because?.reason === 'violation')
    lines.push(text.byViolation(String(because.violationId), because.code));
  if (report.expelledInEarlierYear) lines.push(text.earlier(report.expelledInEarlierYear.year));
  if (lines.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="expulsion-banner"
      style={{ marginBottom: 16 }}
      message={text.title}
      description={`${lines.join(' ')} ${text.action}`}
    />
  );
}
