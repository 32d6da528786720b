/** The listing editor: every §1 field, validated by the shared schema on save. */
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Divider, Drawer, Form, Input, InputNumber, Select, Space, message } from 'antd';
import { useEffect, useState } from 'react';
import { billingKinds, listingTypes, type Listing } from '../../../../shared/listing/schema';
import type { ListingRecord } from '../../../../shared/ipc/contract';
import { ApiError } from '../../api';
import { useApp } from '../../stores/app-store';
import { useListings } from '../../stores/listings-store';
import { emptyFormValues, toFormValues, validateForm, type ListingFormValues } from './listing-form-model';

interface Props {
  /** The record being edited, `null` for a new listing; the drawer is closed when undefined. */
  record: ListingRecord | null | undefined;
  readOnly: boolean;
  onClose(): void;
}

function KeyValueList({ name, t }: { name: (string | number)[]; t: ReturnType<typeof useApp.getState>['t'] }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap>
              <Form.Item name={[field.name, 'key']} rules={[{ required: true, message: t.form.required }]}>
                <Input placeholder={t.form.attrKey} aria-label={t.form.attrKey} />
              </Form.Item>
              <Form.Item name={[field.name, 'value']}>
                <Input placeholder={t.form.attrValue} aria-label={t.form.attrValue} />
              </Form.Item>
              <MinusCircleOutlined aria-label={t.common.remove} onClick={() => remove(field.name)} />
            </Space>
          ))}
          <Button type="dashed" size="small" onClick={() => add({ key: '', value: '' })} icon={<PlusOutlined />}>
            {t.common.add}
          </Button>
        </>
      )}
    </Form.List>
  );
}

export function ListingForm({ record, readOnly, onClose }: Props) {
  const t = useApp((s) => s.t);
  const { create, update } = useListings();
  const [form] = Form.useForm<ListingFormValues>();
  const [saving, setSaving] = useState(false);
  const open = record !== undefined;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(record ? toFormValues(record.listing) : emptyFormValues());
  }, [open, record, form]);

  async function save() {
    try {
      await form.validateFields();
    } catch {
      message.error(t.form.fixErrors);
      return;
    }
    const values = form.getFieldsValue(true) as ListingFormValues;
    const result = validateForm(values, record?.listing as Listing | undefined);
    if (!result.ok) {
      form.setFields(result.errors.map((e) => ({ name: e.name as never, errors: [e.message] })));
      message.error(t.form.fixErrors);
      return;
    }
    setSaving(true);
    try {
      if (record) await update(record, result.listing);
      else await create(result.listing);
      message.success(record ? t.listings.saved : t.listings.created);
      onClose();
    } catch (error) {
      const text = error instanceof ApiError && error.code === 'conflict' ? t.listings.conflict : error instanceof Error ? error.message : String(error);
      message.error(text);
    } finally {
      setSaving(false);
    }
  }

  const required = [{ required: true, message: t.form.required }];
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={record ? t.form.editTitle : t.form.createTitle}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button type="primary" onClick={save} loading={saving} disabled={readOnly} data-testid="listing-save">
            {t.common.save}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" disabled={readOnly} onFinish={save} aria-label={record ? t.form.editTitle : t.form.createTitle}>
        <Divider titlePlacement="start">{t.form.sections.basic}</Divider>
        <Form.Item name="title" label={t.form.title} rules={required}>
          <Input maxLength={200} showCount />
        </Form.Item>
        <Space wrap>
          <Form.Item name="type" label={t.form.type} rules={required}>
            <Select style={{ width: 160 }} options={listingTypes.map((v) => ({ value: v, label: t.types[v] }))} />
          </Form.Item>
          <Form.Item name="id" label={t.form.id}>
            <Input style={{ width: 240 }} />
          </Form.Item>
        </Space>
        <Form.Item name="summary" label={t.form.summary}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>

        <Divider titlePlacement="start">{t.form.sections.price}</Divider>
        <Space wrap>
          <Form.Item name="priceAmount" label={t.form.priceAmount} rules={required}>
            <InputNumber min={0} precision={2} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="billing" label={t.form.billing} rules={required}>
            <Select style={{ width: 160 }} options={billingKinds.map((v) => ({ value: v, label: t.billing[v] }))} />
          </Form.Item>
        </Space>
        <Form.Item label={t.form.specs}>
          <Form.List name="specs">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <div key={field.key} style={{ border: '1px solid #f0f0f0', padding: 12, marginBottom: 8, borderRadius: 6 }}>
                    <Space align="baseline" wrap>
                      <Form.Item name={[field.name, 'name']} label={t.form.specName} rules={required}>
                        <Input style={{ width: 220 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'price']} label={t.form.specPrice} rules={required}>
                        <InputNumber min={0} precision={2} />
                      </Form.Item>
                      <Button size="small" danger onClick={() => remove(field.name)}>
                        {t.common.remove}
                      </Button>
                    </Space>
                    <KeyValueList name={[field.name, 'attributes']} t={t} />
                  </div>
                ))}
                <Button type="dashed" onClick={() => add({ name: '', price: 0, attributes: [] })} icon={<PlusOutlined />}>
                  {t.form.specs}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t.form.attributes}>
          <KeyValueList name={['attributes']} t={t} />
        </Form.Item>

        <Divider titlePlacement="start">{t.form.sections.content}</Divider>
        <Form.Item name="description" label={t.form.description} rules={required}>
          <Input.TextArea autoSize={{ minRows: 6, maxRows: 20 }} />
        </Form.Item>
        <Form.Item label={t.form.cases}>
          <Form.List name="cases">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'title']} rules={required}>
                      <Input placeholder={t.form.caseTitle} aria-label={t.form.caseTitle} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'content']} rules={required}>
                      <Input.TextArea placeholder={t.form.caseContent} aria-label={t.form.caseContent} autoSize style={{ width: 360 }} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label={t.common.remove} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ title: '', content: '' })} icon={<PlusOutlined />}>
                  {t.form.cases}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        <Form.Item label={t.form.images}>
          <Form.List name="images">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline" wrap>
                    <Form.Item name={[field.name, 'url']} rules={required}>
                      <Input placeholder={t.form.imageUrl} aria-label={t.form.imageUrl} style={{ width: 360 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'alt']}>
                      <Input placeholder={t.form.imageAlt} aria-label={t.form.imageAlt} />
                    </Form.Item>
                    <MinusCircleOutlined aria-label={t.common.remove} onClick={() => remove(field.name)} />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ url: '', alt: '' })} icon={<PlusOutlined />}>
                  {t.form.images}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>

        <Divider titlePlacement="start">{t.form.sections.compliance}</Divider>
        <Form.Item name="productPageUrl" label={t.form.productPageUrl}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name="delistingStrategy" label={t.form.delistingStrategy}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="serviceTerms" label={t.form.serviceTerms}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Form.Item name="runsOnJdCloud" label={t.form.runsOnJdCloud}>
          <Select
            style={{ width: 200 }}
            options={[
              { value: 'yes', label: t.common.yes },
              { value: 'no', label: t.common.no },
              { value: 'unknown', label: t.common.unknown },
            ]}
          />
        </Form.Item>

        <Divider titlePlacement="start">{t.form.sections.vendor}</Divider>
        <Form.Item name="vendorName" label={t.form.vendorName}>
          <Input />
        </Form.Item>
        <Form.Item name="authorizedBrands" label={t.form.authorizedBrands}>
          <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
