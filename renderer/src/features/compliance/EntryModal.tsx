/**
 * The manual-entry dialog of the compliance pages (log a ticket, add a ledger entry, record a
 * violation): validate the form, save, say so, close — or keep the dialog open with the error.
 */
import { Form, Modal, message, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../errors/error-text';

interface Props<V> {
  open: boolean;
  title: string;
  form: FormInstance<V>;
  /** Turns the validated values into the save call. */
  save(values: V): Promise<unknown>;
  onClose(): void;
  width?: number;
  children: ReactNode;
}

export function EntryModal<V>({ open, title, form, save, onClose, width, children }: Props<V>) {
  const { t } = useTranslation('compliance');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      await save(values);
      void message.success(t('saved'));
      onClose();
    } catch (error) {
      void message.error(errorText(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('save')}
      cancelText={t('cancel')}
      confirmLoading={saving}
      destroyOnHidden
      width={width}
    >
      <Form form={form} layout="vertical">
        {children}
      </Form>
    </Modal>
  );
}
