/** The header's sync indicator: offline · syncing · up to date · N waiting · error. Click: the Sync page. */
import {
  CloudOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  ExclamationCircleOutlined,
} from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useEffect } from 'react';
import { useApp } from '../../stores/app-store';
import { useSync } from './sync-store';
import { useTranslation } from 'react-i18next';

export function SyncIndicator() {
  const { t } = useTranslation('sync');
  const { status, load } = useSync();
  const setPage = useApp((s) => s.setPage);
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  if (!status) return null;
  const i = status.indicator;
  const label = i === 'waiting' ? t('indicator.waiting', { n: status.report.pending }) : t(`indicator.${i}`);
  const icon =
    i === 'syncing' ? (
      <CloudSyncOutlined spin />
    ) : i === 'offline' || i === 'not-connected' ? (
      <DisconnectOutlined />
    ) : i === 'error' ? (
      <ExclamationCircleOutlined />
    ) : (
      <CloudOutlined />
    );
  return (
    <Tooltip
      title={status.message ?? (status.report.asOf ? `${t('lastPull')}: ${status.report.asOf}` : undefined)}
    >
      <Button
        type="text"
        icon={icon}
        danger={i === 'error'}
        onClick={() => setPage('sync')}
        data-testid="sync-indicator"
        data-state={i}
      >
        {label}
      </Button>
    </Tooltip>
  );
}
