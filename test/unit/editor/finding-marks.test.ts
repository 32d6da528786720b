import { ChangeSet, EditorState, RangeSet, type RangeValue } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import {
  findingMarksAt,
  findingMarksCount,
  findingMarksField,
  setFindingMarks,
  type FindingMark,
} from '../../../renderer/src/features/text-editor/finding-marks';

const text = '国内唯一的云主机，详情见 https://example.com 。';
const mark = (from: number, to: number, index: number, severity: FindingMark['severity'] = 'blocker') => ({
  from,
  to,
  severity,
  message: `finding ${index}`,
  index,
});
/** The ranges CodeMirror's view would redraw going from one set of marks to the other. */
function redrawn(a: RangeSet<RangeValue>, b: RangeSet<RangeValue>): number[][] {
  const out: number[][] = [];
  RangeSet.compare([a], [b], ChangeSet.empty(text.length), {
    compareRange: (from, to) => void out.push([from, to]),
    comparePoint: (from, to) => void out.push([from, to]),
  });
  return out;
}
const show = (state: EditorState, marks: FindingMark[]) =>
  state.update({ effects: setFindingMarks.of({ items: marks }) }).state;

describe('finding marks', () => {
  const start = EditorState.create({ doc: text, extensions: [findingMarksField] });
  const unique = text.indexOf('唯一');

  it('shows each non-empty finding and finds it at a position', () => {
    const s = show(start, [mark(unique, unique + 2, 0), mark(5, 5, 1)]);
    expect(findingMarksCount(s)).toBe(1);
    expect(findingMarksAt(s, unique + 1).map((m) => m.index)).toEqual([0]);
    expect(findingMarksAt(s, unique + 3)).toEqual([]);
  });

  it('places findings of an older text through the edits made since, and tells the tooltip the newest', () => {
    const older = '【旧】' + text;
    const since = ChangeSet.of({ from: 0, to: 3 }, older.length).desc; // older → text
    const at = older.indexOf('唯一');
    let s = start.update({
      effects: setFindingMarks.of({ items: [mark(at, at + 2, 3), mark(0, 3, 4)], since }),
    }).state;
    expect(findingMarksCount(s)).toBe(1); // 【旧】 is gone from the document
    expect(findingMarksAt(s, unique + 1)).toMatchObject([{ from: unique, to: unique + 2, index: 3 }]);
    s = s.update({ changes: { from: unique, insert: '真' } }).state;
    expect(findingMarksAt(s, unique + 2)).toMatchObject([{ from: unique + 1, to: unique + 3, index: 3 }]);
    expect(findingMarksAt(s, unique)).toEqual([]);
  });

  it('moves marks with the text until the next result replaces them', () => {
    let s = show(start, [mark(unique, unique + 2, 0)]);
    s = s.update({ changes: { from: 0, insert: '【新】' } }).state;
    const [m] = findingMarksAt(s, unique + 4);
    expect(m && s.sliceDoc(m.from, m.to)).toBe('唯一');
    s = show(s, []);
    expect(findingMarksCount(s)).toBe(0);
  });

  it('builds marks that compare equal when only the finding behind them changed', () => {
    // CodeMirror redraws only the ranges whose decorations differ: a new check result with the
    // same spans must not differ (this is what keeps a 2,500-mark result cheap to show).
    const a = show(start, [mark(unique, unique + 2, 0)]).field(findingMarksField).deco;
    const b = show(start, [{ ...mark(unique, unique + 2, 7), message: 'another message' }]).field(
      findingMarksField,
    ).deco;
    expect(redrawn(a, b)).toEqual([]);
    const c = show(start, [mark(unique, unique + 2, 0, 'warning')]).field(findingMarksField).deco;
    expect(redrawn(a, c)).toEqual([[unique, unique + 2]]);
  });

  it('redraws nothing after an edit that leaves every mark where the mapping put it', () => {
    // Marks mapped through a keystroke are what the view compares against; a boundary reported
    // as changed makes CodeMirror redraw it. @codemirror/state 6.7.6 reported every boundary after
    // a deletion (patches/: it read one side's open ranges at the other side's position), so each
    // Backspace redrew every visible line after the cursor.
    const doc = '违规'.repeat(200);
    const base = EditorState.create({ doc, extensions: [findingMarksField] });
    const marks = Array.from({ length: 50 }, (_, i) => mark(i * 8 + 2, i * 8 + 4, i));
    const before = show(base, marks);
    for (const change of [
      { from: 10, insert: '字' },
      { from: 10, to: 11 },
      { from: 0, to: 3 },
    ]) {
      const tr = before.update({ changes: change });
      const boundaries: number[] = [];
      const redrawnRanges: number[][] = [];
      RangeSet.compare(
        [before.field(findingMarksField).deco],
        [tr.state.field(findingMarksField).deco],
        tr.changes,
        {
          compareRange: (from, to) => void redrawnRanges.push([from, to]),
          comparePoint: (from, to) => void redrawnRanges.push([from, to]),
          boundChange: (pos) => void boundaries.push(pos),
        },
      );
      expect({ change, redrawnRanges, boundaries }).toEqual({ change, redrawnRanges: [], boundaries: [] });
    }
  });
});
