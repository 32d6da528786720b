/**
 * First run (issue 17): while the app holds no data, offer sample data on the Overview so a new
 * user sees every page working; while it is loaded, say so on every page (the records' ids start with 示例-) with
 * a one-click removal. The state is asked again whenever the compliance snapshot reloads (a
 * data.changed after a save, an import, a load or a removal).
 */
import { Alert, Button, message } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ResponseOf } from '../../../../shared/ipc/contract';
import { SAMPLE_ID_PREFIX } from '../../../../shared/sample/sample-data';
import { call } from '../../api';
import { useApp } from '../../stores/app-store';
import { dismissAlerts } from '../../stores/compliance-alerts';
import { useCompliance } from '../../stores/compliance-store';
import { errorText } from '../errors/error-text';

type Status = ResponseOf<'app.sampleData'>;

export function SampleDataBanner({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('common');
  const version = useCompliance((s) => s.snapshot?.atMs);
  // The offer is made where a new user lands; the loaded notice is on every page.
  const onOverview = useApp((s) => s.page === 'overview');
  const [status, setStatus] = useState<Status | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    call('app.sampleData', {}).then(
      (s) => live && setStatus(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [version]);
  const run = (channel: 'app.loadSampleData' | 'app.removeSampleData', done: string) => {
    setBusy(true);
    call(channel, {})
      .then((s) => {
        if ('removedAlerts' in s) dismissAlerts(s.removedAlerts);
        setStatus({ loaded: s.loaded, offered: s.offered });
        void message.success(done);
      })
      .catch((error: unknown) => void message.error(errorText(error)))
      .finally(() => setBusy(false));
  };
  if (!status || readOnly || (!status.loaded && !(status.offered && onOverview))) return null;
  return status.loaded ? (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="sample-data-banner"
      message={t('sampleData.loadedTitle')}
      description={t('sampleData.loadedBody', { prefix: SAMPLE_ID_PREFIX })}
      action={
        <Button danger loading={busy} onClick={() => run('app.removeSampleData', t('sampleData.removed'))}>
          {t('sampleData.remove')}
        </Button>
      }
    />
  ) : (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="sample-data-offer"
      message={t('sampleData.offerTitle')}
      description={t('sampleData.offerBody')}
      action={
        <Button
          type="primary"
          loading={busy}
          onClick={() => run('app.loadSampleData', t('sampleData.loaded'))}
        >
          {t('sampleData.load')}
        </Button>
      }
    />
  );
}
