/** One file's outcome in an import-results list: imported, or every problem with its place. */
import { Alert, List, Space, Typography } from 'antd';

export interface ImportProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

interface Props {
  testId: string;
  /** File name, plus what kind of file it was where that helps. */
  title: string;
  ok: boolean;
  okMessage: string;
  failedMessage: string;
  problems: readonly ImportProblem[];
}

export function ImportResultItem({ testId, title, ok, okMessage, failedMessage, problems }: Props) {
  return (
    <List.Item data-testid={testId}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{title}</Typography.Text>
        {ok ? (
          <Alert type="success" showIcon message={okMessage} />
        ) : (
          <Alert
            type="error"
            showIcon
            message={failedMessage}
            description={
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.line !== undefined ? `${p.line}:${p.column ?? 1} ` : ''}
                    {p.path ? <code>{p.path}</code> : null} {p.message}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </Space>
    </List.Item>
  );
}
