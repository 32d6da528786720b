/**
 * The findings of a check as marks in a CodeMirror document, built so that a new check result
 * costs what changed rather than what is shown (issue 12).
 *
 * Why not @codemirror/lint: its decorations carry the diagnostic in their spec, so no two results
 * compare equal and every check result re-draws every visible mark (and re-sets the DOM selection,
 * which forces a layout) — 2,500 marks on a 100 KB text made each check a 200 ms task. Here every
 * mark of one severity is the same decoration; CodeMirror's decoration diff then leaves an
 * unchanged mark's DOM alone, so a keystroke that changes one finding re-draws one mark. The
 * findings themselves stay in the field beside the marks, with the edits made since they were
 * placed, and are looked up only where the tooltip asks: a result allocates one range per mark
 * and nothing else that outlives it (a result per keystroke, thousands of marks: what survives
 * is what the garbage collector copies).
 */
import { ChangeSet, StateEffect, StateField, type ChangeDesc, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export type MarkSeverity = 'blocker' | 'warning' | 'info';

/** One finding, with offsets into the text it was found in. */
export interface FindingMark {
  from: number;
  to: number;
  severity: MarkSeverity;
  message: string;
  /** The finding's index in the caller's list. */
  index: number;
  fixLabel?: string;
}

const markOf: Record<MarkSeverity, Decoration> = {
  blocker: Decoration.mark({ class: 'cm-finding cm-finding-blocker' }),
  warning: Decoration.mark({ class: 'cm-finding cm-finding-warning' }),
  info: Decoration.mark({ class: 'cm-finding cm-finding-info' }),
};

export interface FindingMarksUpdate {
  items: readonly FindingMark[];
  /** From the text the items' offsets are into to the transaction's document (none: the same). */
  since?: ChangeDesc;
}

/** Replaces the shown marks. */
export const setFindingMarks = StateEffect.define<FindingMarksUpdate>();

interface Marks {
  deco: DecorationSet;
  items: readonly FindingMark[];
  /** From the items' text to this document. */
  since: ChangeDesc;
}

/** Where an item is on the document `since` leads to ([from, to) empty: its text is gone). */
const placed = (m: FindingMark, since: ChangeDesc) => ({
  from: since.mapPos(m.from, 1),
  to: since.mapPos(m.to, -1),
});

function build({ items, since }: Required<FindingMarksUpdate>): DecorationSet {
  const ranges = [];
  for (const m of items) {
    const { from, to } = placed(m, since);
    if (to > from) ranges.push(markOf[m.severity].range(from, to));
  }
  return Decoration.set(ranges, true);
}

/** The marks, mapped through edits until the next check result replaces them. */
export const findingMarksField = StateField.define<Marks>({
  create: (state) => ({ deco: Decoration.none, items: [], since: ChangeSet.empty(state.doc.length).desc }),
  update(value, tr) {
    let next = tr.docChanged
      ? { ...value, deco: value.deco.map(tr.changes), since: value.since.composeDesc(tr.changes.desc) }
      : value;
    for (const e of tr.effects)
      if (e.is(setFindingMarks)) {
        const since = e.value.since ?? ChangeSet.empty(tr.state.doc.length).desc;
        next = { deco: build({ items: e.value.items, since }), items: e.value.items, since };
      }
    return next;
  },
  provide: (f) => EditorView.decorations.from(f, (marks) => marks.deco),
});

/** The findings whose marks cover `pos` (for the tooltip), placed on the document as it is now. */
export function findingMarksAt(state: EditorState, pos: number, side: -1 | 1 = 1): FindingMark[] {
  const { deco, items, since } = state.field(findingMarksField);
  let covered = false;
  deco.between(pos, pos, () => {
    covered = true;
    return false;
  });
  if (!covered) return [];
  const out: FindingMark[] = [];
  for (const m of items) {
    const { from, to } = placed(m, since);
    if (to <= from) continue;
    if ((pos > from || (pos === from && side > 0)) && (pos < to || (pos === to && side < 0)))
      out.push({ ...m, from, to });
  }
  return out;
}

/** How many marks are shown (the host's data-highlights). */
export function findingMarksCount(state: EditorState): number {
  return state.field(findingMarksField).deco.size;
}
