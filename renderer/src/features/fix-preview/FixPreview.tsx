/**
 * A fix's before/after excerpt under its finding: what the sentence reads now, with the removed
 * part struck through (<del>), and what it will read (<ins> for inserted text). Marked by the
 * elements and their line-through / underline, not by colour alone; the fix button points at it
 * with aria-describedby so a screen reader announces it with the button.
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExcerptPart, FixExcerpt } from './fix-excerpt';

// 4.5:1 or better on their backgrounds.
const removedStyle: CSSProperties = {
  color: '#a40e26',
  background: '#ffebe9',
  textDecoration: 'line-through',
};
const insertedStyle: CSSProperties = {
  color: '#116329',
  background: '#dafbe1',
  textDecoration: 'underline',
};
const labelStyle: CSSProperties = { color: '#59636e', marginRight: 4 };

function Parts({ parts, excerpt }: { parts: ExcerptPart[]; excerpt: FixExcerpt }) {
  return (
    <>
      {excerpt.clippedStart ? '…' : ''}
      {parts.map((p, i) =>
        p.kind === 'removed' ? (
          <del key={i} style={removedStyle}>
            {p.text}
          </del>
        ) : p.kind === 'inserted' ? (
          <ins key={i} style={insertedStyle}>
            {p.text}
          </ins>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
      {excerpt.clippedEnd ? '…' : ''}
    </>
  );
}

export function FixPreview({ excerpt, id }: { excerpt: FixExcerpt; id: string }) {
  const { t } = useTranslation('workspace');
  return (
    <div
      id={id}
      data-testid="fix-preview"
      role="group"
      aria-label={t('editor.previewLabel')}
      style={{ fontSize: 12, margin: '2px 0', lineHeight: 1.6, wordBreak: 'break-all', color: '#1f2328' }}
    >
      <div data-testid="fix-preview-before">
        <span style={labelStyle}>{t('editor.previewBefore')}</span>
        <Parts parts={excerpt.before} excerpt={excerpt} />
      </div>
      <div data-testid="fix-preview-after">
        <span style={labelStyle}>{t('editor.previewAfter')}</span>
        <Parts parts={excerpt.after} excerpt={excerpt} />
      </div>
    </div>
  );
}
