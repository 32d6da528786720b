/**
 * The editor's findings column: ready state and exposure, the report buttons, the findings panel
 * (with dismissals) and the check history. It renders a check result as a transition, and while
 * typing only once the results pause (useSettledCheckResult); the pair it shows (findings and the
 * draft they are for) always belong together, so fixes and dismissals computed from it map onto
 * the right text.
 */
import { Button, Space, Typography } from 'antd';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { exposureOf } from '../../../../shared/check/exposure';
import type { Finding } from '../../../../shared/check/types';
import type { Listing } from '../../../../shared/listing/schema';
import { useListings } from '../../stores/listings-store';
import { FindingsPanel, ReadyState } from './FindingsPanel';
import { HistoryChart } from './HistoryChart';
import { useSettledCheckResult, useStableCallback } from './use-check-result';
import { useDismissals } from './use-dismissals';

interface Props {
  readOnly: boolean;
  /** Jumps to a finding of the list shown (offsets into `checked`). */
  onJump(index: number, finding: Finding, checked: Listing | null): void;
  onFix(findings: readonly Finding[], checked: Listing | null): void;
  onFixAll(ruleId: Finding['ruleId'], findings: readonly Finding[], checked: Listing | null): void;
  onReport(format: 'html' | 'pdf'): void;
}

const noRuns: never[] = [];

export const FindingsSidebar = memo(function FindingsSidebar({
  readOnly,
  onJump,
  onFix,
  onFixAll,
  onReport,
}: Props) {
  const { t } = useTranslation('workspace');
  const { findings, findingsFor, checkMs } = useSettledCheckResult();
  const localId = useListings((s) => s.editor?.record?.localId ?? null);
  const selected = useListings((s) => s.editor?.selected ?? -1);
  const history = useListings((s) => s.editor?.history ?? noRuns);
  const dismissals = useDismissals(localId, findingsFor, findings);
  const exposure = useMemo(() => exposureOf(findings), [findings]);
  const jump = useStableCallback((index: number) => {
    const finding = findings[index];
    if (finding) onJump(index, finding, findingsFor);
  });
  const fix = useStableCallback((index: number) => {
    const finding = findings[index];
    if (finding) onFix([finding], findingsFor);
  });
  const { dismiss: dismissFinding } = dismissals;
  const dismiss = useStableCallback(async (index: number, reason: string) => {
    const finding = dismissals.shown[index];
    if (finding && dismissFinding) await dismissFinding(finding, reason);
  });
  const fixAll = useStableCallback((ruleId: Finding['ruleId']) => onFixAll(ruleId, findings, findingsFor));
  return (
    <aside
      aria-label={t('editor.findings')}
      style={{
        position: 'sticky',
        top: 0,
        maxHeight: 'calc(100vh - 120px)',
        overflow: 'auto',
        paddingRight: 4,
      }}
    >
      <ReadyState findings={findings} exposure={exposure} checkMs={checkMs} />
      <Space wrap style={{ margin: '12px 0' }}>
        <Typography.Text strong>{t('editor.report')}</Typography.Text>
        <Button size="small" onClick={() => onReport('html')}>
          {t('editor.reportHtml')}
        </Button>
        <Button size="small" onClick={() => onReport('pdf')}>
          {t('editor.reportPdf')}
        </Button>
      </Space>
      <Typography.Title level={4} style={{ marginTop: 8 }}>
        {t('editor.findings')}
        {selected >= 0 && findings.length ? (
          <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 8, fontWeight: 'normal' }}>
            {t('editor.current', { i: selected + 1, n: findings.length })}
          </Typography.Text>
        ) : null}
      </Typography.Title>
      <FindingsPanel
        findings={dismissals.shown}
        checked={findingsFor}
        current={selected}
        readOnly={readOnly}
        onJump={jump}
        onFix={fix}
        onFixAll={fixAll}
        onDismiss={dismissFinding ? dismiss : undefined}
        onRestore={dismissals.restore}
      />
      <Typography.Title level={4} style={{ marginTop: 16 }}>
        {t('editor.history.title')}
      </Typography.Title>
      {history.length === 0 ? (
        <Typography.Text type="secondary">{t('editor.history.empty')}</Typography.Text>
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('editor.history.runs', { n: history.length })}
          </Typography.Text>
          <HistoryChart runs={history} />
        </>
      )}
    </aside>
  );
});
