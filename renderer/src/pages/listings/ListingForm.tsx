/**
 * The listing workspace: every §1 field (validated by the shared schema on save), checked live
 * in a worker as the user types, with highlighted spans, a findings panel (jump, fix one or all
 * of a rule, undo), exposure and ready state, official-site verification, check history and
 * the check report. The long texts are CodeMirror editors (TextEditor): a fix in one of them is a
 * step of its own history (Ctrl+Z in the field undoes it); the undo button and Ctrl+Z outside text
 * fields undo the last fix as long as nothing was typed since in the fields it changed.
 * Keyboard: F8 / Shift+F8, Ctrl+., Ctrl+S, Ctrl+Z outside text fields.
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
  Modal,
  Row,
  Select,
  Space,
  Typography,
  message,
  type FormInstance,
} from 'antd';
import {
  startTransition,
  useCallback,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
} from 'react';
import { applyEdits, getFieldText } from '../../../../shared/check/fields';
import type { Finding, TextEdit } from '../../../../shared/check/types';
import { exposureOf } from '../../../../shared/check/exposure';
import { billingKinds, listingTypes, type Listing } from '../../../../shared/listing/schema';
import { ApiError, call } from '../../api';
import { useApp } from '../../stores/app-store';
import { useListings } from '../../stores/listings-store';
import { createCheckClient, type CheckClient } from '../../workers/check-client';
import { DescriptionPreview } from './DescriptionPreview';
import { editorTiming, measureToNextFrame } from '../../features/text-editor/editor-timing';
import { FindingsPanel, ReadyState } from './FindingsPanel';
import { useDismissals } from './use-dismissals';
import { HistoryChart } from './HistoryChart';
import { HighlightedTextArea, revealSpan } from './HighlightedTextArea';
import {
  fromFormValues,
  toFormValues,
  validateForm,
  type ListingFormValues,
} from '../../features/listing-form/listing-form-model';
import { OfficialSitePanel } from './OfficialSitePanel';
import { saveDownload } from '../../download';
import {
  editorFindingsOfField,
  fixableOfRule,
  formElementId,
  highlightsByField,
  planFixes,
  resolveInListing,
  stepFinding,
} from './workspace-model';
import { TextEditor, type TextEditorHandle } from '../../features/text-editor/TextEditor';
import { createDraftAutosave } from '../../features/drafts/draft-autosave';
import { LONG_FIELD_CHARS, LongFieldNote } from '../../features/text-editor/long-field';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n/i18n';

export const FORM_NAME = 'listing';
/**
 * Typing pauses this long before a check. The worker re-checks only the edited region and drops
 * all but the newest waiting request, so this only merges key repeats into one check.
 */
export const CHECK_DEBOUNCE_MS = 10;
/** After typing pauses this long, the whole listing is checked again from scratch. */
export const FULL_CHECK_IDLE_MS = 1500;

/** One applied fix, as the undo button undoes it. */
interface FixRecord {
  /** Editors it changed, with their history depth right after the fix. */
  editors: { field: string; handle: TextEditorHandle; depth: number }[];
  /** Plain fields it changed: the text before and after. */
  plain: { field: string; before: string; after: string }[];
}
const UNDO_LIMIT = 100;

interface Props {
  readOnly: boolean;
  onClose(): void;
}

