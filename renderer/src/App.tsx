/** The app frame: sidebar with the pages that work, language switch, database notices. */
import { AlertTray } from './features/alerts/AlertTray';
import { SyncIndicator } from './features/sync/SyncIndicator';
import { SampleDataBanner } from './features/sample-data/SampleDataBanner';
import { GlobalOutlined } from '@ant-design/icons';
import {
  Alert,
  App as AntApp,
  Button,
  ConfigProvider,
  Layout,
  Menu,
  message,
  Result,
  Select,
  Spin,
  Typography,
} from 'antd';
import enUS from 'antd/locale/en_US';
import zhCNLocale from 'antd/locale/zh_CN';
import { useEffect } from 'react';
import { downloadText } from './download';
import { call } from './api';
import { pageLabelNamespaces, pages } from './pages/registry';
import { useApp, type Page } from './stores/app-store';
import { useTranslation } from 'react-i18next';
import { startApp } from './stores/start-app';
import { ImportProgress } from './features/imports/ImportProgress';
import { ImportResultsDialog } from './features/imports/ImportResultsDialog';
import { appTheme } from './features/theme';
import { errorText } from './features/errors/error-text';

function DatabaseNotice() {
  const { status } = useApp();
  const { t } = useTranslation();
  const db = status?.database;
  if (!db || db.state === 'ok') return null;
  // The one way out of a read-only database: a failure must say so, not vanish as an unhandled rejection.
  const exportAll = async () => {
    try {
      const file = await call('listings.export', {});
      downloadText(file.fileName, file.text);
    } catch (error) {
      message.error(errorText(error));
    }
  };
  return (
    <Alert
      type={db.state === 'read-only' ? 'warning' : 'info'}
      showIcon
      style={{ marginBottom: 16 }}
      message={db.state === 'read-only' ? t('db.readOnlyTitle') : t('db.restoredTitle')}
      description={db.message}
      action={
        db.state === 'read-only' ? (
          <Button onClick={() => void exportAll()}>{t('db.export')}</Button>
        ) : undefined
      }
      data-testid="database-notice"
    />
  );
}

export function App() {
  const { ready, loadError, locale, page, setPage, setLocale, status } = useApp();
  const { t } = useTranslation(pageLabelNamespaces);
  useEffect(() => {
    void startApp();
  }, []);

  if (!ready) return <Spin fullscreen />;
  if (loadError) return <Result status="error" title="VendorDesk" subTitle={loadError} />;

  const readOnly = status?.database.state === 'read-only';
  const items = pages.map((p) => ({ key: p.key, icon: p.icon, label: p.label(t) }));
  const current = pages.find((p) => p.key === page) ?? pages[0];
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCNLocale} theme={appTheme}>
      <AntApp>
        <Layout style={{ minHeight: '100vh' }}>
          <Layout.Sider width={200} theme="light" breakpoint="lg" collapsedWidth={64}>
            <div style={{ padding: '16px 16px 8px', fontWeight: 600 }}>
              <img
                src="./favicon.svg"
                alt=""
                width={20}
                height={20}
                style={{ verticalAlign: 'middle', marginRight: 8 }}
              />
              {t('appName')}
            </div>
            <nav aria-label="main">
              <Menu
                mode="inline"
                selectedKeys={[page]}
                items={items}
                onClick={(e) => setPage(e.key as Page)}
              />
            </nav>
          </Layout.Sider>
          <Layout>
            <Layout.Header
              style={{
                background: 'transparent',
                display: 'flex',
                justifyContent: 'flex-end',
                alignItems: 'center',
                gap: 8,
              }}
            >
              <SyncIndicator />
              <GlobalOutlined aria-hidden />
              <Select
                aria-label={t('language')}
                value={locale}
                style={{ width: 120 }}
                onChange={(value) => void setLocale(value).catch(() => undefined)}
                options={[
                  { value: 'zh-CN', label: '简体中文' },
                  { value: 'en', label: 'English' },
                ]}
                data-testid="locale-select"
              />
            </Layout.Header>
            <Layout.Content style={{ padding: '0 24px 24px' }}>
              <main>
                <DatabaseNotice />
                <AlertTray />
                <SampleDataBanner readOnly={readOnly} />
                <ImportProgress />
                {current?.render({ readOnly })}
              </main>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                VendorDesk {status?.version} · {status?.mode}
              </Typography.Text>
            </Layout.Content>
          </Layout>
        </Layout>
        <ImportResultsDialog />
      </AntApp>
    </ConfigProvider>
  );
}
