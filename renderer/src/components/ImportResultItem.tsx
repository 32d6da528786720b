/**
 * One file's outcome in an import-results list: imported, or every problem with its place. A JSON
 * syntax error is a sentence in the user's language naming the file, line and column (issue 17),
 * not the parser's "5:1 PropertyNameExpected …".
 */
import { Alert, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JsonSyntaxCode } from '../../../shared/json/parse';

export interface ImportProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
  syntax?: JsonSyntaxCode | undefined;
}

interface Props {
  testId: string;
  /** File name, plus what kind of file it was where that helps. */
  title: string;
  ok: boolean;
  okMessage: string;
  failedMessage: string;
  problems: readonly ImportProblem[];
  /** The file's name for the problem sentences; `title` when not given. */
  fileName?: string;
  /** Problems found beyond those listed. */
  problemsOmitted?: number | undefined;
  /** Not whole because the user cancelled it (a warning, not an error). */
  cancelled?: boolean | undefined;
  /** What the user should know about a stored file (e.g. ids it repeats), as warnings. */
  notes?: readonly string[];
}

export function ImportResultItem({
  testId,
  title,
  ok,
  okMessage,
  failedMessage,
  problems,
  fileName,
  problemsOmitted,
  cancelled,
  notes = [],
}: Props) {
  const { t } = useTranslation(['common', 'imports']);
  const syntaxSentence = (p: ImportProblem & { syntax: JsonSyntaxCode }) => {
    const reason = t(`jsonSyntax.reasons.${p.syntax}`);
    const file = fileName ?? title;
    return p.line === undefined
      ? t('jsonSyntax.sentenceNoPlace', { file, reason })
      : t('jsonSyntax.sentence', { file, line: p.line, column: p.column ?? 1, reason });
  };
  return (
    <List.Item data-testid={testId}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text strong>{title}</Typography.Text>
        {ok ? (
          <>
            <Alert type="success" showIcon message={okMessage} />
            {notes.map((note) => (
              <Alert key={note} type="warning" showIcon message={note} data-testid="import-result-note" />
            ))}
          </>
        ) : (
          <Alert
            type={cancelled ? 'warning' : 'error'}
            showIcon
            message={failedMessage}
            description={
              problems.length === 0 ? null : (
                <ul style={{ margin: 0, paddingLeft: 16 }}>
                  {problems.map((p, i) =>
                    p.syntax ? (
                      <li key={i}>{syntaxSentence({ ...p, syntax: p.syntax })}</li>
                    ) : (
                      <li key={i}>
                        {p.line !== undefined ? `${p.line}:${p.column ?? 1} ` : ''}
                        {p.path ? <code>{p.path}</code> : null} {p.message}
                      </li>
                    ),
                  )}
                  {problemsOmitted ? <li>{t('imports:problemsOmitted', { n: problemsOmitted })}</li> : null}
                </ul>
              )
            }
          />
        )}
      </Space>
    </List.Item>
  );
}
