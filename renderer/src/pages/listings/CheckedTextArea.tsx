/**
 * A short text field of the listing form (title, summary) with its findings highlighted behind
 * it. It subscribes to the check result itself, so a result re-renders this field, not the form.
 */
import { useCallback, type ComponentProps } from 'react';
import { getFieldText } from '../../../../shared/check/fields';
import { useListings } from '../../stores/listings-store';
import { HighlightedTextArea } from './HighlightedTextArea';
import { useCheckResultOf, type CheckResult } from './use-check-result';
import { highlightsOfField, type Highlight } from './workspace-model';

type Props = Omit<
  ComponentProps<typeof HighlightedTextArea>,
  'highlights' | 'checkedText' | 'currentIndex'
> & {
  field: string;
};

interface Shown {
  highlights: Highlight[];
  checkedText: string | undefined;
}

const sameHighlight = (a: Highlight, b: Highlight) =>
  a.start === b.start && a.end === b.end && a.severity === b.severity && a.index === b.index;
const sameShown = (a: Shown, b: Shown) =>
  a.checkedText === b.checkedText &&
  a.highlights.length === b.highlights.length &&
  a.highlights.every((h, i) => sameHighlight(h, b.highlights[i]!));

export function CheckedTextArea({ field, ...props }: Props) {
  const select = useCallback(
    ({ findings, findingsFor }: CheckResult): Shown => ({
      highlights: highlightsOfField(findings, field),
      checkedText: findingsFor ? getFieldText(findingsFor, field) : undefined,
    }),
    [field],
  );
  const { highlights, checkedText } = useCheckResultOf(select, sameShown);
  const selected = useListings((s) => s.editor?.selected ?? -1);
  return (
    <HighlightedTextArea
      {...props}
      highlights={highlights}
      checkedText={checkedText}
      currentIndex={selected}
    />
  );
}
