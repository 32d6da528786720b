/**
 * The side panel of the editor: ready state and exposure, the findings grouped by severity and
 * rule (click to jump, fix one or all of a rule), the shortcut hint.
 */
import { fieldLabel } from '../../../../shared/listing/field-label';
import { Alert, Button, Descriptions, Input, Popover, Space, Tag, Typography, message as toast } from 'antd';
import { memo, useState, type CSSProperties } from 'react';
import type { DismissedFinding } from '../../../../shared/check/dismissals';
import type { Finding, Severity } from '../../../../shared/check/types';
import type { Exposure } from '../../../../shared/ipc/contract';
import { useApp } from '../../stores/app-store';
import { fixableOfRule, groupFindings } from './workspace-model';
import { getFieldText } from '../../../../shared/check/fields';
import type { Listing } from '../../../../shared/listing/schema';
import { excerptKey, fixExcerpt, type FixExcerpt } from '../../features/fix-preview/fix-excerpt';
import { FixPreview } from '../../features/fix-preview/FixPreview';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../features/errors/error-text';

/** Severity tag colours with 4.5:1 contrast (antd's preset tag colours are lighter). */
const severityTagStyle: Record<Severity, CSSProperties> = {
  blocker: { color: '#a40e26', background: '#ffebe9', borderColor: '#ffcecb' },
  warning: { color: '#7d4e00', background: '#fff8c5', borderColor: '#f5e0a0' },
  info: { color: '#0550ae', background: '#ddf4ff', borderColor: '#b6e3ff' },
};
/** Per rule group; a 100 KB description can produce thousands of findings. */
const SHOWN_PER_RULE = 20;
/**
 * A rule group lays out only while scrolled into the column's view: a result that changes the
 * rows (typing paused) re-laid out every row of the panel, ~1,200 layout objects on a 100 KB
 * text, 15–30 ms in the task that commits it.
 */
const ruleGroupStyle: CSSProperties = {
  marginBottom: 8,
  contentVisibility: 'auto',
  containIntrinsicSize: 'auto 320px',
};

export function exposureParts(
  e: Exposure,
  t: TFunction<'workspace'>,
): { points: string; freeze: string; deposit: string } {
  return {
    points: t('points', { n: e.points }),
    freeze: e.expel
      ? e.freezeDays
        ? `${t('days', { n: e.freezeDays })} + ${t('expel')}`
        : t('expel')
      : e.freezeDays
        ? t('days', { n: e.freezeDays })
        : t('editor.none'),
    deposit: e.depositAll
      ? t('depositAll')
      : e.depositYuan
        ? t('yuan', { n: e.depositYuan })
        : t('editor.none'),
  };
}

