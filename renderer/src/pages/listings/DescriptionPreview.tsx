/**
 * Live preview of the description HTML, sanitised by DOMPurify (no scripts, no event handlers,
 * no forms or frames). It follows the text once typing pauses: sanitising and laying out 100 KB
 * takes tens of milliseconds, which per keystroke would drop input.
 */
import DOMPurify from 'dompurify';
import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { editorTiming, measureSince } from '../../features/text-editor/editor-timing';
import { PREVIEW_MAX_CHARS, PreviewCutNote } from '../../features/text-editor/long-field';

/** How long typing must pause before the preview follows. */
export const PREVIEW_SETTLE_MS = 400;

/** The value, once it has stopped changing for `ms` (the first value at once). */
function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

const config = { FORBID_TAGS: ['style', 'form', 'iframe', 'object', 'embed'], FORBID_ATTR: ['style'] };

// The preview loads nothing and navigates nowhere: remote images would break the CSP (and tell
// a third party the vendor is editing), and a followed link would leave the app. The address
// stays visible as a title; images keep (or get) an alt text.
DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'IMG') {
    const src = node.getAttribute('src') ?? '';
    node.removeAttribute('src');
    node.removeAttribute('srcset');
    node.setAttribute('title', src);
    if (!node.hasAttribute('alt')) node.setAttribute('alt', src);
  }
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('title', node.getAttribute('href') ?? '');
    node.removeAttribute('href');
  }
});

function sanitise(html: string): string {
  const started = performance.now();
  const clean = DOMPurify.sanitize(html, config);
  measureSince(editorTiming.preview, started);
  return clean;
}

export const DescriptionPreview = memo(function DescriptionPreview({
  html,
  label,
}: {
  html: string;
  label: string;
}) {
  // Deferred from '' on the first render: the editor opens (and paints) before the preview's
  // sanitising and layout, tens of milliseconds on a long description, run in React's
  // background render.
  const settled = useDeferredValue(useSettledValue(html, PREVIEW_SETTLE_MS), '');
  const cut = settled.length > PREVIEW_MAX_CHARS;
  const clean = useMemo(() => sanitise(cut ? settled.slice(0, PREVIEW_MAX_CHARS) : settled), [settled, cut]);
  return (
    <>
      <section
        aria-label={label}
        data-testid="description-preview"
        style={{
          border: '1px solid #d9d9d9',
          borderRadius: 6,
          padding: 12,
          maxHeight: 420,
          overflow: 'auto',
          background: '#fafafa',
          // Its own layout and paint: a keystroke in the editor above it forces a layout (the
          // caret), which otherwise re-laid out 100 KB of preview each time; off screen it is
          // not rendered at all.
          contain: 'content',
          contentVisibility: 'auto',
          containIntrinsicSize: 'auto 420px',
        }}
        dangerouslySetInnerHTML={{ __html: clean }}
      />
      {cut && <PreviewCutNote length={settled.length} />}
    </>
  );
});
