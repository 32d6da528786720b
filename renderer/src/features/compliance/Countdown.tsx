/**
 * A live countdown to a deadline the engine computed. Ticks every second on the app's clock
 * (useCompliance.now: the main process's time plus elapsed time here). At the deadline a pending
 * item flips to "breached" here; the next snapshot refresh confirms it from the engine.
 */
import { useEffect, useState } from 'react';
import { useCompliance } from '../../stores/compliance-store';
import { countdown } from '../../stores/compliance-view';
import { StatusTag } from './StatusTag';
import { useTranslation } from 'react-i18next';

export function useTick(intervalMs = 1000): number {
  const now = useCompliance((s) => s.now);
  const [time, setTime] = useState(() => now());
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return time;
}

export function Countdown({ deadlineMs, testId }: { deadlineMs: number; testId?: string }) {
  const { t } = useTranslation('compliance');
  const now = useTick();
  const c = countdown(deadlineMs, now, (n) => t('dayCount', { n }));
  if (c.passed) {
    return (
      <StatusTag tone="bad" testId={testId}>
        {t('service.breachedAt')}
      </StatusTag>
    );
  }
  const urgent = c.leftMs < 10 * 60_000;
  return (
    <span
      data-testid={testId}
      style={{
        fontVariantNumeric: 'tabular-nums',
        color: urgent ? '#a8071a' : undefined,
        fontWeight: urgent ? 600 : undefined,
      }}
    >
      {c.text}
    </span>
  );
}
