/**
 * A CodeMirror 6 editor for long texts (the listing's HTML description, cases, terms): only the
 * visible lines are laid out, lines wrap, undo/redo is CodeMirror's history (fixes applied through
 * the handle are undoable steps of it), IME composition is left alone. Findings are marks
 * (finding-marks.ts) that move with the text until the next check lands, with a tooltip holding the
 * fix. Works as an antd Form control (value / onChange / id); the editor is created once per
 * mount and the value is only pushed into it when it differs from what the editor itself reported.
 *
 * Typing reports to `onChange` once the keystroke's frame is painted (coalesced: one report per
 * frame however many keys came in it), not in the keystroke's own task: the form's update, its
 * React render and the live check it starts cost ~5 ms, which on the keystroke's path made every
 * keystroke miss its frame. `handle.flush()` reports at once (save, close, a fix reading the form).
 */
import { history, historyKeymap, defaultKeymap, undo, undoDepth, isolateHistory } from '@codemirror/commands';
import { htmlLanguage } from '@codemirror/lang-html';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import {
  Annotation,
  Compartment,
  EditorState,
  StateEffect,
  StateField,
  Transaction,
  type Extension,
} from '@codemirror/state';
import {
  Decoration,
  EditorView,
  keymap,
  hoverTooltip,
  placeholder as placeholderExt,
  type DecorationSet,
} from '@codemirror/view';
import { tags } from '@lezer/highlight';
import { theme as antTheme } from 'antd';
import { useEffect, useMemo, useRef, type CSSProperties } from 'react';
import {
  findingMarksAt,
  findingMarksCount,
  findingMarksField,
  setFindingMarks,
  type FindingMark,
} from './finding-marks';
import { afterNextPaint } from './editor-timing';
import { TextVersions } from './text-versions';

export type { MarkSeverity as FindingSeverity } from './finding-marks';
/** A finding with offsets into `EditorFindings.forText`. */
export type EditorFinding = FindingMark;

export interface EditorFindings {
  /** The text the findings were computed for (a recent text of this editor). */
  forText: string;
  items: readonly EditorFinding[];
}

export interface TextEdit {
  from: number;
  to: number;
  insert: string;
}

/** What the form does with a mounted editor: reveal a span, apply fixes, undo them. */
export interface TextEditorHandle {
  readonly view: EditorView;
  /** Maps an offset in a recent text of this editor onto the current document (null: unknown text). */
  mapFrom(text: string, pos: number, assoc?: -1 | 1): number | null;
  /** Selects [from, to) of the current document, scrolls it to the middle and focuses. */
  reveal(from: number, to: number): void;
  /** Applies non-overlapping edits (current offsets) as one undoable step. */
  apply(edits: readonly TextEdit[], userEvent?: string): void;
  undoDepth(): number;
  undo(): boolean;
  /** Shows findings without a React render (what the `findings` prop does). */
  show(findings: EditorFindings): void;
  /** Reports a change still waiting for the frame to `onChange` now. */
  flush(): void;
}

interface Props {
  /** Injected by Form.Item; put on the editable element so the item's label points at it. */
  id?: string;
  value?: string;
  onChange?: (value: string) => void;
  /** Injected by a Form.Item that validates on blur. */
  onBlur?: () => void;
  'aria-label': string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean | 'true' | 'false';
  placeholder?: string;
  findings?: EditorFindings;
  /** The finding selected in the panel (by index); it gets an outline. */
  currentIndex?: number;
  onFix?: (index: number) => void;
  /** Labels of the tooltip's fix button (`fix: label`). */
  fixText?: string;
  readOnly?: boolean;
  /** The source is HTML (syntax colours); plain text otherwise. */
  html?: boolean;
  minRows?: number;
  maxRows?: number;
  testId?: string;
  style?: CSSProperties;
  onHandle?: (handle: TextEditorHandle | null) => void;
}

const LINE = 22;
/** How many reported texts are recognised when the form renders them back. */
const SENT_KEPT = 16;

/**
 * The editor's width comes from its container, never from its text. Without this, every
 * keystroke made the form's flex items (antd's `.ant-form-item-control-input-content` is
 * `flex: auto`) measure the max-content width of every rendered line — re-breaking and shaping
 * the visible text, 3–5 ms of the forced layout CodeMirror's selection update triggers on a
 * 100 KB description; contained, that layout is about half a millisecond.
 */
const hostStyle: CSSProperties = { contain: 'inline-size' };

/** A document replaced from outside (the form's value): not reported back as a change. */
const external = Annotation.define<boolean>();

