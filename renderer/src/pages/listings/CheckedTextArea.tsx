/**
 * A short text field of the listing form (title, summary) with its findings highlighted behind
 * it. It subscribes to the check result itself, so a result re-renders this field, not the form.
 */
import { useMemo, type ComponentProps } from 'react';
import { getFieldText } from '../../../../shared/check/fields';
import { useListings } from '../../stores/listings-store';
import { HighlightedTextArea } from './HighlightedTextArea';
import { useCheckResult } from './use-check-result';
import { highlightsOfField } from './workspace-model';

type Props = Omit<
  ComponentProps<typeof HighlightedTextArea>,
  'highlights' | 'checkedText' | 'currentIndex'
> & {
  field: string;
};

export function CheckedTextArea({ field, ...props }: Props) {
  const { findings, findingsFor } = useCheckResult();
  const selected = useListings((s) => s.editor?.selected ?? -1);
  const highlights = useMemo(() => highlightsOfField(findings, field), [findings, field]);
  return (
    <HighlightedTextArea
      {...props}
      highlights={highlights}
      checkedText={findingsFor ? getFieldText(findingsFor, field) : undefined}
      currentIndex={selected}
    />
  );
}
