/**
 * The listing workspace: every §1 field (validated by the shared schema on save), checked live
 * in a worker as the user types, with highlighted spans, a findings panel (jump, fix one or all
 * of a rule, undo), exposure and ready state, official-site verification, check history and
 * the check report. Keyboard: F8 / Shift+F8, Ctrl+., Ctrl+S, Ctrl+Z outside text fields.
 */
import { MinusCircleOutlined, PlusOutlined, UndoOutlined } from '@ant-design/icons';
import {
  Button,
  Col,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Typography,
  message,
  type FormInstance,
} from 'antd';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { getFieldText } from '../../../../shared/check/fields';
import type { Finding } from '../../../../shared/check/types';
import { exposureOf } from '../../../../shared/check/exposure';
import { billingKinds, listingTypes, type Listing } from '../../../../shared/listing/schema';
import { ApiError, call } from '../../api';
import { useApp } from '../../stores/app-store';
import { useListings } from '../../stores/listings-store';
import { createCheckClient, type CheckClient } from '../../workers/check-client';
import { DescriptionPreview } from './DescriptionPreview';
import { editorTiming, measureToNextFrame } from './editor-timing';
import { FindingsPanel, ReadyState } from './FindingsPanel';
import { useDismissals } from './use-dismissals';
import { HistoryChart } from './HistoryChart';
import { HighlightedTextArea, revealSpan } from './HighlightedTextArea';
import { fromFormValues, toFormValues, validateForm, type ListingFormValues } from './listing-form-model';
import { OfficialSitePanel } from './OfficialSitePanel';
import { saveDownload } from '../../download';
import { useWorkspaceText } from './workspace-messages';
import { formElementId, highlightsByField, stepFinding } from './workspace-model';

export const FORM_NAME = 'listing';
/** Typing pauses this long before a check (the worker is fast; this keeps bursts to one check). */
export const CHECK_DEBOUNCE_MS = 150;

interface Props {
  readOnly: boolean;
  onClose(): void;
}

function KeyValueList({
  name,
  t,
}: {
  name: (string | number)[];
  t: ReturnType<typeof useApp.getState>['t'];
}) {
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
              <Button
                type="text"
                size="small"
                icon={<MinusCircleOutlined />}
                aria-label={t.common.remove}
                onClick={() => remove(field.name)}
              />
            </Space>
          ))}
          <Button
            type="dashed"
            size="small"
            onClick={() => add({ key: '', value: '' })}
            icon={<PlusOutlined />}
          >
            {t.common.add}
          </Button>
        </>
      )}
    </Form.List>
  );
}

/**
 * The preview watches the description itself: were the editor to watch it, every keystroke would
 * re-render the whole form and the findings panel.
 */
function WatchedPreview({ form, label }: { form: FormInstance<ListingFormValues>; label: string }) {
  const description = (Form.useWatch('description', form) as string | undefined) ?? '';
  return <DescriptionPreview html={description} label={label} />;
}

/**
 * A callback with a stable identity that always runs the latest render's function: memoised
 * children (the findings panel) then skip re-rendering when only the editor did.
 */
function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}

const isTextTarget = (el: EventTarget | null) =>
  el instanceof HTMLTextAreaElement ||
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type)) ||
  (el instanceof HTMLElement && el.isContentEditable);