/** The tooltip at a mark: each finding's message and, when it has one, its fix as a button. */
function findingTooltip(fixText: () => string, onFix: (index: number) => void, readOnly: () => boolean) {
  return hoverTooltip((view, pos, side) => {
    const marks = findingMarksAt(view.state, pos, side);
    if (marks.length === 0) return null;
    return {
      pos: Math.min(...marks.map((m) => m.from)),
      end: Math.max(...marks.map((m) => m.to)),
      above: true,
      create() {
        const list = document.createElement('ul');
        list.className = 'cm-tooltip-finding';
        for (const m of marks) {
          const item = list.appendChild(document.createElement('li'));
          item.className = `cm-tooltip-finding-${m.severity}`;
          item.appendChild(document.createElement('span')).textContent = m.message;
          if (m.fixLabel && !readOnly()) {
            const button = item.appendChild(document.createElement('button'));
            button.type = 'button';
            button.className = 'cm-finding-fix';
            button.textContent = `${fixText()}: ${m.fixLabel}`;
            button.onclick = (e) => {
              e.preventDefault();
              onFix(m.index);
            };
          }
        }
        return { dom: list };
      },
    };
  });
}

// The current finding: one mark, mapped through edits like the diagnostics.
const setCurrent = StateEffect.define<{ from: number; to: number } | null>();
const currentField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const e of tr.effects)
      if (e.is(setCurrent))
        next =
          e.value && e.value.to > e.value.from
            ? Decoration.set(Decoration.mark({ class: 'cm-finding-current' }).range(e.value.from, e.value.to))
            : Decoration.none;
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

const sameMark = (a: EditorFinding, b: EditorFinding) =>
  a.from === b.from &&
  a.to === b.to &&
  a.severity === b.severity &&
  a.index === b.index &&
  a.message === b.message &&
  a.fixLabel === b.fixLabel;

/** The same findings of the same text. */
function sameFindings(a: EditorFindings, b: EditorFindings): boolean {
  return (
    a.forText === b.forText &&
    a.items.length === b.items.length &&
    a.items.every((m, i) => sameMark(m, b.items[i]!))
  );
}

/** Syntax colours with at least 4.5:1 contrast on white (the default style's red does not). */
const sourceHighlight = HighlightStyle.define([
  { tag: [tags.tagName, tags.angleBracket], color: '#116329' },
  { tag: tags.attributeName, color: '#0550ae' },
  { tag: tags.attributeValue, color: '#0a3069' },
  { tag: tags.comment, color: '#57606a', fontStyle: 'italic' },
  { tag: [tags.processingInstruction, tags.documentMeta], color: '#6639ba' },
  { tag: tags.invalid, color: '#a40e26' },
]);

type Token = ReturnType<typeof antTheme.useToken>['token'];

function themeFrom(token: Token, minRows: number, maxRows: number): Extension {
  return EditorView.theme({
    '&': {
      fontSize: `${token.fontSize}px`,
      color: token.colorText,
      backgroundColor: token.colorBgContainer,
      border: `${token.lineWidth}px solid ${token.colorBorder}`,
      borderRadius: `${token.borderRadius}px`,
    },
    '&.cm-focused': {
      outline: 'none',
      borderColor: token.colorPrimary,
      boxShadow: `0 0 0 2px ${token.colorPrimaryBg}`,
    },
    '.cm-scroller': {
      fontFamily: token.fontFamily,
      lineHeight: `${LINE}px`,
      minHeight: `${minRows * LINE + 8}px`,
      maxHeight: `${maxRows * LINE + 8}px`,
      overflow: 'auto',
    },
    '.cm-content': { padding: '4px 0', caretColor: token.colorText },
    // Each line paints on its own: a keystroke re-records the line it changed, not every line
    // of the viewport (halves the paint of a frame on a 100 KB description). Nothing a line
    // draws may leave its box, hence the current finding's inset ring rather than an outline.
    '.cm-line': { padding: '0 11px', contain: 'paint' },
    '.cm-placeholder': { color: token.colorTextPlaceholder },
    '.cm-finding-blocker': { backgroundColor: 'rgba(255, 77, 79, 0.22)' },
    '.cm-finding-warning': { backgroundColor: 'rgba(250, 173, 20, 0.28)' },
    '.cm-finding-info': { backgroundColor: 'rgba(22, 119, 255, 0.14)' },
    '.cm-finding-current': { boxShadow: `inset 0 0 0 2px ${token.colorPrimary}`, borderRadius: '2px' },
    '.cm-tooltip-finding': {
      fontFamily: token.fontFamily,
      maxWidth: '420px',
      margin: 0,
      padding: '4px 8px',
      listStyle: 'none',
    },
    '.cm-tooltip-finding > li': { padding: '2px 0 2px 6px', borderLeft: '3px solid' },
    '.cm-tooltip-finding-blocker': { borderLeftColor: token.colorError },
    '.cm-tooltip-finding-warning': { borderLeftColor: token.colorWarning },
    '.cm-tooltip-finding-info': { borderLeftColor: token.colorInfo },
    '.cm-finding-fix': {
      display: 'block',
      marginTop: '4px',
      border: 'none',
      cursor: 'pointer',
      padding: '2px 8px',
      backgroundColor: token.colorPrimary,
      color: token.colorTextLightSolid,
      borderRadius: `${token.borderRadiusSM}px`,
    },
    '&.cm-editor.cm-readonly': { backgroundColor: token.colorBgContainerDisabled },
  });
}