export function ReadyState({
  findings,
  exposure,
  checkMs,
}: {
  findings: Finding[];
  exposure: Exposure;
  checkMs: number | null;
}) {
  const { t } = useTranslation('workspace');
  const blockers = findings.filter((f) => f.severity === 'blocker').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const parts = exposureParts(exposure, t);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type={blockers ? 'error' : 'success'}
        showIcon
        data-testid="ready-state"
        data-ready={blockers === 0}
        message={
          blockers
            ? t('editor.notReady', { n: blockers })
            : warnings
              ? t('editor.readyWithWarnings', { n: warnings })
              : t('editor.ready')
        }
        description={checkMs === null ? t('editor.checking') : t('editor.checkedIn', { ms: checkMs })}
      />
      <Descriptions size="small" bordered column={1} title={t('editor.exposure')} data-testid="exposure">
        <Descriptions.Item label={t('editor.points')}>{parts.points}</Descriptions.Item>
        <Descriptions.Item label={t('editor.freeze')}>{parts.freeze}</Descriptions.Item>
        <Descriptions.Item label={t('editor.deposit')}>{parts.deposit}</Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

interface PanelProps {
  findings: Finding[];
  /** The listing the findings were computed for: each fix's before/after excerpt comes from it. */
  checked?: Listing | null;
  current: number;
  readOnly: boolean;
  /** The callbacks take a finding's index in `findings` (a row does not hold on to its finding). */
  onJump(index: number): void;
  onFix(index: number): void;
  onFixAll(ruleId: Finding['ruleId']): void;
  /** Dismiss with a reason (only for a saved listing); restore takes it back. */
  onDismiss?: (index: number, reason: string) => Promise<void>;
  onRestore?: (fingerprint: string) => Promise<void>;
}

/**
 * The reason box of "Dismiss…": a reason is required. The popover exists only while open: a
 * panel of hundreds of findings would otherwise keep hundreds of popovers mounted.
 */
function DismissButton({ index, onDismiss }: { index: number; onDismiss: RowProps['onDismiss'] }) {
  const { t } = useTranslation('workspace');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const button = (
    <Button size="small" type="link" data-testid="dismiss" onClick={() => setOpen(true)}>
      {t('editor.dismiss')}
    </Button>
  );
  if (!open || !onDismiss) return button;
  const submit = async () => {
    setBusy(true);
    try {
      await onDismiss(index, reason.trim());
      setOpen(false);
      setReason('');
    } catch (error) {
      toast.error(t('editor.dismissFailed', { why: errorText(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Popover
      open
      onOpenChange={setOpen}
      trigger="click"
      title={t('editor.dismissTitle')}
      content={
        <Space direction="vertical" style={{ width: 320 }}>
          <Input.TextArea
            data-testid="dismiss-reason"
            autoFocus
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            value={reason}
            placeholder={t('editor.dismissPlaceholder')}
            onChange={(e) => setReason(e.target.value)}
          />
          <Button
            type="primary"
            size="small"
            loading={busy}
            disabled={reason.trim() === ''}
            onClick={() => void submit()}
            data-testid="dismiss-confirm"
          >
            {t('editor.dismissConfirm')}
          </Button>
        </Space>
      }
    >
      {button}
    </Popover>
  );
}

interface RowProps {
  finding: Finding;
  /** The finding's index in the panel's list (what the callbacks take). */
  index: number;
  current: boolean;
  readOnly: boolean;
  locale: string;
  /** The fix's before/after excerpt, when it has a fix that fits the checked text. */
  preview: FixExcerpt | null;
  onJump(index: number): void;
  onFix(index: number): void;
  onDismiss?: (index: number, reason: string) => Promise<void>;
  onRestore?: (fingerprint: string) => Promise<void>;
}

/**
 * What a row shows of its finding. Typing moves the offsets of every later finding, which a row
 * does not show: a new check result re-renders only the rows whose text changed.
 */
const shownOf = (f: Finding) => {
  const d = (f as DismissedFinding).dismissed;
  return [
    f.ruleId,
    f.severity,
    f.field,
    f.message,
    f.messageEn,
    f.reason,
    f.reasonEn,
    f.confidence,
    f.clause,
    f.penalty?.points,
    f.fix?.label,
    f.fix?.labelEn,
    d?.fingerprint,
    d?.reason,
    d?.dismissedAt,
    d?.dismissedBy,
  ].join('\u0000');
};

const FindingRow = memo(
  function FindingRow({
    finding,
    index,
    current,
    readOnly,
    locale,
    preview,
    onJump,
    onFix,
    onDismiss,
    onRestore,
  }: RowProps) {
    const { t } = useTranslation('workspace');
    const previewId = `fix-preview-${index}`;
    const dismissed = (finding as DismissedFinding).dismissed;
    return (
      <li
        data-testid="finding"
        data-rule={finding.ruleId}
        style={{
          padding: '4px 6px',
          borderRadius: 4,
          background: current ? '#e6f0ff' : undefined,
          borderLeft: current ? '3px solid #1f6feb' : '3px solid transparent',
        }}
      >
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={() => onJump(index)}
        >
          {locale === 'en' ? (finding.messageEn ?? finding.message) : finding.message}
        </Button>
        {dismissed ? (
          <div data-testid="finding-dismissed" style={{ fontSize: 12, color: '#59636e' }}>
            <Tag>{t('editor.dismissedTag')}</Tag>
            {t('editor.dismissedBy', {
              by: dismissed.dismissedBy,
              at: dismissed.dismissedAt,
              why: dismissed.reason,
            })}
            {onRestore && !readOnly && dismissed.fingerprint ? (
              <Button size="small" type="link" onClick={() => void onRestore(dismissed.fingerprint)}>
                {t('editor.restore')}
              </Button>
            ) : null}
          </div>
        ) : null}
        {finding.reason ? (
          <div data-testid="finding-reason" style={{ fontSize: 12, color: '#3d444d' }}>
            {t('editor.reason')}: {locale === 'en' ? (finding.reasonEn ?? finding.reason) : finding.reason}
            {finding.confidence !== undefined
              ? ` (${t('editor.confidence', { p: finding.confidence })})`
              : ''}
          </div>
        ) : null}
        <div style={{ fontSize: 12, color: '#59636e' }}>
          {fieldLabel(finding.field, locale === 'en' ? 'en' : 'zh-CN')} · {t('editor.clause')}{' '}
          {finding.clause}
          {finding.penalty ? ` · ${t('editor.penalty')} ${t('points', { n: finding.penalty.points })}` : ''}
        </div>
        {onDismiss && !readOnly && !dismissed && finding.severity !== 'info' ? (
          <DismissButton index={index} onDismiss={onDismiss} />
        ) : null}
        {finding.fix && preview ? <FixPreview excerpt={preview} id={previewId} /> : null}
        {finding.fix ? (
          <Button
            size="small"
            type="primary"
            ghost
            style={{ marginTop: 2 }}
            onClick={() => onFix(index)}
            disabled={readOnly}
            aria-describedby={preview ? previewId : undefined}
            data-testid="fix"
          >
            {t('editor.fix')}: {locale === 'en' ? finding.fix.labelEn : finding.fix.label}
          </Button>
        ) : null}
      </li>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.current === b.current &&
    a.readOnly === b.readOnly &&
    a.locale === b.locale &&
    excerptKey(a.preview) === excerptKey(b.preview) &&
    a.onJump === b.onJump &&
    a.onFix === b.onFix &&
    a.onDismiss === b.onDismiss &&
    a.onRestore === b.onRestore &&
    (a.finding === b.finding || shownOf(a.finding) === shownOf(b.finding)),
);

export const FindingsPanel = memo(function FindingsPanel({
  findings,
  checked = null,
  current,
  readOnly,
  onJump,
  onFix,
  onFixAll,
  onDismiss,
  onRestore,
}: PanelProps) {
  const { t } = useTranslation('workspace');
  const locale = useApp((s) => s.locale);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const groups = groupFindings(findings);
  if (findings.length === 0)
    return <Typography.Text type="secondary">{t('editor.noFindings')}</Typography.Text>;
  return (
    <div data-testid="findings-panel">
      {groups.map((group) => (
        <section key={group.severity} aria-label={`${t(`severity.${group.severity}`)} ${group.count}`}>
          <Typography.Title level={5} style={{ marginTop: 8 }}>
            <Tag style={severityTagStyle[group.severity]}>{t(`severity.${group.severity}`)}</Tag>
            {group.count}
          </Typography.Title>
          {group.rules.map(({ ruleId, findings: list }) => {
            const key = `${group.severity}:${ruleId}`;
            const shown = expanded.has(key) ? list : list.slice(0, SHOWN_PER_RULE);
            const fixable = fixableOfRule(
              list.map((x) => x.finding),
              ruleId,
            ).length;
            return (
              <div key={ruleId} style={ruleGroupStyle} data-testid={`rule-group-${ruleId}`}>
                <Space wrap style={{ marginBottom: 4 }}>
                  <Typography.Text strong>{t(`rules.${ruleId}`)}</Typography.Text>
                  <Typography.Text type="secondary">
                    <code>{ruleId}</code> · {list.length}
                  </Typography.Text>
                  {fixable > 1 ? (
                    <Button size="small" onClick={() => onFixAll(ruleId)} disabled={readOnly}>
                      {t('editor.fixAll', { n: fixable })}
                    </Button>
                  ) : null}
                </Space>
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {shown.map(({ finding, index }) => (
                    <FindingRow
                      key={index}
                      finding={finding}
                      index={index}
                      current={index === current}
                      readOnly={readOnly}
                      locale={locale}
                      preview={
                        finding.fix && checked
                          ? fixExcerpt(
                              getFieldText(checked, finding.fix.edits[0]?.field ?? ''),
                              finding.fix.edits,
                            )
                          : null
                      }
                      onJump={onJump}
                      onFix={onFix}
                      onDismiss={onDismiss}
                      onRestore={onRestore}
                    />
                  ))}
                </ul>
                {list.length > shown.length ? (
                  <Button size="small" type="link" onClick={() => setExpanded(new Set(expanded).add(key))}>
                    {t('editor.more', { n: list.length - shown.length })} · {t('editor.showAll')}
                  </Button>
                ) : null}
              </div>
            );
          })}
        </section>
      ))}
    </div>
  );
});
