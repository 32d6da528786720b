/**
 * Fixes and their undo in the listing editor. A fix in a CodeMirror field is a step of that
 * field's own history (Ctrl+Z in the field undoes it); the undo button undoes the last fix as
 * long as nothing was typed since in the fields it changed. A fix's spans are offsets into the
 * checked draft: an editor maps them through what was typed since (and refuses one whose text
 * changed), a plain field's must still fit its text.
 */
import type { FormInstance } from 'antd';
import { useState, type RefObject } from 'react';
import { applyEdits, getFieldText } from '../../../../shared/check/fields';
import type { Finding, TextEdit } from '../../../../shared/check/types';
import type { Listing } from '../../../../shared/listing/schema';
import { toFormValues, type ListingFormValues } from '../../features/listing-form/listing-form-model';
import type { TextEditorHandle } from '../../features/text-editor/TextEditor';
import { planFixes, resolveInListing } from './workspace-model';

/** One applied fix, as the undo button undoes it. */
interface FixRecord {
  /** Editors it changed, with their history depth right after the fix. */
  editors: { field: string; handle: TextEditorHandle; depth: number }[];
  /** Plain fields it changed: the text before and after. */
  plain: { field: string; before: string; after: string }[];
}
const UNDO_LIMIT = 100;
const noFixes: FixRecord[] = [];

interface Options {
  form: FormInstance<ListingFormValues>;
  sessionKey: string | null;
  /** The mounted CodeMirror editors by field path. */
  editors: RefObject<Map<string, TextEditorHandle>>;
  /** The form's listing now. */
  currentDraft(): Listing;
  /** The draft changed at once: the store takes it and it is checked. */
  onChanged(): void;
}

export function useListingFixes({ form, sessionKey, editors, currentDraft, onChanged }: Options) {
  // The applied fixes of this editing session, newest last (a new session starts with none).
  const [state, setState] = useState<{ session: string | null; stack: FixRecord[] }>({
    session: null,
    stack: noFixes,
  });
  const fixes = state.session === sessionKey ? state.stack : noFixes;
  const setFixes = (stack: FixRecord[]) => setState({ session: sessionKey, stack });

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

  /** Applies fixes of findings computed for `checked` in one step; returns how many applied. */
  const apply = (list: readonly Finding[], checked: Listing | null): number => {
    const plain = resolveInListing(currentDraft(), checked);
    const { edits, applied } = planFixes(
      list,
      (finding) => {
        const out: TextEdit[] = [];
        for (const e of finding.fix!.edits) {
          const handle = editors.current.get(e.field);
          if (!handle) {
            if (!plain(finding)) return null;
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
            if (finding.match !== undefined && handle.view.state.sliceDoc(s, t) !== finding.match)
              return null;
          }
          out.push({ ...e, start: from, end: to });
        }
        return out;
      },
      (field) => editors.current.get(field)?.view.state.doc.toString() ?? getFieldText(currentDraft(), field),
    );
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
    onChanged();
    return applied;
  };

  /** Undoes the last fix: 'undone', 'stale' (typed over since) or 'none'. */
  const undo = (): 'undone' | 'stale' | 'none' => {
    const record = fixes.at(-1);
    if (!record) return 'none';
    setFixes(fixes.slice(0, -1));
    const now = currentDraft();
    const edited =
      record.editors.some(
        (e) => editors.current.get(e.field) !== e.handle || e.handle.undoDepth() !== e.depth,
      ) || record.plain.some((p) => (getFieldText(now, p.field) ?? '') !== p.after);
    if (edited) return 'stale';
    for (const e of record.editors) e.handle.undo();
    applyPlain(record.plain.map((p) => ({ field: p.field, start: 0, end: p.after.length, text: p.before })));
    onChanged();
    return 'undone';
  };

  return { apply, undo, canUndo: fixes.length > 0 };
}
