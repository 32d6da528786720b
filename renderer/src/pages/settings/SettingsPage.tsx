/** Settings of the compliance pages: policy packs (which apply, loading one from a file), service hours and calendar overrides, alert lead times, quiet hours, language. */
import { BeijingDatePicker } from '../../features/datetime/BeijingDateTimePicker';
import {
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Table,
  Typography,
  message,
} from 'antd';
import { useEffect, useState } from 'react';
import type { Settings } from '../../../../shared/ipc/contract';
import { call } from '../../api';
import { useApp } from '../../stores/app-store';
import { useCompliance } from '../../stores/compliance-store';
import type { PageProps } from '../registry';
import { OfficialCalendarsCard } from '../../features/calendar/OfficialCalendarsCard';
import { SyncConnectionCard } from '../../features/sync/SyncConnectionCard';
import { RulePacksCard } from '../../features/rulepacks/RulePacksCard';
import { PolicyPacksCard } from '../../features/policypacks/PolicyPacksCard';
import { UnconfirmedCalendarBanner } from '../../features/calendar/UnconfirmedCalendarBanner';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../features/errors/error-text';

/** The scheduler's defaults (electron/services/alerts/schedule.ts), shown when nothing is set. */
const defaultLeads = { consultation: 30, complaint: 600, afterSales: 3600, deposit: 86_400 };
const leadKeys = ['consultation', 'complaint', 'afterSales', 'deposit'] as const;