export function TextEditor(props: Props) {
  const {
    id,
    value = '',
    findings,
    currentIndex,
    readOnly = false,
    html = false,
    minRows = 3,
    maxRows = 12,
    testId,
    style,
    placeholder,
  } = props;
  const { token } = antTheme.useToken();
  const host = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const versions = useRef<TextVersions | null>(null);
  /** The last text this editor reported (a value prop equal to it is not pushed back). */
  const reported = useRef(value);
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  /** A change typed since the last report to onChange (reported after the frame, or on flush). */
  const unreported = useRef(false);
  /**
   * The texts last handed to onChange. The form renders each one back as `value` a moment later;
   * by then more may have been typed, so an older text of ours coming back is an echo, not a value
   * from outside (pushing it in would drop what was typed since).
   */
  const sent = useRef<string[]>([]);
  /** Findings that arrived during an IME composition, applied when it ends. */
  const pendingFindings = useRef<EditorFindings | null>(null);
  /** The findings shown last (the current-finding outline is looked up in them). */
  const shown = useRef<EditorFindings | undefined>(findings);
  /** The findings last put on the document, and that document (an equal result on it changes nothing). */
  const applied = useRef<{ findings: EditorFindings; doc: EditorState['doc'] } | null>(null);
  const compartments = useMemo(
    () => ({
      theme: new Compartment(),
      readOnly: new Compartment(),
      attrs: new Compartment(),
      lang: new Compartment(),
    }),
    [],
  );

  const contentAttrs = () => {
    const p = latest.current;
    const attrs: Record<string, string> = { 'aria-label': p['aria-label'], spellcheck: 'false' };
    if (p.id) attrs.id = p.id;
    if (p['aria-describedby']) attrs['aria-describedby'] = p['aria-describedby'];
    if (p['aria-invalid'] !== undefined) attrs['aria-invalid'] = String(p['aria-invalid']);
    if (p.readOnly) attrs['aria-readonly'] = 'true';
    return EditorView.contentAttributes.of(attrs);
  };

  // Creates the editor once; later props reach it through compartments and effects.
  useEffect(() => {
    const parent = host.current!;
    const v = new TextVersions(value);
    versions.current = v;
    const view = new EditorView({
      parent,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap]),
          highlightSelectionMatches(),
          EditorView.lineWrapping,
          currentField,
          findingMarksField,
          findingTooltip(
            () => latest.current.fixText ?? 'Fix',
            (index) => latest.current.onFix?.(index),
            () => latest.current.readOnly ?? false,
          ),
          syntaxHighlighting(sourceHighlight),
          compartments.lang.of(html ? htmlLanguage : []),
          compartments.theme.of(themeFrom(token, minRows, maxRows)),
          compartments.readOnly.of([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
          compartments.attrs.of(contentAttrs()),
          placeholder ? placeholderExt(placeholder) : [],
          EditorView.updateListener.of((update) => {
            if (update.docChanged && !update.transactions.some((t) => t.annotation(external))) {
              const text = update.state.doc.toString();
              v.push(update.changes, text);
              reported.current = text;
              parent.dataset.highlightsFor = 'mapped';
              if (!unreported.current) {
                unreported.current = true;
                afterNextPaint(report);
              }
            }
            if (!update.view.composing && pendingFindings.current) {
              const f = pendingFindings.current;
              pendingFindings.current = null;
              queueMicrotask(() => showFindings(f));
            }
          }),
          EditorView.domEventHandlers({
            blur: () => {
              report();
              latest.current.onBlur?.();
            },
            compositionend: (_e, view) => {
              if (pendingFindings.current) {
                const f = pendingFindings.current;
                pendingFindings.current = null;
                setTimeout(() => !view.composing && showFindings(f));
              }
            },
          }),
        ],
      }),
    });
    viewRef.current = view;
    /** Tells the form the current text, if it has not been told yet. */
    function report(): void {
      if (!unreported.current || viewRef.current !== view) return;
      unreported.current = false;
      sent.current.push(reported.current);
      if (sent.current.length > SENT_KEPT) sent.current.shift();
      latest.current.onChange?.(reported.current);
    }
    const handle: TextEditorHandle = {
      view,
      mapFrom(text, pos, assoc = 1) {
        const since = v.since(text);
        return since ? since.mapPos(Math.min(pos, since.length), assoc) : null;
      },
      reveal(from, to) {
        const len = view.state.doc.length;
        const anchor = Math.min(from, len);
        const head = Math.min(to, len);
        view.dispatch({
          selection: { anchor, head },
          effects: EditorView.scrollIntoView(anchor, { y: 'center' }),
        });
        view.focus();
      },
      apply(edits, userEvent = 'input.fix') {
        if (edits.length === 0) return;
        view.dispatch({
          changes: [...edits].sort((a, b) => a.from - b.from),
          annotations: isolateHistory.of('full'),
          userEvent,
          scrollIntoView: false,
        });
      },
      undoDepth: () => undoDepth(view.state),
      undo: () => undo(view),
      show: (f) => {
        shown.current = f;
        showFindings(f);
      },
      flush: report,
    };
    latest.current.onHandle?.(handle);
    return () => {
      report();
      latest.current.onHandle?.(null);
      view.destroy();
      viewRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- created once; props flow in below
  }, []);

  // A value that did not come from the editor (a new session, a fix in another field's form
  // reset): replace the document and start a new history.
  useEffect(() => {
    const view = viewRef.current;
    if (!view || value === reported.current || value === view.state.doc.toString()) return;
    if (sent.current.includes(value)) return;
    // The form's value wins: what was typed before it came is not reported over it.
    unreported.current = false;
    sent.current = [];
    reported.current = value;
    applied.current = null;
    view.dispatch({
      changes: { from: 0, to: view.state.doc.length, insert: value },
      annotations: [external.of(true), Transaction.addToHistory.of(false)],
    });
    versions.current!.reset(value);
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: [
        compartments.theme.reconfigure(themeFrom(token, minRows, maxRows)),
        compartments.readOnly.reconfigure([
          EditorState.readOnly.of(readOnly),
          EditorView.editable.of(!readOnly),
        ]),
        compartments.attrs.reconfigure(contentAttrs()),
        compartments.lang.reconfigure(html ? htmlLanguage : []),
      ],
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    token,
    minRows,
    maxRows,
    readOnly,
    html,
    id,
    props['aria-label'],
    props['aria-describedby'],
    props['aria-invalid'],
  ]);

  /** Puts findings computed for a recent text onto the current document. */
  function showFindings(f: EditorFindings): void {
    const view = viewRef.current;
    const v = versions.current;
    if (!view || !v) return;
    if (view.composing) {
      pendingFindings.current = f;
      return;
    }
    const since = v.since(f.forText);
    if (!since) return; // for a text this editor no longer knows: the next check replaces it
    const parent = host.current!;
    if (applied.current?.doc === view.state.doc && sameFindings(applied.current.findings, f)) {
      // A result for another field's edit: these marks are in place on this very document (a
      // view update here would redraw nothing but still re-set the DOM selection).
      parent.dataset.highlightsFor = f.forText === v.current ? 'current' : 'mapped';
      return;
    }
    // One transaction for the marks and the current finding's outline: each view update that
    // redraws the line under the cursor re-sets the DOM selection, a forced layout.
    view.dispatch({ effects: [setFindingMarks.of({ items: f.items, since }), currentOf(f, v)] });
    applied.current = { findings: f, doc: view.state.doc };
    parent.dataset.highlights = String(findingMarksCount(view.state));
    parent.dataset.highlightsFor = f.forText === v.current ? 'current' : 'mapped';
  }

  /** The outline of the finding selected in the panel, placed on the current document. */
  function currentOf(f: EditorFindings | undefined, v: TextVersions) {
    const item = f?.items.find((i) => i.index === latest.current.currentIndex);
    const since = f && item ? v.since(f.forText) : null;
    const range = since && item ? { from: since.mapPos(item.from, 1), to: since.mapPos(item.to, -1) } : null;
    return setCurrent.of(range);
  }

  function showCurrent(f: EditorFindings | undefined): void {
    const view = viewRef.current;
    const v = versions.current;
    if (view && v) view.dispatch({ effects: currentOf(f, v) });
  }

  useEffect(() => {
    if (!findings) return;
    shown.current = findings;
    showFindings(findings);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [findings]);

  useEffect(() => {
    showCurrent(shown.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- reads refs; runs when the selection moves
  }, [currentIndex]);

  return (
    <div
      ref={host}
      data-testid={testId}
      data-highlights={0}
      data-highlights-for="none"
      style={{ ...hostStyle, ...style }}
      className="vd-text-editor"
    />
  );
}
