/**
 * The warning a vendor must not miss: this year's points reached the expulsion line, or a
 * violation whose penalty is 清退 was decided (第二十一条, 第二十五条). The engine decides
 * `expelled` and why; this only says it, with what follows.
 */
import { Alert } from 'antd';
import type { AnnualPointsReport } from '../../../../shared/points/annual';
import { useTranslation } from 'react-i18next';

/** `line`: the pack's expulsion line (expelAt), for the sentence only; the engine decided. */
export function ExpulsionBanner({ report, line }: { report: AnnualPointsReport | undefined; line: number }) {
  const { t } = useTranslation('expulsion');
  if (!report) return null;
  const because = report.expelledBecause;
  const lines: string[] = [];
  if (report.expelled && because?.reason === 'points')
    lines.push(t('byPoints', { total: because.total, year: report.year, line }));
  if (report.expelled && because?.reason === 'violation')
    lines.push(t('byViolation', { id: String(because.violationId), code: because.code }));
  if (report.expelledInEarlierYear) lines.push(t('earlier', { year: report.expelledInEarlierYear.year }));
  if (lines.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="expulsion-banner"
      style={{ marginBottom: 16 }}
      message={t('title')}
      description={`${lines.join(' ')} ${t('action')}`}
    />
  );
}
