/** The official-site verification: button, when it was verified, what was found and missing. */
import { Button, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { OfficialSiteVerification } from '../../../../shared/check/types';
import { useApp } from '../../stores/app-store';
import { explainVerifyError } from './official-site-errors';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../features/errors/error-text';

const statusColor = { verified: 'success', problems: 'error', unreachable: 'warning' } as const;

export function OfficialSitePanel(props: {
  url: string;
  verification: OfficialSiteVerification | null;
  readOnly: boolean;
  onVerify(url: string): Promise<unknown>;
}) {
  const { t } = useTranslation('workspace');
  const locale = useApp((s) => s.locale);
  const [busy, setBusy] = useState(false);
  const url = props.url.trim();
  const v = props.verification;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, {
      dateStyle: 'short',
      timeStyle: 'medium',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(iso));
  const parts = v ? (Object.entries(v.found) as [string, boolean | null][]) : [];
  // `missing` may also hold a network error: only the page checks have names.
  const partLabel = (k: string) =>
    v && k in v.found ? t(`editor.site.parts.${k as keyof OfficialSiteVerification['found']}`) : k;

  const verify = async () => {
    setBusy(true);
    try {
      await props.onVerify(url);
    } catch (error) {
      message.error(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="official-site">
      <Space wrap>
        <Typography.Text strong>{t('editor.site.title')}</Typography.Text>
        <Button size="small" onClick={() => void verify()} loading={busy} disabled={!url || props.readOnly}>
          {busy ? t('editor.site.verifying') : t('editor.site.verify')}
        </Button>
      </Space>
      <div style={{ fontSize: 12, marginTop: 4 }}>
        {!url ? (
          <Typography.Text type="secondary">{t('editor.site.needUrl')}</Typography.Text>
        ) : !v ? (
          <Typography.Text type="secondary">{t('editor.site.never')}</Typography.Text>
        ) : (
          <>
            <Tag color={statusColor[v.status]}>{t(`editor.site.status.${v.status}`)}</Tag>
            {t('editor.site.at', { when: when(v.checkedAt) })}
            {v.url !== url ? <div style={{ color: '#9a6700' }}>{t('editor.site.stale')}</div> : null}
            {v.error ? (
              <div data-testid="official-site-error">
                {explainVerifyError(v.error, t).summary}
                <div style={{ color: '#4d5661' }}>
                  {t('siteErrors.detail')}
                  {v.error}
                </div>
              </div>
            ) : null}
            <div>
              {t('editor.site.found')}:{' '}
              {parts
                .filter(([, ok]) => ok === true)
                .map(([k]) => partLabel(k))
                .join('、') || '—'}
            </div>
            <div>
              {t('editor.site.missing')}: {v.missing.map(partLabel).join('、') || '—'}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
