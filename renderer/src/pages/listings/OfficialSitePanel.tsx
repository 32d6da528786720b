/** The official-site verification: button, when it was verified, what was found and missing. */
import { Button, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import type { OfficialSiteVerification } from '../../../../shared/check/types';
import { useApp } from '../../stores/app-store';
import { useWorkspaceText } from './workspace-messages';
import { explainVerifyError } from './official-site-errors';

const statusColor = { verified: 'success', problems: 'error', unreachable: 'warning' } as const;

export function OfficialSitePanel(props: {
  url: string;
  verification: OfficialSiteVerification | null;
  readOnly: boolean;
  onVerify(url: string): Promise<unknown>;
}) {
  const text = useWorkspaceText().editor.site;
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

  const verify = async () => {
    setBusy(true);
    try {
      await props.onVerify(url);
    } catch (error) {
      message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="official-site">
      <Space wrap>
        <Typography.Text strong>{text.title}</Typography.Text>
        <Button size="small" onClick={() => void verify()} loading={busy} disabled={!url || props.readOnly}>
          {busy ? text.verifying : text.verify}
        </Button>
      </Space>
      <div style={{ fontSize: 12, marginTop: 4 }}>
        {!url ? (
          <Typography.Text type="secondary">{text.needUrl}</Typography.Text>
        ) : !v ? (
          <Typography.Text type="secondary">{text.never}</Typography.Text>
        ) : (
          <>
            <Tag color={statusColor[v.status]}>{text.status[v.status]}</Tag>
            {text.at(when(v.checkedAt))}
            {v.url !== url ? <div style={{ color: '#9a6700' }}>{text.stale}</div> : null}
            {v.error ? (
              <div data-testid="official-site-error">
                {explainVerifyError(v.error, locale).summary}
                <div style={{ color: '#4d5661' }}>
                  {locale === 'en' ? 'Technical detail: ' : '技术细节：'}
                  {v.error}
                </div>
              </div>
            ) : null}
            <div>
              {text.found}:{' '}
              {parts
                .filter(([, ok]) => ok === true)
                .map(([k]) => text.parts[k] ?? k)
                .join('、') || '—'}
            </div>
            <div>
              {text.missing}: {v.missing.map((k) => text.parts[k] ?? k).join('、') || '—'}
            </div>
          </>
        )}
      </div>
    </div>
  );
}