export function SettingsPage({ readOnly }: PageProps) {
  const { t } = useTranslation('compliance');
  const { locale, setLocale, status } = useApp();
  const { catalog, load } = useCompliance();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [overrideDate, setOverrideDate] = useState('');
  const [overrideKind, setOverrideKind] = useState<'workday' | 'holiday'>('holiday');
  const [permission, setPermission] = useState<NotificationPermission | 'unsupported'>(
    typeof Notification === 'undefined' ? 'unsupported' : Notification.permission,
  );

  useEffect(() => {
    void call('settings.get', {}).then(setSettings);
    if (!useCompliance.getState().catalog) void load();
  }, [load]);
  if (!settings) return <Typography.Text>{t('loading')}</Typography.Text>;

  const save = async (patch: Partial<Settings>) => {
    try {
      setSettings(await call('settings.update', patch));
      void message.success(t('saved'));
      void load();
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const packs = settings.policyPacks ?? ['jdcloud-marketplace-2019'];
  const hours = settings.serviceHours ?? catalog?.serviceHours ?? { start: '09:00', end: '18:00' };
  const overrides = Object.entries(settings.calendarOverrides ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const leads = { ...defaultLeads, ...settings.alertLeadTimes };

  return (
    <div data-testid="settings-page" style={{ maxWidth: 1100 }}>
      <Typography.Title level={3}>{t('settings.title')}</Typography.Title>
      <UnconfirmedCalendarBanner readOnly={readOnly} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <PolicyPacksCard readOnly={readOnly}>
          <Checkbox.Group
            disabled={readOnly}
            value={packs}
            onChange={(value) => value.length > 0 && void save({ policyPacks: value as string[] })}
            options={(catalog?.packs ?? []).map((p) => ({
              value: p.id,
              label: `${p.name[locale]} (${p.id})`,
            }))}
          />
        </PolicyPacksCard>
        <Card title={t('settings.serviceHours')} size="small">
          <Form
            layout="inline"
            key={`${hours.start}-${hours.end}`}
            initialValues={hours}
            onFinish={(v: { start: string; end: string }) => void save({ serviceHours: v })}
            disabled={readOnly}
          >
            <Form.Item
              name="start"
              label={t('settings.start')}
              rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/, required: true }]}
            >
              <Input style={{ width: 90 }} />
            </Form.Item>
            <Form.Item
              name="end"
              label={t('settings.end')}
              rules={[{ pattern: /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, required: true }]}
            >
              <Input style={{ width: 90 }} />
            </Form.Item>
            <Button htmlType="submit">{t('save')}</Button>
          </Form>
        </Card>
        <RulePacksCard readOnly={readOnly} />
        <SyncConnectionCard readOnly={readOnly} />
        <OfficialCalendarsCard readOnly={readOnly} />
        <Card title={t('settings.overrides')} size="small">
          <Space wrap style={{ marginBottom: 8 }}>
            <BeijingDatePicker
              aria-label={t('settings.overrideDate')}
              placeholder="2027-10-01"
              value={overrideDate}
              onChange={setOverrideDate}
            />
            <Select
              aria-label={t('settings.overrideKind')}
              value={overrideKind}
              onChange={setOverrideKind}
              style={{ width: 140 }}
              options={[
                { value: 'holiday', label: t('service.dayKinds.holiday') },
                { value: 'workday', label: t('service.dayKinds.workday') },
              ]}
            />
            <Button
              disabled={readOnly || !/^\d{4}-\d{2}-\d{2}$/.test(overrideDate)}
              onClick={() => {
                void save({
                  calendarOverrides: { ...settings.calendarOverrides, [overrideDate]: overrideKind },
                });
                setOverrideDate('');
              }}
            >
              {t('settings.addOverride')}
            </Button>
          </Space>
          <Table
            size="small"
            pagination={false}
            rowKey={([date]) => date}
            dataSource={overrides}
            columns={[
              { title: t('settings.overrideDate'), render: (_, [date]) => date },
              { title: t('settings.overrideKind'), render: (_, [, kind]) => t(`service.dayKinds.${kind}`) },
              {
                title: '',
                render: (_, [date]) => (
                  <Button
                    size="small"
                    disabled={readOnly}
                    onClick={() =>
                      void save({
                        calendarOverrides: Object.fromEntries(overrides.filter(([d]) => d !== date)),
                      })
                    }
                  >
                    {t('settings.remove')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card title={t('settings.leads')} size="small">
          <Form
            layout="vertical"
            initialValues={leads}
            onFinish={(v: typeof leads) => void save({ alertLeadTimes: v })}
            disabled={readOnly}
          >
            <Space wrap>
              {leadKeys.map((k) => (
                <Form.Item key={k} name={k} label={t(`settings.leadNames.${k}`)}>
                  <InputNumber min={0} max={30 * 86_400} style={{ width: 150 }} />
                </Form.Item>
              ))}
            </Space>
            <Button htmlType="submit">{t('save')}</Button>
          </Form>
          <Space style={{ marginTop: 12 }}>
            <Switch
              id="quiet-switch"
              checked={settings.quietOutsideServiceHours ?? false}
              disabled={readOnly}
              onChange={(checked) => void save({ quietOutsideServiceHours: checked })}
            />
            <label htmlFor="quiet-switch">{t('settings.quiet')}</label>
          </Space>
        </Card>
        <Card title={t('settings.notifications')} size="small">
          <Space>
            <Button
              disabled={permission !== 'default'}
              onClick={() => void Notification.requestPermission().then((p) => setPermission(p))}
            >
              {t('settings.enableNotifications')}
            </Button>
            <Typography.Text type="secondary" data-testid="notification-permission">
              {t(`settings.permission.${permission}`)}
            </Typography.Text>
          </Space>
        </Card>
        {status?.mode === 'electron' && (
          <Card title={t('settings.updates')} size="small">
            <Space>
              <Select
                aria-label={t('settings.updateChannel')}
                value={settings.updateChannel ?? 'latest'}
                disabled={readOnly}
                style={{ width: 220 }}
                onChange={(value) => void save({ updateChannel: value })}
                options={(['latest', 'beta'] as const).map((value) => ({
                  value,
                  label: t(`settings.updateChannels.${value}`),
                }))}
              />
              <Typography.Text type="secondary">{t('settings.updatesHint')}</Typography.Text>
            </Space>
          </Card>
        )}
        <Card title={t('settings.language')} size="small">
          <Select
            aria-label={t('settings.language')}
            value={locale}
            style={{ width: 160 }}
            onChange={(value) => void setLocale(value)}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Card>
      </Space>
    </div>
  );
}
