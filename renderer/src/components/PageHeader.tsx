/** A page's title line: the title, what qualifies it (e.g. its "as of" time), and its actions. */
import { Space, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** Shown beside the title, e.g. <AsOf at=… />. */
  extra?: ReactNode;
  actions?: ReactNode;
  marginBottom?: number;
}

export function PageHeader({ title, extra, actions, marginBottom = 16 }: Props) {
  return (
    <Space style={{ marginBottom, width: '100%', justifyContent: 'space-between' }} wrap>
      <Space align="baseline">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Space>
      {actions && <Space wrap>{actions}</Space>}
    </Space>
  );
}
