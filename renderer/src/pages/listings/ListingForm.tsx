/**
 * The listing workspace: every §1 field (validated by the shared schema on save), checked live
 * in a worker as the user types, with highlighted spans, a findings panel (jump, fix one or all
 * of a rule, undo), exposure and ready state, official-site verification, check history and
 * the check report. This component composes the parts and owns what spans them — the form, the
 * mounted editors, closing with unsaved changes, saving, the keyboard:
 * F8 / Shift+F8, Ctrl+., Ctrl+S, Ctrl+Z outside text fields.
 *
 * Typing re-renders only the field typed in; a check result renders the findings column and the
 * fields that show findings (issue 12). Nothing here subscribes to the findings: what needs them
 * reads the store when it acts.
 */
import { UndoOutlined } from '@ant-design/icons';
import { Button, Col, Drawer, Form, Modal, Row, Space, Typography, message } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getFieldText } from '../../../../shared/check/fields';
import type { Finding } from '../../../../shared/check/types';
import type { Listing } from '../../../../shared/listing/schema';
import { ApiError, call } from '../../api';
import { saveDownload } from '../../download';
import { createDraftAutosave } from '../../features/drafts/draft-autosave';
import {
  fromFormValues,
  toFormValues,
  validateForm,
  type ListingFormValues,
} from '../../features/listing-form/listing-form-model';
import type { TextEditorHandle } from '../../features/text-editor/TextEditor';
import { i18n } from '../../i18n/i18n';
import { useApp } from '../../stores/app-store';
import { useListings } from '../../stores/listings-store';
import { FindingsSidebar } from './FindingsSidebar';
import { revealSpan } from './HighlightedTextArea';
import { FORM_NAME, ListingFields, type EditorProps } from './ListingFields';
import { useStableCallback } from './use-check-result';
import { useListingFixes } from './use-listing-fixes';
import { useLiveCheck } from './use-live-check';
import { fixableOfRule, formElementId, stepFinding } from './workspace-model';
import { errorText } from '../../features/errors/error-text';

export { FORM_NAME } from './ListingFields';
export { FULL_CHECK_IDLE_MS } from './use-live-check';

interface Props {
  readOnly: boolean;
  onClose(): void;
}

const NO_FOCUS_RETURN = { focusTriggerAfterClose: false } as const;

const isTextTarget = (el: EventTarget | null) =>
  el instanceof HTMLTextAreaElement ||
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type)) ||
  (el instanceof HTMLElement && el.isContentEditable);