function KeyValueList({ name }: { name: (string | number)[] }) {
  const { t } = useTranslation();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field) => (
            <Space key={field.key} align="baseline" wrap>
              <Form.Item name={[field.name, 'key']} rules={[{ required: true, message: t('form.required') }]}>
                <Input placeholder={t('form.attrKey')} aria-label={t('form.attrKey')} />
              </Form.Item>
              <Form.Item name={[field.name, 'value']}>
                <Input placeholder={t('form.attrValue')} aria-label={t('form.attrValue')} />
              </Form.Item>
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
            size="small"
            onClick={() => add({ key: '', value: '' })}
            icon={<PlusOutlined />}
          >
            {t('common.add')}
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

interface CheckResult {
  findings: Finding[];
  findingsFor: Listing | null;
  checkMs: number | null;
}
const checkResultOf = (s: ReturnType<typeof useListings.getState>): CheckResult => ({
  findings: s.editor?.findings ?? noFindings,
  findingsFor: s.editor?.findingsFor ?? null,
  checkMs: s.editor?.checkMs ?? null,
});

/** The store's latest check result, taken into React as a transition. */
function useCheckResult(): CheckResult {
  const [result, setResult] = useState(() => checkResultOf(useListings.getState()));
  useEffect(
    () =>
      useListings.subscribe((s, prev) => {
        if (
          s.editor?.findings === prev.editor?.findings &&
          s.editor?.findingsFor === prev.editor?.findingsFor
        )
          return;
        const next = checkResultOf(s);
        startTransition(() => setResult(next));
      }),
    [],
  );
  return result;
}

/**
 * A CodeMirror field of the form whose marks come straight from the store: a check result reaches
 * the editor without rendering React, right when it lands.
 */
function EditorField({ field, ...props }: ComponentProps<typeof TextEditor> & { field: string }) {
  const locale = useApp((s) => s.locale);
  const handle = useRef<TextEditorHandle | null>(null);
  const { onHandle } = props;
  const onEditorHandle = useCallback(
    (h: TextEditorHandle | null) => {
      handle.current = h;
      onHandle?.(h);
      const editor = useListings.getState().editor;
      if (h && editor?.findingsFor)
        h.show(editorFindingsOfField(editor.findings, editor.findingsFor, field, locale));
    },
    [onHandle, field, locale],
  );
  useEffect(() => {
    const show = (s: ReturnType<typeof useListings.getState>) => {
      const e = s.editor;
      if (e?.findingsFor && handle.current)
        handle.current.show(editorFindingsOfField(e.findings, e.findingsFor, field, locale));
    };
    show(useListings.getState());
    return useListings.subscribe((s, prev) => {
      if (s.editor?.findings !== prev.editor?.findings || s.editor?.findingsFor !== prev.editor?.findingsFor)
        show(s);
    });
  }, [field, locale]);
  const length = typeof props.value === 'string' ? props.value.length : 0;
  const long = length > LONG_FIELD_CHARS;
  if (!long) return <TextEditor {...props} onHandle={onEditorHandle} />;
  return (
    <>
      <LongFieldNote length={length} />
      <TextEditor {...props} readOnly onHandle={onEditorHandle} />
    </>
  );
}

const isTextTarget = (el: EventTarget | null) =>
  el instanceof HTMLTextAreaElement ||
  (el instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(el.type)) ||
  (el instanceof HTMLElement && el.isContentEditable);

export function ListingForm({ readOnly, onClose }: Props) {
  const { locale } = useApp();
  const { t } = useTranslation(['workspace', 'common', 'drafts']);
  const open = useListings((s) => s.editor !== null);
  const record = useListings((s) => s.editor?.record ?? null);
  // A check result re-renders the form in a transition (interruptible: thousands of findings
  // never make one long task); the editors' marks do not wait for it (EditorField).
  const { findings, findingsFor, checkMs } = useCheckResult();
  const panelFindings = useDeferredValue(findings);
  const dismissals = useDismissals(record?.localId ?? null, findingsFor, panelFindings);
  const verification = useListings((s) => s.editor?.verification ?? null);
  const history = useListings((s) => s.editor?.history ?? noRuns);
  // The applied fixes of this editing session, newest last (a new session starts with none).
  const [fixState, setFixState] = useState<{ session: string | null; stack: FixRecord[] }>({
    session: null,
    stack: [],
  });
  /** The mounted CodeMirror editors by field path (for jumps and fixes). */
  const editors = useRef(new Map<string, TextEditorHandle>());
  const editorHandles = useRef(new Map<string, (h: TextEditorHandle | null) => void>());
  const registerEditor = (field: string) => {
    let register = editorHandles.current.get(field);
    if (!register) {
      register = (h) => (h ? editors.current.set(field, h) : editors.current.delete(field));
      editorHandles.current.set(field, register);
    }
    return register;
  };
  /** Which session each posted listing belongs to (a late result of a closed session is dropped). */
  const postedIn = useRef(new WeakMap<Listing, string>());
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
          reason: error instanceof Error ? error.message : String(error),
        }),
      });
    }),
  );
  const [modal, modalHolder] = Modal.useModal();
  const confirming = useRef(false);
  // The finding selected with F8 or a click, per editing session (a new session starts at none).
  const [selection, setSelection] = useState<{ session: string | null; index: number }>({
    session: null,
    index: -1,
  });
  const productPageUrl = Form.useWatch('productPageUrl', form) ?? '';
  const checker = useRef<CheckClient | null>(null);
  const debounce = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const fullCheck = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sessionKey = useListings((s) => s.editor && (s.editor.record?.localId ?? 'new'));
  const sessionRef = useRef(sessionKey);
  useLayoutEffect(() => {
    sessionRef.current = sessionKey;
  });
  const current = selection.session === sessionKey ? selection.index : -1;
  const fixes = fixState.session === sessionKey ? fixState.stack : noFixes;
  const setFixes = (stack: FixRecord[]) => setFixState({ session: sessionKey, stack });
  const canUndo = fixes.length > 0;
  const setCurrent = (index: number) => setSelection({ session: sessionKey, index });

  // The checker lives as long as the editor is open.
  useEffect(() => {
    if (!open) return;
    const client = createCheckClient(
      (listing, result, ms) => {
        if (postedIn.current.get(listing) !== sessionRef.current) return;
        const arrived = performance.now();
        store().setFindings(listing, result, ms);
        measureToNextFrame(editorTiming.findingsToFrame, arrived);
      },
      (error) => {
        message.error(error);
      },
    );
    checker.current = client;
    return () => {
      clearTimeout(debounce.current);
      clearTimeout(fullCheck.current);
      client.dispose();
      checker.current = null;
    };
  }, [open, store]);

  const checkNow = useCallback(
    (mode: 'incremental' | 'full' = 'full') => {
      const editor = store().editor;
      if (!editor || !checker.current || !sessionRef.current) return;
      postedIn.current.set(editor.draft, sessionRef.current);
      checker.current.check(
        editor.draft,
        editor.verification ? { officialSite: editor.verification } : {},
        mode,
      );
    },
    [store],
  );

  const scheduleCheck = useCallback(() => {
    clearTimeout(debounce.current);
    clearTimeout(fullCheck.current);
    debounce.current = setTimeout(() => checkNow('incremental'), CHECK_DEBOUNCE_MS);
    fullCheck.current = setTimeout(() => checkNow('full'), FULL_CHECK_IDLE_MS);
  }, [checkNow]);

  // A new editing session: fill the form from the draft and check at once.
  useEffect(() => {
    if (!sessionKey) return;
    const editor = store().editor;
    if (!editor) return;
    form.resetFields();
    form.setFieldsValue(toFormValues(editor.draft));
    dirty.current = editor.restored ?? false;
    checkNow();
  }, [sessionKey, form, store, checkNow]);

  // A new verification changes what the engine says about the official site.
  useEffect(() => {
    if (verification) checkNow();
  }, [verification, checkNow]);

  const base = record?.listing;
  /** The form's listing now (editors report every change to the form at once). */
  const currentDraft = () => fromFormValues(form.getFieldsValue(true) as ListingFormValues, base) as Listing;

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

  const onValuesChange = () => {
    store().setDraft(fromFormValues(form.getFieldsValue(true) as ListingFormValues, base) as Listing);
    markChanged();
    scheduleCheck();
  };

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

  /** After a fix or an undo: the store takes the form's listing, and it is checked now. */
  const commitDraft = () => {
    store().setDraft(currentDraft());
    markChanged();
    clearTimeout(debounce.current);
    checkNow('incremental');
    clearTimeout(fullCheck.current);
    fullCheck.current = setTimeout(() => checkNow('full'), FULL_CHECK_IDLE_MS);
  };

  /** Sets plain (non-editor) fields from edits, returning what each was before and after. */
  const applyPlain = (edits: TextEdit[]): FixRecord['plain'] => {
    if (edits.length === 0) return [];
    const before = currentDraft();
    const after = applyEdits(before, edits);
    form.setFieldsValue(toFormValues(after));
    return [...new Set(edits.map((e) => e.field))].map((field) => ({
      field,
      before: getFieldText(before, field) ?? '',
      after: getFieldText(after, field) ?? '',
    }));
  };

  /**
   * Applies fixes in one step: an editor field's edits are mapped through what was typed since the
   * check (and refused if the span's text changed), a plain field's must still fit its text.
   */
  const applyFixes = (list: readonly Finding[]): number => {
    const editor = store().editor;
    if (!editor) return 0;
    // The result the panel shows (the findings' offsets are into it), mapped to the text now.
    const checked = findingsFor;
    const plain = resolveInListing(editor.draft, checked);
    const { edits, applied } = planFixes(list, (finding) => {
      const out: TextEdit[] = [];
      for (const e of finding.fix!.edits) {
        const handle = editors.current.get(e.field);
        if (!handle) {
          const own = plain(finding);
          if (!own) return null;
          out.push(e);
          continue;
        }
        const base = checked ? getFieldText(checked, e.field) : undefined;
        if (base === undefined) return null;
        const from = handle.mapFrom(base, e.start, e.start === e.end ? -1 : 1);
        const to = handle.mapFrom(base, e.end, -1);
        if (from === null || to === null || to < from) return null;
        if (finding.field === e.field && finding.start !== undefined && finding.end !== undefined) {
          const s = handle.mapFrom(base, finding.start, 1)!;
          const t = handle.mapFrom(base, finding.end, -1)!;
          if (finding.match !== undefined && handle.view.state.sliceDoc(s, t) !== finding.match) return null;
        }
        out.push({ ...e, start: from, end: to });
      }
      return out;
    });
    if (applied === 0) return 0;
    const record: FixRecord = { editors: [], plain: [] };
    const plainEdits: TextEdit[] = [];
    const byField = new Map<string, TextEdit[]>();
    for (const e of edits) byField.set(e.field, [...(byField.get(e.field) ?? []), e]);
    for (const [field, fieldEdits] of byField) {
      const handle = editors.current.get(field);
      if (!handle) {
        plainEdits.push(...fieldEdits);
        continue;
      }
      handle.apply(fieldEdits.map((e) => ({ from: e.start, to: e.end, insert: e.text })));
      record.editors.push({ field, handle, depth: handle.undoDepth() });
    }
    record.plain = applyPlain(plainEdits);
    setFixes([...fixes, record].slice(-UNDO_LIMIT));
    commitDraft();
    return applied;
  };

  const highlights = useMemo(() => highlightsByField(findings), [findings]);
  const checkedText = (field: string) => (findingsFor ? getFieldText(findingsFor, field) : undefined);

  const jump = useStableCallback((index: number) => {
    const finding = findings[index];
    if (!finding) return;
    setCurrent(index);
    const handle = editors.current.get(finding.field);
    const base = findingsFor ? getFieldText(findingsFor, finding.field) : undefined;
    if (handle) {
      handle.view.dom.scrollIntoView({ block: 'center' });
      const from =
        base !== undefined && finding.start !== undefined ? handle.mapFrom(base, finding.start, 1) : null;
      const to =
        base !== undefined && finding.end !== undefined ? handle.mapFrom(base, finding.end, -1) : null;
      if (from !== null && to !== null) handle.reveal(from, to);
      else handle.view.focus();
      return;
    }
    const id = formElementId(FORM_NAME, finding.field, form.getFieldsValue(true) as ListingFormValues);
    const el = id ? document.getElementById(id) : null;
    if (el) revealSpan(el, finding.start, finding.end);
  });

  const applyFix = useStableCallback((finding: Finding) => {
    const n = applyFixes([finding]);
    if (n === 0) return void message.warning(t('editor.staleFix'));
    message.success(t('editor.fixed', { n }));
  });

  const applyAll = useStableCallback((ruleId: Finding['ruleId']) => {
    const n = applyFixes(fixableOfRule(findings, ruleId));
    if (n === 0) return void message.warning(t('editor.staleFix'));
    message.success(t('editor.fixed', { n }));
  });

  const fixAt = useStableCallback((index: number) => {
    const finding = findings[index];
    if (finding) applyFix(finding);
  });

  const undo = () => {
    const record = fixes.at(-1);
    if (!record) return;
    setFixes(fixes.slice(0, -1));
    const now = currentDraft();
    const edited =
      record.editors.some(
        (e) => editors.current.get(e.field) !== e.handle || e.handle.undoDepth() !== e.depth,
      ) || record.plain.some((p) => (getFieldText(now, p.field) ?? '') !== p.after);
    if (edited) return void message.warning(t('editor.undoStale'));
    for (const e of record.editors) e.handle.undo();
    applyPlain(record.plain.map((p) => ({ field: p.field, start: 0, end: p.after.length, text: p.before })));
    commitDraft();
    message.info(t('editor.undone'));
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
      message.error(`${t('editor.reportFailed')}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

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
  const required = [{ required: true, message: t('common:form.required') }];
  const hl = (field: string) => ({
    highlights: highlights.get(field) ?? noHighlights,
    checkedText: checkedText(field),
    currentIndex: current,
  });
  /** The props a CodeMirror field takes besides value / onChange / id (from Form.Item). */
  const ed = (field: string, label: string) => ({
    field,
    'aria-label': label,
    currentIndex: current,
    onFix: fixAt,
    fixText: t('editor.fix'),
    readOnly,
    onHandle: registerEditor(field),
  });

  return (
    <Drawer
      open={open}
      onClose={requestClose}
      keyboard={false}
      size="min(1480px, 98vw)"
      title={record ? t('common:form.editTitle') : t('common:form.createTitle')}
      destroyOnHidden
      extra={
        <Space wrap>
          <Button icon={<UndoOutlined />} onClick={undo} disabled={!canUndo || readOnly}>
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
            <Form
              form={form}
              name={FORM_NAME}
              layout="vertical"
              disabled={readOnly}
              onValuesChange={onValuesChange}
              aria-label={record ? t('common:form.editTitle') : t('common:form.createTitle')}
            >
              <Divider titlePlacement="start">{t('common:form.sections.basic')}</Divider>
              <Form.Item name="title" label={t('common:form.title')} rules={required}>
                <HighlightedTextArea rows={1} singleLine maxLength={200} {...hl('title')} />
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
                <HighlightedTextArea rows={2} {...hl('summary')} />
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
                          style={{
                            border: '1px solid #f0f0f0',
                            padding: 12,
                            marginBottom: 8,
                            borderRadius: 6,
                          }}
                        >
                          <Space align="baseline" wrap>
                            <Form.Item
                              name={[field.name, 'name']}
                              label={t('common:form.specName')}
                              rules={required}
                            >
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
                          <KeyValueList name={[field.name, 'attributes']} />
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
                <KeyValueList name={['attributes']} />
              </Form.Item>

              <Divider titlePlacement="start">{t('common:form.sections.content')}</Divider>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('editor.sourceHint')}
              </Typography.Text>
              <Form.Item name="description" label={t('common:form.description')} rules={required}>
                <EditorField
                  html
                  minRows={12}
                  maxRows={24}
                  testId="description-editor"
                  {...ed('description', t('common:form.description'))}
                />
              </Form.Item>
              <WatchedPreview form={form} label={t('editor.preview')} />
              <Form.Item label={t('common:form.cases')} style={{ marginTop: 16 }}>
                <Form.List name="cases">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Form.Item name={[field.name, 'title']} rules={required}>
                            <Input
                              placeholder={t('common:form.caseTitle')}
                              aria-label={t('common:form.caseTitle')}
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'content']} rules={required}>
                            <EditorField
                              placeholder={t('common:form.caseContent')}
                              minRows={2}
                              maxRows={10}
                              style={{ width: 360 }}
                              {...ed(`cases[${field.name}].content`, t('common:form.caseContent'))}
                            />
                          </Form.Item>
                          <Button
                            type="text"
                            size="small"
                            icon={<MinusCircleOutlined />}
                            aria-label={t('common:common.remove')}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      ))}
                      <Button
                        type="dashed"
                        onClick={() => add({ title: '', content: '' })}
                        icon={<PlusOutlined />}
                      >
                        {t('common:form.cases')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>
              <Form.Item label={t('common:form.images')}>
                <Form.List name="images">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" wrap>
                          <Form.Item name={[field.name, 'url']} rules={required}>
                            <Input
                              placeholder={t('common:form.imageUrl')}
                              aria-label={t('common:form.imageUrl')}
                              style={{ width: 360 }}
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'alt']}>
                            <Input
                              placeholder={t('common:form.imageAlt')}
                              aria-label={t('common:form.imageAlt')}
                            />
                          </Form.Item>
                          <Button
                            type="text"
                            size="small"
                            icon={<MinusCircleOutlined />}
                            aria-label={t('common:common.remove')}
                            onClick={() => remove(field.name)}
                          />
                        </Space>
                      ))}
                      <Button type="dashed" onClick={() => add({ url: '', alt: '' })} icon={<PlusOutlined />}>
                        {t('common:form.images')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Form.Item>

              <Divider titlePlacement="start">{t('common:form.sections.compliance')}</Divider>
              <Form.Item name="productPageUrl" label={t('common:form.productPageUrl')}>
                <Input placeholder="https://" />
              </Form.Item>
              <OfficialSitePanel
                url={productPageUrl}
                verification={verification}
                readOnly={readOnly}
                onVerify={(url) => store().verifyOfficialSite(url)}
              />
              <Form.Item
                name="delistingStrategy"
                label={t('common:form.delistingStrategy')}
                style={{ marginTop: 16 }}
              >
                <EditorField
                  minRows={3}
                  maxRows={10}
                  {...ed('delistingStrategy', t('common:form.delistingStrategy'))}
                />
              </Form.Item>
              <Button
                size="small"
                style={{ marginTop: -16, marginBottom: 16 }}
                disabled={!delistingFix || readOnly}
                onClick={() => delistingFix && applyFix(delistingFix)}
              >
                {t('editor.delistingTemplate')}
              </Button>
              <Form.Item name="serviceTerms" label={t('common:form.serviceTerms')}>
                <EditorField
                  minRows={3}
                  maxRows={10}
                  {...ed('serviceTerms', t('common:form.serviceTerms'))}
                />
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
          </Col>
          <Col xs={24} lg={10}>
            <aside
              aria-label={t('editor.findings')}
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
                <Typography.Text strong>{t('editor.report')}</Typography.Text>
                <Button size="small" onClick={() => void exportReport('html')}>
                  {t('editor.reportHtml')}
                </Button>
                <Button size="small" onClick={() => void exportReport('pdf')}>
                  {t('editor.reportPdf')}
                </Button>
              </Space>
              <Typography.Title level={4} style={{ marginTop: 8 }}>
                {t('editor.findings')}
                {current >= 0 && findings.length ? (
                  <Typography.Text
                    type="secondary"
                    style={{ fontSize: 12, marginLeft: 8, fontWeight: 'normal' }}
                  >
                    {t('editor.current', { i: current + 1, n: findings.length })}
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
                {t('editor.history.title')}
              </Typography.Title>
              {history.length === 0 ? (
                <Typography.Text type="secondary">{t('editor.history.empty')}</Typography.Text>
              ) : (
                <>
                  <Typography.Text type="secondary">
                    {t('editor.history.runs', { n: history.length })}
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
const noFixes: FixRecord[] = [];
const noRuns: never[] = [];
const noHighlights: never[] = [];
