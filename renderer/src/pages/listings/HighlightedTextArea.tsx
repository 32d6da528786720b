/**
 * A plain textarea with the finding spans highlighted behind it: a backdrop with the same font,
 * padding and wrapping renders the text transparently with <mark>s, and scrolls with the
 * textarea. Typing stays a native textarea (no re-render of 100 KB of DOM per keystroke: the
 * backdrop only changes when the check result does). Works as an antd Form control.
 */
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  type ChangeEvent,
  type KeyboardEvent,
  type TextareaHTMLAttributes,
} from 'react';
import type { Severity } from '../../../../shared/check/types';
import { segments, type Highlight } from './workspace-model';

const markColors: Record<Severity, string> = {
  blocker: 'rgba(255, 77, 79, 0.28)',
  warning: 'rgba(250, 173, 20, 0.35)',
  info: 'rgba(22, 119, 255, 0.18)',
};

/**
 * Focuses a form control and, for a span, selects it and scrolls it into view: a textarea with a
 * backdrop scrolls to the span's <mark> (the backdrop knows where the text wraps).
 */
export function revealSpan(el: HTMLElement, start?: number, end?: number): void {
  el.focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
  if (start === undefined || end === undefined) return;
  if (!(el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement)) return;
  el.setSelectionRange(start, end);
  const mark = el.parentElement?.querySelector<HTMLElement>(`mark[data-start="${start}"]`);
  if (el instanceof HTMLTextAreaElement && mark) {
    el.scrollTop = Math.max(0, mark.offsetTop - el.clientHeight / 3);
    el.dispatchEvent(new Event('scroll'));
  }
}

type Props = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> & {
  value?: string;
  onChange?: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  highlights?: readonly Highlight[];
  /** The text the highlights were computed for; the backdrop shows it until the next check. */
  checkedText?: string;
  /** The finding selected with F8 or a click gets an outline. */
  currentIndex?: number;
  rows?: number;
  /** Enter does not insert a newline (titles). */
  singleLine?: boolean;
  testId?: string;
};

const shared = {
  font: 'inherit',
  fontSize: 14,
  lineHeight: '22px',
  padding: '4px 11px',
  border: '1px solid transparent',
  whiteSpace: 'pre-wrap',
  overflowWrap: 'break-word',
  wordBreak: 'break-word',
  boxSizing: 'border-box',
  width: '100%',
  margin: 0,
  letterSpacing: 'normal',
  // Both reserve the scrollbar's width, so text wraps at the same place in both layers.
  scrollbarGutter: 'stable',
} as const;

const Backdrop = memo(function Backdrop({
  text,
  highlights,
  currentIndex,
}: {
  text: string;
  highlights: readonly Highlight[];
  currentIndex: number | undefined;
}) {
  return (
    <>
      {segments(text, highlights).map((s, i) =>
        s.highlight ? (
          <mark
            key={i}
            data-start={s.highlight.start}
            data-finding={s.highlight.index}
            style={{
              background: markColors[s.highlight.severity],
              color: 'transparent',
              borderRadius: 2,
              outline: s.highlight.index === currentIndex ? '2px solid #1f6feb' : undefined,
            }}
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
      {/* A trailing newline needs a character after it to take up its line. */}
      {'\u200b'}
    </>
  );
});

export function HighlightedTextArea({
  value = '',
  onChange,
  highlights = [],
  checkedText,
  currentIndex,
  rows = 3,
  singleLine,
  testId,
  style,
  ...rest
}: Props) {
  const textarea = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);

  const syncScroll = useCallback(() => {
    if (textarea.current && backdrop.current) {
      backdrop.current.scrollTop = textarea.current.scrollTop;
      backdrop.current.scrollLeft = textarea.current.scrollLeft;
    }
  }, []);
  // Re-align in the next frame, not during React's commit: reading the textarea's scroll position
  // there would force a layout of the whole (up to 100 KB) backdrop inside the same long task.
  useEffect(() => {
    const frame = requestAnimationFrame(syncScroll);
    return () => cancelAnimationFrame(frame);
  }, [value, highlights, syncScroll]);

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (singleLine && e.key === 'Enter') e.preventDefault();
    rest.onKeyDown?.(e);
  };
  const height = rows * 22 + 10;

  return (
    <div style={{ position: 'relative', ...style }} data-testid={testId} data-highlights={highlights.length}>
      <div
        ref={backdrop}
        aria-hidden
        style={{
          ...shared,
          position: 'absolute',
          inset: 0,
          overflow: 'hidden',
          color: 'transparent',
          pointerEvents: 'none',
          borderRadius: 6,
          background: '#fff',
        }}
      >
        {/* Highlights belong to the checked text; typing re-renders only the textarea until the next check. */}
        <Backdrop text={checkedText ?? value} highlights={highlights} currentIndex={currentIndex} />
      </div>
      <textarea
        {...rest}
        ref={textarea}
        value={value}
        rows={rows}
        onChange={onChange}
        onScroll={syncScroll}
        onKeyDown={onKeyDown}
        spellCheck={false}
        style={{
          ...shared,
          position: 'relative',
          display: 'block',
          height: singleLine ? undefined : height,
          resize: singleLine ? 'none' : 'vertical',
          background: 'transparent',
          color: '#1f2328',
          borderColor: '#d9d9d9',
          borderRadius: 6,
          overflowY: singleLine ? 'hidden' : 'auto',
        }}
      />
    </div>
  );
}
