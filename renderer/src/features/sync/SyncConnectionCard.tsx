/** Settings → 市场连接 / Marketplace connection: endpoint, region, keys, interval; test; disconnect. */
import { Button, Card, Form, Input, InputNumber, Space, Typography, message } from 'antd';
import { useEffect } from 'react';
import { useSync } from './sync-store';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-text';

interface Values {
  endpoint: string;
  region: string;
  accessKey?: string;
  secretKey?: string;
  intervalSeconds?: number;
}

export function SyncConnectionCard({ readOnly }: { readOnly: boolean }) {
  const { t } = useTranslation('sync');
  const { connection, load, connect, test, disconnect } = useSync();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    void load().catch(() => undefined);
  }, [load]);
  useEffect(() => {
    if (connection)
      form.setFieldsValue({
        endpoint: connection.endpoint ?? 'http://127.0.0.1:8787',
        region: connection.region ?? 'cn-north-1',
        intervalSeconds: connection.intervalSeconds,
      });
  }, [connection, form]);
  const fail = (error: unknown) => void message.error(errorText(error));

  const save = async (v: Values) => {
    try {
      const keys = v.accessKey && v.secretKey ? { accessKey: v.accessKey, secretKey: v.secretKey } : {};
      await connect({ endpoint: v.endpoint, region: v.region, intervalSeconds: v.intervalSeconds, ...keys });
      form.setFieldsValue({ accessKey: undefined, secretKey: undefined }); // never kept in the page
      void message.success(t('saved'));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Card title={t('cardTitle')} size="small" data-testid="sync-connection">
      <Typography.Paragraph type="secondary">{t('cardHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={readOnly}>
        <Form.Item name="endpoint" label={t('endpoint')} rules={[{ required: true }]}>
          <Input data-testid="sync-endpoint" />
        </Form.Item>
        <Form.Item name="region" label={t('region')} rules={[{ required: true }]}>
          <Input data-testid="sync-region" />
        </Form.Item>
        <Form.Item
          name="accessKey"
          label={t('accessKey')}
          extra={connection?.accessKey ? `${connection.accessKey}` : undefined}
        >
          <Input autoComplete="off" data-testid="sync-access-key" />
        </Form.Item>
        <Form.Item
          name="secretKey"
          label={t('secretKey')}
          extra={connection?.hasSecret ? t('secretSaved') : undefined}
        >
          <Input.Password autoComplete="new-password" data-testid="sync-secret-key" />
        </Form.Item>
        <Form.Item name="intervalSeconds" label={t('interval')}>
          <InputNumber min={10} max={86_400} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" data-testid="sync-save">
            {t('save')}
          </Button>
          <Button
            data-testid="sync-test"
            disabled={!connection?.connected}
            onClick={() =>
              void test().then(
                (v) => void message.success(t('connectedAs', { name: v.name, id: v.vendorId })),
                fail,
              )
            }
          >
            {t('test')}
          </Button>
          <Button
            danger
            disabled={!connection?.hasSecret}
            onClick={() => void disconnect().then(() => void message.success(t('disconnected')), fail)}
          >
            {t('disconnect')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
