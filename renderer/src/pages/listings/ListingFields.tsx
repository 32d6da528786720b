/**
 * The listing form's fields, section by section (§1 of formats.md). It renders when the form's
 * structure changes (rows added, read-only toggled), not per keystroke and not per check result:
 * the fields that show findings subscribe to them (EditorField, CheckedTextArea), and each
 * CodeMirror field sits in a `noStyle` item so a keystroke re-renders the field alone — antd's
 * labelled item measures itself on every render, a forced layout per keystroke on a 100 KB text.
 */
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Divider,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
  type FormInstance,
} from 'antd';
import { memo, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { billingKinds, listingTypes } from '../../../../shared/listing/schema';
import type { ListingFormValues } from '../../features/listing-form/listing-form-model';
import { useListings } from '../../stores/listings-store';
import { CheckedTextArea } from './CheckedTextArea';
import { DescriptionPreview } from './DescriptionPreview';
import { EditorField } from './EditorField';
import { OfficialSitePanel } from './OfficialSitePanel';
import { RepeatableRows } from './RepeatableRows';

export const FORM_NAME = 'listing';

/** What a CodeMirror field takes besides value / onChange / id (those come from its Form.Item). */
export type EditorProps = Pick<
  ComponentProps<typeof EditorField>,
  'field' | 'aria-label' | 'onFix' | 'fixText' | 'readOnly' | 'onHandle'
>;

interface Props {
  form: FormInstance<ListingFormValues>;
  readOnly: boolean;
  ariaLabel: string;
  onValuesChange(): void;
  /** The props of the CodeMirror field at `field` (stable per field). */
  editorProps(field: string, label: string): EditorProps;
  /** Fills in the delisting template (the fix of the "delisting strategy missing" finding). */
  onDelistingTemplate(): void;
}

/**
 * The preview follows the description itself: the form does not re-render per keystroke. Not
 * `Form.useWatch`: it JSON-stringifies the watched value on every render to compare it, which on
 * a description of millions of characters cost ~60 ms of opening the editor; a string compares
 * by identity here.
 */
function WatchedPreview({ label }: { label: string }) {
  return (
    <Form.Item
      noStyle
      shouldUpdate={(before: ListingFormValues, after: ListingFormValues) =>
        before.description !== after.description
      }
    >
      {({ getFieldValue }) => (
        <DescriptionPreview html={(getFieldValue('description') as string | undefined) ?? ''} label={label} />
      )}
    </Form.Item>
  );
}

function OfficialSiteSection({
  form,
  readOnly,
}: {
  form: FormInstance<ListingFormValues>;
  readOnly: boolean;
}) {
  const productPageUrl = (Form.useWatch('productPageUrl', form) as string | undefined) ?? '';
  const verification = useListings((s) => s.editor?.verification ?? null);
  return (
    <OfficialSitePanel
      url={productPageUrl}
      verification={verification}
      readOnly={readOnly}
      onVerify={(url) => useListings.getState().verifyOfficialSite(url)}
    />
  );
}

/** Enabled while the check offers the template (the strategy is missing or empty). */
function DelistingTemplateButton({ readOnly, onClick }: { readOnly: boolean; onClick(): void }) {
  const { t } = useTranslation('workspace');
  const offered = useListings(
    (s) => s.editor?.findings.some((f) => f.ruleId === 'delisting-strategy-missing' && f.fix) ?? false,
  );
  return (
    <Button
      size="small"
      style={{ marginTop: -16, marginBottom: 16 }}
      disabled={!offered || readOnly}
      onClick={onClick}
    >
      {t('editor.delistingTemplate')}
    </Button>
  );
}

export const ListingFields = memo(function ListingFields({
  form,
  readOnly,
  ariaLabel,
  onValuesChange,
  editorProps,
  onDelistingTemplate,
}: Props) {
  const { t } = useTranslation(['workspace', 'common']);
  const required = [{ required: true, message: t('common:form.required') }];
  const id = (name: string) => `${FORM_NAME}_${name}`;
  return (
    <Form
      form={form}
      name={FORM_NAME}
      layout="vertical"
      disabled={readOnly}
      onValuesChange={onValuesChange}
      aria-label={ariaLabel}
    >
      <Divider titlePlacement="start">{t('common:form.sections.basic')}</Divider>
      <Form.Item name="title" label={t('common:form.title')} rules={required}>
        <CheckedTextArea field="title" rows={1} singleLine maxLength={200} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="type" label={t('common:form.type')} rules={required}>
          <Select
            style={{ width: 160 }}
            options={listingTypes.map((v) => ({ value: v, label: t(`common:types.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="id" label={t('common:form.id')}>
          <Input style={{ width: 240 }} />
        </Form.Item>
      </Space>
      <Form.Item name="summary" label={t('common:form.summary')}>
        <CheckedTextArea field="summary" rows={2} />
      </Form.Item>

      <Divider titlePlacement="start">{t('common:form.sections.price')}</Divider>
      <Space wrap>
        <Form.Item name="priceAmount" label={t('common:form.priceAmount')} rules={required}>
          <InputNumber min={0} precision={2} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="billing" label={t('common:form.billing')} rules={required}>
          <Select
            style={{ width: 160 }}
            options={billingKinds.map((v) => ({ value: v, label: t(`common:billing.${v}`) }))}
          />
        </Form.Item>
      </Space>
      <Form.Item label={t('common:form.specs')}>
        <Form.List name="specs">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <div
                  key={field.key}
                  style={{ border: '1px solid #f0f0f0', padding: 12, marginBottom: 8, borderRadius: 6 }}
                >
                  <Space align="baseline" wrap>
                    <Form.Item name={[field.name, 'name']} label={t('common:form.specName')} rules={required}>
                      <Input style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'price']}
                      label={t('common:form.specPrice')}
                      rules={required}
                    >
                      <InputNumber min={0} precision={2} />
                    </Form.Item>
                    <Button size="small" danger onClick={() => remove(field.name)}>
                      {t('common:common.remove')}
                    </Button>
                  </Space>
                  <KeyValueRows name={[field.name, 'attributes']} />
                </div>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ name: '', price: 0, attributes: [] })}
                icon={<PlusOutlined />}
              >
                {t('common:form.specs')}
              </Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item label={t('common:form.attributes')}>
        <KeyValueRows name={['attributes']} />
      </Form.Item>

      <Divider titlePlacement="start">{t('common:form.sections.content')}</Divider>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('editor.sourceHint')}
      </Typography.Text>
      <Form.Item label={t('common:form.description')} htmlFor={id('description')} required>
        {/* Validated when the field is left (and on save), not per keystroke: each validation
            changes the item's state twice, and each change re-renders (and measures) the
            labelled item around it. */}
        <Form.Item name="description" rules={required} validateTrigger="onBlur" noStyle>
          <EditorField
            html
            minRows={12}
            maxRows={24}
            testId="description-editor"
            {...editorProps('description', t('common:form.description'))}
          />
        </Form.Item>
      </Form.Item>
      <WatchedPreview label={t('editor.preview')} />
      <Form.Item label={t('common:form.cases')} style={{ marginTop: 16 }}>
        <RepeatableRows
          name="cases"
          addLabel={t('common:form.cases')}
          newRow={() => ({ title: '', content: '' })}
        >
          {(field) => (
            <>
              <Form.Item name={[field.name, 'title']} rules={required}>
                <Input placeholder={t('common:form.caseTitle')} aria-label={t('common:form.caseTitle')} />
              </Form.Item>
              <Form.Item name={[field.name, 'content']} rules={required}>
                <EditorField
                  placeholder={t('common:form.caseContent')}
                  minRows={2}
                  maxRows={10}
                  style={{ width: 360 }}
                  {...editorProps(`cases[${field.name}].content`, t('common:form.caseContent'))}
                />
              </Form.Item>
            </>
          )}
        </RepeatableRows>
      </Form.Item>
      <Form.Item label={t('common:form.images')}>
        <RepeatableRows
          name="images"
          addLabel={t('common:form.images')}
          newRow={() => ({ url: '', alt: '' })}
        >
          {(field) => (
            <>
              <Form.Item name={[field.name, 'url']} rules={required}>
                <Input
                  placeholder={t('common:form.imageUrl')}
                  aria-label={t('common:form.imageUrl')}
                  style={{ width: 360 }}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'alt']}>
                <Input placeholder={t('common:form.imageAlt')} aria-label={t('common:form.imageAlt')} />
              </Form.Item>
            </>
          )}
        </RepeatableRows>
      </Form.Item>

      <Divider titlePlacement="start">{t('common:form.sections.compliance')}</Divider>
      <Form.Item name="productPageUrl" label={t('common:form.productPageUrl')}>
        <Input placeholder="https://" />
      </Form.Item>
      <OfficialSiteSection form={form} readOnly={readOnly} />
      <Form.Item
        label={t('common:form.delistingStrategy')}
        htmlFor={id('delistingStrategy')}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="delistingStrategy" noStyle>
          <EditorField
            minRows={3}
            maxRows={10}
            {...editorProps('delistingStrategy', t('common:form.delistingStrategy'))}
          />
        </Form.Item>
      </Form.Item>
      <DelistingTemplateButton readOnly={readOnly} onClick={onDelistingTemplate} />
      <Form.Item label={t('common:form.serviceTerms')} htmlFor={id('serviceTerms')}>
        <Form.Item name="serviceTerms" noStyle>
          <EditorField
            minRows={3}
            maxRows={10}
            {...editorProps('serviceTerms', t('common:form.serviceTerms'))}
          />
        </Form.Item>
      </Form.Item>
      <Form.Item name="runsOnJdCloud" label={t('common:form.runsOnJdCloud')}>
        <Select
          style={{ width: 200 }}
          options={[
            { value: 'yes', label: t('common:common.yes') },
            { value: 'no', label: t('common:common.no') },
            { value: 'unknown', label: t('common:common.unknown') },
          ]}
        />
      </Form.Item>

      <Divider titlePlacement="start">{t('common:form.sections.vendor')}</Divider>
      <Form.Item name="vendorName" label={t('common:form.vendorName')}>
        <Input />
      </Form.Item>
      <Form.Item name="authorizedBrands" label={t('common:form.authorizedBrands')}>
        <Select mode="tags" tokenSeparators={[',', '，']} open={false} />
      </Form.Item>
    </Form>
  );
});

function KeyValueRows({ name }: { name: (string | number)[] }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('form.required') }];
  return (
    <RepeatableRows name={name} addLabel={t('common.add')} newRow={() => ({ key: '', value: '' })} small>
      {(field) => (
        <>
          <Form.Item name={[field.name, 'key']} rules={required}>
            <Input placeholder={t('form.attrKey')} aria-label={t('form.attrKey')} />
          </Form.Item>
          <Form.Item name={[field.name, 'value']}>
            <Input placeholder={t('form.attrValue')} aria-label={t('form.attrValue')} />
          </Form.Item>
        </>
      )}
    </RepeatableRows>
  );
}
