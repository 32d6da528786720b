/**
 * The pages in the sidebar, in order. A page is listed here when its feature works (no
 * placeholder pages). Adding a page = one entry here + its key in stores/app-store.ts `Page`.
 */
import {
  ApiOutlined,
  AppstoreOutlined,
  CloudSyncOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { Page } from '../stores/app-store';

/** The namespaces the sidebar's page names come from. */
export const pageLabelNamespaces = ['common', 'compliance', 'callbacks', 'sync'] as const;
type PageLabelNamespaces = typeof pageLabelNamespaces;
import { CallbacksPage } from './callbacks/CallbacksPage';
import { ListingsPage } from './listings/ListingsPage';
import { DepositPage } from './deposit/DepositPage';
import { OverviewPage } from './overview/OverviewPage';
import { PointsPage } from './points/PointsPage';
import { ServicePage } from './service/ServicePage';
import { SettingsPage } from './settings/SettingsPage';
import { SyncPage } from '../features/sync/SyncPage';

export interface PageProps {
  readOnly: boolean;
}

export interface PageEntry {
  key: Page;
  icon: ReactNode;
  label(t: TFunction<PageLabelNamespaces>): string;
  render(props: PageProps): ReactNode;
}

export const pages: PageEntry[] = [
  // Overview first: it is the start page (issue 7).
  {
    key: 'overview',
    icon: <DashboardOutlined />,
    label: (t) => t('compliance:nav.overview'),
    render: (props) => <OverviewPage {...props} />,
  },
  {
    key: 'service',
    icon: <FieldTimeOutlined />,
    label: (t) => t('compliance:nav.service'),
    render: (props) => <ServicePage {...props} />,
  },
  {
    key: 'deposit',
    icon: <WalletOutlined />,
    label: (t) => t('compliance:nav.deposit'),
    render: (props) => <DepositPage {...props} />,
  },
  {
    key: 'points',
    icon: <SafetyCertificateOutlined />,
    label: (t) => t('compliance:nav.points'),
    render: (props) => <PointsPage {...props} />,
  },
  {
    key: 'listings',
    icon: <AppstoreOutlined />,
    label: (t) => t('nav.listings'),
    render: (props) => <ListingsPage {...props} />,
  },
  {
    key: 'callbacks',
    icon: <ApiOutlined />,
    label: (t) => t('callbacks:nav'),
    render: (props) => <CallbacksPage {...props} />,
  },
  {
    key: 'sync',
    icon: <CloudSyncOutlined />,
    label: (t) => t('sync:nav'),
    render: (props) => <SyncPage {...props} />,
  },
  {
    key: 'settings',
    icon: <SettingOutlined />,
    label: (t) => t('compliance:nav.settings'),
    render: (props) => <SettingsPage {...props} />,
  },
];
