/**
 * A CodeMirror field of the listing form whose marks come straight from the store: a check result
 * reaches the editor without rendering React, right when it lands. A field longer than is
 * comfortable to edit opens read-only with a note (issue 17), its findings still shown.
 */
import { useCallback, useEffect, useRef, type ComponentProps } from 'react';
import { useApp } from '../../stores/app-store';
import { useListings } from '../../stores/listings-store';
import { LONG_FIELD_CHARS, LongFieldNote } from '../../features/text-editor/long-field';
import { TextEditor, type TextEditorHandle } from '../../features/text-editor/TextEditor';
import { subscribeCheckResults, type CheckResult, checkResultOf } from './use-check-result';
import { editorFindingsOfField } from './workspace-model';

type Props = Omit<ComponentProps<typeof TextEditor>, 'findings' | 'currentIndex'> & { field: string };

export function EditorField({ field, onHandle, ...props }: Props) {
  const locale = useApp((s) => s.locale);
  const selected = useListings((s) => s.editor?.selected ?? -1);
  const handle = useRef<TextEditorHandle | null>(null);
  const show = useCallback(
    ({ findings, findingsFor }: CheckResult) => {
      if (findingsFor && handle.current)
        handle.current.show(editorFindingsOfField(findings, findingsFor, field, locale));
    },
    [field, locale],
  );
  const onEditorHandle = useCallback(
    (h: TextEditorHandle | null) => {
      handle.current = h;
      onHandle?.(h);
      show(checkResultOf(useListings.getState()));
    },
    [onHandle, show],
  );
  useEffect(() => {
    show(checkResultOf(useListings.getState()));
    return subscribeCheckResults(show);
  }, [show]);
  const length = typeof props.value === 'string' ? props.value.length : 0;
  if (length <= LONG_FIELD_CHARS)
    return <TextEditor {...props} currentIndex={selected} onHandle={onEditorHandle} />;
  return (
    <>
      <LongFieldNote length={length} />
      <TextEditor {...props} currentIndex={selected} readOnly onHandle={onEditorHandle} />
    </>
  );
}
