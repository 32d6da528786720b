/**
 * The findings of a check as marks in a CodeMirror document, built so that a new check result
 * costs what changed rather than what is shown (issue 12).
 *
 * Why not @codemirror/lint: its decorations carry the diagnostic in their spec, so no two results
 * compare equal and every check result re-draws every visible mark (and re-sets the DOM selection,
 * which forces a layout) — 2,500 marks on a 100 KB text made each check a 200 ms task. Here all
 * marks of one severity share the class that decides their look; CodeMirror's decoration diff
 * (`MarkDecoration.eq` compares class and attributes only) then leaves an unchanged mark's DOM
 * alone: a keystroke that changes one finding re-draws one mark.
 */
import { StateEffect, StateField, type EditorState } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export type MarkSeverity = 'blocker' | 'warning' | 'info';

/** One finding placed on the current document. */
export interface FindingMark {
  from: number;
  to: number;
  severity: MarkSeverity;
  message: string;
  /** The finding's index in the caller's list. */
  index: number;
  fixLabel?: string;
}

const markClass: Record<MarkSeverity, string> = {
  blocker: 'cm-finding cm-finding-blocker',
  warning: 'cm-finding cm-finding-warning',
  info: 'cm-finding cm-finding-info',
};

/** Replaces the shown marks (already mapped onto the document of the transaction). */
export const setFindingMarks = StateEffect.define<readonly FindingMark[]>();

function build(marks: readonly FindingMark[]): DecorationSet {
  const ranges = [];
  for (const m of marks) {
    if (m.to <= m.from) continue;
    // The finding rides in the spec (for the tooltip); equality ignores it, see above.
    ranges.push(Decoration.mark({ class: markClass[m.severity], finding: m }).range(m.from, m.to));
  }
  return Decoration.set(ranges, true);
}

/** The marks, mapped through edits until the next check result replaces them. */
export const findingMarksField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, tr) {
    let next = value.map(tr.changes);
    for (const e of tr.effects) if (e.is(setFindingMarks)) next = build(e.value);
    return next;
  },
  provide: (f) => EditorView.decorations.from(f),
});

/** The marks covering `pos` (for the tooltip), as they are now. */
export function findingMarksAt(state: EditorState, pos: number, side: -1 | 1 = 1): FindingMark[] {
  const out: FindingMark[] = [];
  state.field(findingMarksField).between(pos, pos, (from, to, deco) => {
    if ((pos > from || (pos === from && side > 0)) && (pos < to || (pos === to && side < 0))) {
      const m = (deco.spec as { finding: FindingMark }).finding;
      out.push({ ...m, from, to });
    }
  });
  return out;
}

/** How many marks are shown (the host's data-highlights). */
export function findingMarksCount(state: EditorState): number {
  return state.field(findingMarksField).size;
}
