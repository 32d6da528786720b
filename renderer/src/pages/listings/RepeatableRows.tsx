/**
 * A repeatable group of form rows (attributes, cases, images): each row's fields, a remove
 * button per row and one "add" button — the markup the form used to write once per list.
 */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Space, type FormListFieldData } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  name: string | (string | number)[];
  /** The add button's text. */
  addLabel: ReactNode;
  /** The values of a new row. */
  newRow: () => Record<string, unknown>;
  /** The fields of one row. */
  children: (field: FormListFieldData) => ReactNode;
  small?: boolean;
}

export function RepeatableRows({ name, addLabel, newRow, children, small }: Props) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap>
              {children(field)}
              <Button
                type="text"
                size="small"
                icon={<MinusCircleOutlined />}
                aria-label={t('common.remove')}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            size={small ? 'small' : undefined}
            onClick={() => add(newRow())}
            icon={<PlusOutlined />}
          >
            {addLabel}
          </Button>
        </>
      )}
    </Form.List>
  );
}
