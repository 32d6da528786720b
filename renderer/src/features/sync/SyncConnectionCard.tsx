/** Settings → 市场连接 / Marketplace connection: endpoint, region, keys, interval; test; disconnect. */
import { Button, Card, Form, Input, InputNumber, Space, Typography, message } from 'antd';
import { useEffect } from 'react';
import { useSyncText } from './sync-messages';
import { useSync } from './sync-store';

interface Values {
  endpoint: string;
  region: string;
  accessKey?: string;
  secretKey?: string;
  intervalSeconds?: number;
}

export function SyncConnectionCard({ readOnly }: { readOnly: boolean }) {
  const text = useSyncText();
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
  const fail = (error: unknown) => void message.error(error instanceof Error ? error.message : String(error));

  const save = async (v: Values) => {
    try {
      const keys = v.accessKey && v.secretKey ? { accessKey: v.accessKey, secretKey: v.secretKey } : {};
      await connect({ endpoint: v.endpoint, region: v.region, intervalSeconds: v.intervalSeconds, ...keys });
      form.setFieldsValue({ accessKey: undefined, secretKey: undefined }); // never kept in the page
      void message.success(text.saved);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Card title={text.cardTitle} size="small" data-testid="sync-connection">
      <Typography.Paragraph type="secondary">{text.cardHint}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} disabled={readOnly}>
        <Form.Item name="endpoint" label={text.endpoint} rules={[{ required: true }]}>
          <Input data-testid="sync-endpoint" />
        </Form.Item>
        <Form.Item name="region" label={text.region} rules={[{ required: true }]}>
          <Input data-testid="sync-region" />
        </Form.Item>
        <Form.Item
          name="accessKey"
          label={text.accessKey}
          extra={connection?.accessKey ? `${connection.accessKey}` : undefined}
        >
          <Input autoComplete="off" data-testid="sync-access-key" />
        </Form.Item>
        <Form.Item
          name="secretKey"
          label={text.secretKey}
          extra={connection?.hasSecret ? text.secretSaved : undefined}
        >
          <Input.Password autoComplete="new-password" data-testid="sync-secret-key" />
        </Form.Item>
        <Form.Item name="intervalSeconds" label={text.interval}>
          <InputNumber min={10} max={86_400} />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit" data-testid="sync-save">
            {text.save}
          </Button>
          <Button
            data-testid="sync-test"
            disabled={!connection?.connected}
            onClick={() =>
              void test().then((v) => void message.success(text.connectedAs(v.name, v.vendorId)), fail)
            }
          >
            {text.test}
          </Button>
          <Button
            danger
            disabled={!connection?.hasSecret}
            onClick={() => void disconnect().then(() => void message.success(text.disconnected), fail)}
          >
            {text.disconnect}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