export function ListingForm({ readOnly, onClose }: Props) {
  const locale = useApp((s) => s.locale);
  const { t } = useTranslation(['workspace', 'common', 'drafts']);
  const open = useListings((s) => s.editor !== null);
  const record = useListings((s) => s.editor?.record ?? null);
  const verification = useListings((s) => s.editor?.verification ?? null);
  const sessionKey = useListings((s) => s.editor && (s.editor.record?.localId ?? 'new'));
  const store = useListings.getState;
  const [form] = Form.useForm<ListingFormValues>();
  const [saving, setSaving] = useState(false);
  /** Changed since opened or last saved: closing asks first, and the draft is autosaved. */
  const dirty = useRef(false);
  const [autosave] = useState(() =>
    createDraftAutosave((error) => {
      message.warning({
        key: 'draft-autosave',
        content: i18n.t('drafts:autosaveFailed', {
          reason: errorText(error),
        }),
      });
    }),
  );
  const [modal, modalHolder] = Modal.useModal();
  const confirming = useRef(false);
  const live = useLiveCheck(open, sessionKey);

  /** The mounted CodeMirror editors by field path (for jumps and fixes). */
  const editors = useRef(new Map<string, TextEditorHandle>());
  const editorHandles = useRef(new Map<string, (h: TextEditorHandle | null) => void>());

  const base = record?.listing;
  /** Editors report typing to the form after its frame: anything that reads the form reports first. */
  const flushEditors = () => {
    for (const handle of editors.current.values()) handle.flush();
  };
  /** The form's listing now. */
  const currentDraft = () => {
    flushEditors();
    return fromFormValues(form.getFieldsValue(true) as ListingFormValues, base) as Listing;
  };

  /** Something changed: closing will ask, and the draft is autosaved a moment later. */
  const markChanged = () => {
    if (readOnly) return;
    dirty.current = true;
    const editing = record;
    autosave.schedule(() => {
      const listing = currentDraft();
      return {
        localId: editing?.localId ?? null,
        revision: editing?.revision ?? null,
        title: typeof listing.title === 'string' ? listing.title.slice(0, 200) : '',
        listing: listing as unknown as Record<string, unknown>,
        savedAt: new Date().toISOString(),
      };
    });
  };

  const onValuesChange = useStableCallback(() => {
    store().setDraft(currentDraft());
    markChanged();
    live.schedule();
  });

  const fixes = useListingFixes({
    form,
    sessionKey,
    editors,
    currentDraft,
    onChanged: () => {
      store().setDraft(currentDraft());
      markChanged();
      live.checkChange();
    },
  });

  // A new editing session: fill the form from the draft and check at once.
  useEffect(() => {
    if (!sessionKey) return;
    const editor = store().editor;
    if (!editor) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(editor.draft));
    dirty.current = editor.restored ?? false;
    live.checkNow();
  }, [sessionKey, form, store, live]);

  // A new verification changes what the engine says about the official site.
  useEffect(() => {
    if (verification) live.checkNow();
  }, [verification, live]);

  // A window closing (or reloading) with an autosave still waiting writes it first.
  useEffect(() => {
    if (!open) return;
    const onHide = () => void autosave.flush();
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      void autosave.flush();
      e.preventDefault();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [open, autosave]);

  const discardAndClose = async () => {
    dirty.current = false;
    await autosave.discard();
    onClose();
  };

  /** Esc, ×, Cancel and a click beside the drawer: unsaved changes ask first (save / discard / keep editing). */
  const requestClose = () => {
    flushEditors();
    if (!dirty.current || readOnly) return onClose();
    if (confirming.current) return;
    confirming.current = true;
    const instance = modal.confirm({
      title: t('drafts:confirmTitle'),
      content: t('drafts:confirmContent'),
      closable: true,
      afterClose: () => {
        confirming.current = false;
      },
      footer: () => (
        <Space
          style={{ display: 'flex', justifyContent: 'flex-end', marginTop: 16 }}
          data-testid="unsaved-confirm"
        >
          <Button onClick={() => instance.destroy()}>{t('drafts:keepEditing')}</Button>
          <Button
            danger
            onClick={() => {
              instance.destroy();
              void discardAndClose();
            }}
          >
            {t('drafts:discard')}
          </Button>
          <Button
            type="primary"
            onClick={() => {
              instance.destroy();
              void save(true);
            }}
          >
            {t('drafts:save')}
          </Button>
        </Space>
      ),
    });
  };

  const reportFixed = (n: number) =>
    n === 0 ? void message.warning(t('editor.staleFix')) : void message.success(t('editor.fixed', { n }));

  const applyFixes = useStableCallback((list: readonly Finding[], checked: Listing | null) =>
    reportFixed(fixes.apply(list, checked)),
  );
  const applyAll = useStableCallback(
    (ruleId: Finding['ruleId'], findings: readonly Finding[], checked: Listing | null) =>
      reportFixed(fixes.apply(fixableOfRule(findings, ruleId), checked)),
  );
  /** A fix from an editor's tooltip: its index is into the latest result (what the editors show). */
  const fixAt = useStableCallback((index: number) => {
    const editor = store().editor;
    const finding = editor?.findings[index];
    if (finding) applyFixes([finding], editor.findingsFor);
  });
  const delistingTemplate = useStableCallback(() => {
    const editor = store().editor;
    const finding = editor?.findings.find((f) => f.ruleId === 'delisting-strategy-missing' && f.fix);
    if (editor && finding) applyFixes([finding], editor.findingsFor);
  });

  const undo = () => {
    const outcome = fixes.undo();
    if (outcome === 'stale') message.warning(t('editor.undoStale'));
    if (outcome === 'undone') message.info(t('editor.undone'));
  };

  const jump = useStableCallback((index: number, finding: Finding, checked: Listing | null) => {
    store().select(index);
    const handle = editors.current.get(finding.field);
    const text = checked ? getFieldText(checked, finding.field) : undefined;
    if (handle) {
      handle.view.dom.scrollIntoView({ block: 'center' });
      const from =
        text !== undefined && finding.start !== undefined ? handle.mapFrom(text, finding.start, 1) : null;
      const to =
        text !== undefined && finding.end !== undefined ? handle.mapFrom(text, finding.end, -1) : null;
      if (from !== null && to !== null) handle.reveal(from, to);
      else handle.view.focus();
      return;
    }
    const id = formElementId(FORM_NAME, finding.field, form.getFieldsValue(true) as ListingFormValues);
    const el = id ? document.getElementById(id) : null;
    if (el) revealSpan(el, finding.start, finding.end);
  });

  function validated(): Listing | null {
    const result = validateForm(form.getFieldsValue(true) as ListingFormValues, base);
    if (result.ok) return result.listing;
    form.setFields(result.errors.map((e) => ({ name: e.name as never, errors: [e.message] })));
    return null;
  }

  async function save(close: boolean) {
    flushEditors();
    try {
      await form.validateFields();
    } catch {
      message.error(t('common:form.fixErrors'));
      return;
    }
    const listing = validated();
    if (!listing) {
      message.error(t('common:form.fixErrors'));
      return;
    }
    setSaving(true);
    try {
      const { run } = await store().save(listing);
      dirty.current = false;
      await autosave.discard();
      message.success(
        close
          ? record
            ? t('common:listings.saved')
            : t('common:listings.created')
          : t('editor.savedChecked', { b: run.counts.blockers }),
      );
      if (close) onClose();
    } catch (error) {
      const msg =
        error instanceof ApiError && error.code === 'conflict'
          ? t('common:listings.conflict')
          : errorText(error);
      message.error(msg);
    } finally {
      setSaving(false);
    }
  }

  async function exportReport(format: 'html' | 'pdf'): Promise<void> {
    const listing = validated();
    if (!listing) return void message.error(t('editor.invalidForReport'));
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
        message.warning(`${error.message} ${t('editor.pdfUnavailable')}`);
        return exportReport('html');
      }
      message.error(`${t('editor.reportFailed')}: ${errorText(error)}`);
    }
  }
  const onReport = useStableCallback((format: 'html' | 'pdf') => void exportReport(format));

  const onKeyDown = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    // Esc closes the drawer through the unsaved-changes question (not while that question, a
    // dropdown or another dialog is open: their own Esc closes them).
    if (e.key === 'Escape') {
      if (
        !confirming.current &&
        !e.defaultPrevented &&
        !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      )
        requestClose();
      return;
    }
    const editor = store().editor;
    if (!editor) return;
    if (e.key === 'F8' || (e.altKey && (e.key === 'ArrowDown' || e.key === 'ArrowUp'))) {
      e.preventDefault();
      const index = stepFinding(
        editor.selected,
        editor.findings.length,
        e.shiftKey || e.key === 'ArrowUp' ? -1 : 1,
      );
      const finding = editor.findings[index];
      if (finding) jump(index, finding, editor.findingsFor);
    } else if (mod && e.key === '.') {
      e.preventDefault();
      const finding = editor.findings[editor.selected];
      if (finding?.fix && !readOnly) applyFixes([finding], editor.findingsFor);
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

  const fixText = t('editor.fix');
  /** The props of each CodeMirror field (one handle registration per field path). */
  const editorProps = useCallback(
    (field: string, label: string): EditorProps => {
      let onHandle = editorHandles.current.get(field);
      if (!onHandle) {
        onHandle = (h) => (h ? editors.current.set(field, h) : editors.current.delete(field));
        editorHandles.current.set(field, onHandle);
      }
      return { field, 'aria-label': label, onFix: fixAt, fixText, readOnly, onHandle };
    },
    [fixAt, fixText, readOnly],
  );
  const title = record ? t('common:form.editTitle') : t('common:form.createTitle');

  return (
    <Drawer
      open={open}
      onClose={requestClose}
      // The page gives the focus back as the editor closes (ListingsPage): not again at the end
      // of the closing animation, when the user may have moved on.
      focusable={NO_FOCUS_RETURN}
      keyboard={false}
      size="min(1480px, 98vw)"
      title={title}
      destroyOnHidden
      extra={
        <Space wrap>
          <Button icon={<UndoOutlined />} onClick={undo} disabled={!fixes.canUndo || readOnly}>
            {t('editor.undo')}
          </Button>
          <Button onClick={requestClose}>{t('common:common.cancel')}</Button>
          <Button onClick={() => void save(false)} loading={saving} disabled={readOnly}>
            {t('editor.saveStay')}
          </Button>
          <Button
            type="primary"
            onClick={() => void save(true)}
            loading={saving}
            disabled={readOnly}
            data-testid="listing-save"
          >
            {t('common:common.save')}
          </Button>
        </Space>
      }
    >
      <div>
        {modalHolder}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }} data-testid="shortcut-hint">
          {t('editor.shortcuts')}
        </Typography.Paragraph>
        <Row gutter={24}>
          <Col xs={24} lg={14}>
            <ListingFields
              form={form}
              readOnly={readOnly}
              ariaLabel={title}
              onValuesChange={onValuesChange}
              editorProps={editorProps}
              onDelistingTemplate={delistingTemplate}
            />
          </Col>
          <Col xs={24} lg={10}>
            <FindingsSidebar
              readOnly={readOnly}
              onJump={jump}
              onFix={applyFixes}
              onFixAll={applyAll}
              onReport={onReport}
            />
          </Col>
        </Row>
      </div>
    </Drawer>
  );
}
