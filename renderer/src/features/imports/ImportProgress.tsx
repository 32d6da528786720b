/**
 * The running import, whichever page started it (mounted once in App): file n of m, what is
 * being done with it — uploading, checking (bytes and records read), saving (records of total) —
 * and a cancel button.
 */
import { Button, Progress, Typography, message } from 'antd';
import { useTranslation } from 'react-i18next';
import { useImports, type ImportRun } from '../../stores/imports-store';

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** The share of the whole import done: checking a file counts as its first half, saving as its second. */
function percentOf(run: ImportRun): number {
  const ofFile =
    run.phase === 'writing'
      ? 0.5 + 0.5 * (run.total > 0 ? run.done / run.total : 0)
      : run.phase === 'reading'
        ? 0.5 * (run.bytesTotal > 0 ? run.bytesDone / run.bytesTotal : 0)
        : 0;
  return Math.floor(((run.file - 1 + ofFile) / run.files) * 100);
}

export function ImportProgress() {
  const { t } = useTranslation('imports');
  const running = useImports((s) => s.running);
  const cancel = useImports((s) => s.cancel);
  if (!running) return null;
  const { file, files } = running;
  const text =
    running.phase === 'uploading'
      ? t('uploading', { file, files, name: running.name })
      : running.phase === 'reading'
        ? t('reading', {
            file,
            files,
            done: megabytes(running.bytesDone),
            total: megabytes(running.bytesTotal),
            records: running.recordsRead,
          })
        : t('writing', { file, files, done: running.done, total: running.total });
  return (
    <div
      data-testid="import-progress"
      role="status"
      style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 12, maxWidth: 720 }}
    >
      <div style={{ flex: 1 }}>
        <Typography.Text>{text}</Typography.Text>
        <Progress percent={percentOf(running)} aria-label={t('progressLabel')} />
      </div>
      <Button
        danger
        data-testid="import-cancel"
        disabled={running.cancelling}
        onClick={() => void cancel().catch((e: unknown) => message.error(String(e)))}
      >
        {running.cancelling ? t('cancelling') : t('cancel')}
      </Button>
    </div>
  );
}