export function ListingForm({ readOnly, onClose }: Props) {
  const { t, locale } = useApp();
  const text = useWorkspaceText();
  const open = useListings((s) => s.editor !== null);
  const record = useListings((s) => s.editor?.record ?? null);
  const findings = useListings((s) => s.editor?.findings ?? noFindings);
  // The panel, ready state and exposure follow a check result in a later, interruptible render:
  // the highlights come first, and thousands of findings never make one long task.
  const panelFindings = useDeferredValue(findings);
  const findingsFor = useListings((s) => s.editor?.findingsFor ?? null);
  const dismissals = useDismissals(record?.localId ?? null, findingsFor, panelFindings);
  const checkMs = useListings((s) => s.editor?.checkMs ?? null);
  const verification = useListings((s) => s.editor?.verification ?? null);
  const history = useListings((s) => s.editor?.history ?? noRuns);
  const canUndo = useListings((s) => (s.editor?.undoStack.length ?? 0) > 0);
  const store = useListings.getState;
  const [form] = Form.useForm<ListingFormValues>();
  const [saving, setSaving] = useState(false);
  // The finding selected with F8 or a click, per editing session (a new session starts at none).
  const [selection, setSelection] = useState<{ session: string | null; index: number }>({
    session: null,
    index: -1,
  });
  const productPageUrl = Form.useWatch('productPageUrl', form) ?? '';
  const checker = useRef<CheckClient | null>(null);
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sessionKey = useListings((s) => s.editor && (s.editor.record?.localId ?? 'new'));
  const current = selection.session === sessionKey ? selection.index : -1;
  const setCurrent = (index: number) => setSelection({ session: sessionKey, index });

  // The checker lives as long as the editor is open.
  useEffect(() => {
    if (!open) return;
    const client = createCheckClient(
      (listing, result, ms) => {
        const arrived = performance.now();
        store().setFindings(listing, result, ms);
        measureToNextFrame(editorTiming.findingsToFrame, arrived);
      },
      (error) => message.error(error),
    );
    checker.current = client;
    return () => {
      clearTimeout(debounce.current);
      client.dispose();
      checker.current = null;
    };
  }, [open, store]);

  const checkNow = useCallback(() => {
    const editor = store().editor;
    if (!editor || !checker.current) return;
    checker.current.check(editor.draft, editor.verification ? { officialSite: editor.verification } : {});
  }, [store]);

  const scheduleCheck = useCallback(() => {
    clearTimeout(debounce.current);
    debounce.current = setTimeout(checkNow, CHECK_DEBOUNCE_MS);
  }, [checkNow]);

  // A new editing session: fill the form from the draft and check at once.
  useEffect(() => {
    if (!sessionKey) return;
    const editor = store().editor;
    if (!editor) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(editor.draft));
    checkNow();
  }, [sessionKey, form, store, checkNow]);

  // A new verification changes what the engine says about the official site.
  useEffect(() => {
    if (verification) checkNow();
  }, [verification, checkNow]);

  const base = record?.listing;
  const onValuesChange = () => {
    store().setDraft(fromFormValues(form.getFieldsValue(true) as ListingFormValues, base) as Listing);
    scheduleCheck();
  };

  /** After a fix or an undo the store holds the new listing: show it and check it now. */
  const showDraft = () => {
    const editor = store().editor;
    if (!editor) return;
    form.setFieldsValue(toFormValues(editor.draft));
    checkNow();
  };

  const highlights = useMemo(() => highlightsByField(findings), [findings]);
  const checkedText = (field: string) => (findingsFor ? getFieldText(findingsFor, field) : undefined);

  const jump = useStableCallback((index: number) => {
    const finding = findings[index];
    if (!finding) return;
    setCurrent(index);
    const id = formElementId(FORM_NAME, finding.field, form.getFieldsValue(true) as ListingFormValues);
    const el = id ? document.getElementById(id) : null;
    if (el) revealSpan(el, finding.start, finding.end);
  });

  const applyFix = useStableCallback((finding: Finding) => {
    const n = store().applyFix(finding);
    if (n === 0) return void message.warning(text.editor.staleFix);
    showDraft();
    message.success(text.editor.fixed(n));
  });

  const applyAll = useStableCallback((ruleId: Finding['ruleId']) => {
    const n = store().applyAllOfRule(ruleId);
    if (n === 0) return void message.warning(text.editor.staleFix);
    showDraft();
    message.success(text.editor.fixed(n));
  });

  const undo = () => {
    if (store().undo()) {
      showDraft();
      message.info(text.editor.undone);
    }
  };

  function validated(): Listing | null {
    const result = validateForm(form.getFieldsValue(true) as ListingFormValues, base);
    if (result.ok) return result.listing;
    form.setFields(result.errors.map((e) => ({ name: e.name as never, errors: [e.message] })));
    return null;
  }

  async function save(close: boolean) {
    try {
      await form.validateFields();
    } catch {
      message.error(t.form.fixErrors);
      return;
    }
    const listing = validated();
    if (!listing) {
      message.error(t.form.fixErrors);
      return;
    }
    setSaving(true);
    try {
      const { run } = await store().save(listing);
      message.success(
        close
          ? record
            ? t.listings.saved
            : t.listings.created
          : text.editor.savedChecked(run.counts.blockers),
      );
      if (close) onClose();
    } catch (error) {
      const msg =
        error instanceof ApiError && error.code === 'conflict'
          ? t.listings.conflict
          : error instanceof Error
            ? error.message
            : String(error);
      message.error(msg);
    } finally {
      setSaving(false);
    }
  }

  async function exportReport(format: 'html' | 'pdf') {
    const listing = validated();
    if (!listing) return void message.error(text.editor.invalidForReport);
    try {
      const report = await call('checks.report', {
        listing,
        format,
        locale,
        ...(record ? { localId: record.localId } : {}),
      });
      if (report.encoding === 'base64')
        saveDownload(
          report.fileName,
          Uint8Array.from(atob(report.content), (c) => c.charCodeAt(0)),
          report.mimeType,
        );
      else saveDownload(report.fileName, report.content, `${report.mimeType};charset=utf-8`);
    } catch (error) {
      if (
        format === 'pdf' &&
        error instanceof ApiError &&
        (error.details as { reason?: string } | undefined)?.reason === 'pdf-unavailable'
      ) {
        message.warning(`${error.message} ${text.editor.pdfUnavailable}`);
        return exportReport('html');
      }
      message.error(`${text.editor.reportFailed}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'F8' || (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp'))) {
      e.preventDefault();
      jump(stepFinding(current, findings.length, e.shiftKey || e.key === 'ArrowUp' ? -1 : 1));
    } else if (mod && e.key === '.') {
      e.preventDefault();
      const finding = findings[current];
      if (finding?.fix && !readOnly) applyFix(finding);
    } else if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      if (!readOnly) void save(false);
    } else if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey && !isTextTarget(e.target)) {
      e.preventDefault();
      undo();
    }
  };

  // The drawer is modal: its shortcuts work wherever the focus is in it (header buttons included).
  const keyHandler = useRef(onKeyDown);
  useEffect(() => {
    keyHandler.current = onKeyDown;
  });
  useEffect(() => {
    if (!open) return;
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [open]);

  const delistingFix = findings.find((f) => f.ruleId === 'delisting-strategy-missing' && f.fix);
  const exposure = useMemo(() => exposureOf(panelFindings), [panelFindings]);
  const required = [{ required: true, message: t.form.required }];
  const hl = (field: string) => ({
    highlights: highlights.get(field) ?? noHighlights,
    checkedText: checkedText(field),
    currentIndex: current,
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="min(1480px, 98vw)"
      title={record ? t.form.editTitle : t.form.createTitle}
      destroyOnHidden
      extra={
        <Space wrap>
          <Button icon={<UndoOutlined />} onClick={undo} disabled={!canUndo || readOnly}>
            {text.editor.undo}
          </Button>
          <Button onClick={onClose}>{t.common.cancel}</Button>
          <Button onClick={() => void save(false)} loading={saving} disabled={readOnly}>
            {text.editor.saveStay}
          </Button>
          <Button
            type="primary"
            onClick={() => void save(true)}
            loading={saving}
            disabled={readOnly}
            data-testid="listing-save"
          >
            {t.common.save}
          </Button>
        </Space>
      }
    >
      <div>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="shortcut-hint">
          {text.editor.shortcuts}
        </Typography.Paragraph>
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <Form
              form={form}
              name={FORM_NAME}
              layout="vertical"
              disabled={readOnly}
              onValuesChange={onValuesChange}
              aria-label={record ? t.form.editTitle : t.form.createTitle}
            >
              <Divider titlePlacement="start">{t.form.sections.basic}</Divider>
              <Form.Item name="title" label={t.form.title} rules={required}>
                <HighlightedTextArea rows={1} singleLine maxLength={200} {...hl('title')} />
              </Form.Item>
              <Space wrap>
                <Form.Item name="type" label={t.form.type} rules={required}>
                  <Select
                    style={{ width: 160 }}
                    options={listingTypes.map((v) => ({ value: v, label: t.types[v] }))}
                  />
                </Form.Item>
                <Form.Item name="id" label={t.form.id}>
                  <Input style={{ width: 240 }} />
                </Form.Item>
              </Space>
              <Form.Item name="summary" label={t.form.summary}>
                <HighlightedTextArea rows={2} {...hl('summary')} />
              </Form.Item>

              <Divider titlePlacement="start">{t.form.sections.price}</Divider>
              <Space wrap>
                <Form.Item name="priceAmount" label={t.form.priceAmount} rules={required}>
                  <InputNumber min={0} precision={2} style={{ width: 180 }} />
                </Form.Item>
                <Form.Item name="billing" label={t.form.billing} rules={required}>
                  <Select
                    style={{ width: 160 }}
                    options={billingKinds.map((v) => ({ value: v, label: t.billing[v] }))}
                  />
                </Form.Item>
              </Space>
              <Form.Item label={t.form.specs}>
                <Form.List name="specs">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <div
                          key={field.key}
                          style={{
                            border: '1px solid #f0f0f0',
                            padding: 12,
                            marginBottom: 8,
                            borderRadius: 6,
                          }}
                        >
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
                      <Button
                        type="dashed"
                        onClick={() => add({ name: '', price: 0, attributes: [] })}
                        icon={<PlusOutlined />}
                      >
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
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {text.editor.sourceHint}
              </Typography.Text>
              <Form.Item name="description" label={t.form.description} rules={required}>
                <HighlightedTextArea rows={12} testId="description-editor" {...hl('description')} />
              </Form.Item>
              <WatchedPreview form={form} label={text.editor.preview} />
              <Form.Item label={t.form.cases} style={{ marginTop: 16 }}>
                <Form.List name="cases">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Form.Item name={[field.name, 'title']} rules={required}>
                            <Input placeholder={t.form.caseTitle} aria-label={t.form.caseTitle} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'content']} rules={required}>
                            <HighlightedTextArea
                              placeholder={t.form.caseContent}
                              aria-label={t.form.caseContent}
                              rows={2}
                              style={{ width: 360 }}
                              {...hl(`cases[${field.name}].content`)}
                            />
                          </Form.Item>
                          <Button
                            type="text"
                            size="small"
                            icon={<MinusCircleOutlined />}
                            aria-label={t.common.remove}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      ))}
                      <Button
                        type="dashed"
                        onClick={() => add({ title: '', content: '' })}
                        icon={<PlusOutlined />}
                      >
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
                            <Input
                              placeholder={t.form.imageUrl}
                              aria-label={t.form.imageUrl}
                              style={{ width: 360 }}
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'alt']}>
                            <Input placeholder={t.form.imageAlt} aria-label={t.form.imageAlt} />
                          </Form.Item>
                          <Button
                            type="text"
                            size="small"
                            icon={<MinusCircleOutlined />}
                            aria-label={t.common.remove}
                            onClick={() => remove(field.name)}
                          />
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
              <OfficialSitePanel
                url={productPageUrl}
                verification={verification}
                readOnly={readOnly}
                onVerify={(url) => store().verifyOfficialSite(url)}
              />
              <Form.Item name="delistingStrategy" label={t.form.delistingStrategy} style={{ marginTop: 16 }}>
                <HighlightedTextArea rows={3} {...hl('delistingStrategy')} />
              </Form.Item>
              <Button
                size="small"
                style={{ marginTop: -16, marginBottom: 16 }}
                disabled={!delistingFix || readOnly}
                onClick={() => delistingFix && applyFix(delistingFix)}
              >
                {text.editor.delistingTemplate}
              </Button>
              <Form.Item name="serviceTerms" label={t.form.serviceTerms}>
                <HighlightedTextArea rows={3} {...hl('serviceTerms')} />
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
          </Col>
          <Col xs={24} lg={10}>
            <aside
              aria-label={text.editor.findings}
              style={{
                position: 'sticky',
                top: 0,
                maxHeight: 'calc(100vh - 120px)',
                overflow: 'auto',
                paddingRight: 4,
              }}
            >
              <ReadyState findings={panelFindings} exposure={exposure} checkMs={checkMs} />
              <Space wrap style={{ margin: '12px 0' }}>
                <Typography.Text strong>{text.editor.report}</Typography.Text>
                <Button size="small" onClick={() => void exportReport('html')}>
                  {text.editor.reportHtml}
                </Button>
                <Button size="small" onClick={() => void exportReport('pdf')}>
                  {text.editor.reportPdf}
                </Button>
              </Space>
              <Typography.Title level={4} style={{ marginTop: 8 }}>
                {text.editor.findings}
                {current >= 0 && findings.length ? (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, marginLeft: 8, fontWeight: 'normal' }}
                  >
                    {text.editor.current(current + 1, findings.length)}
                  </Typography.Text>
                ) : null}
              </Typography.Title>
              <FindingsPanel
                findings={dismissals.shown}
                current={current}
                readOnly={readOnly}
                onJump={jump}
                onFix={applyFix}
                onFixAll={applyAll}
                onDismiss={dismissals.dismiss}
                onRestore={dismissals.restore}
              />
              <Typography.Title level={4} style={{ marginTop: 16 }}>
                {text.editor.history.title}
              </Typography.Title>
              {history.length === 0 ? (
                <Typography.Text type="secondary">{text.editor.history.empty}</Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">
                    {text.editor.history.runs(history.length)}
                  </Typography.Text>
                  <HistoryChart runs={history} />
                </>
              )}
            </aside>
          </Col>
        </Row>
      </div>
    </Drawer>
  );
}

const noFindings: Finding[] = [];
const noRuns: never[] = [];
const noHighlights: never[] = [];
