/**
 * The editor's autosaved draft through the real core (issue 17): saved, read back after the core
 * restarts (a crashed window loses nothing), replaced by the next save, gone after a discard; a
 * draft that is too large or badly shaped is refused with a message and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { maxDraftChars, type EditorDraft } from '../../shared/ipc/contract';
import { useTempCore } from '../helpers/temp-core';

const draft = (title: string, description = '详情'): EditorDraft => ({
  localId: null,
  revision: null,
  title,
  listing: { title, type: 'tool', price: { amount: 1, currency: 'CNY', billing: 'usage' }, description },
  savedAt: '2026-12-01T13:08:31.000Z',
});

const app = useTempCore();
const { call } = app;

describe('editor drafts', () => {
  it('keeps the latest draft across a restart of the core and forgets it on discard', async () => {
    expect(await call('drafts.get', {})).toEqual({ draft: null });
    await call('drafts.save', { draft: draft('第一版') });
    await call('drafts.save', { draft: draft('第二版') });
    app.reopen();
    expect(await call('drafts.get', {})).toEqual({ draft: draft('第二版') });
    // The draft is not a setting: settings read as before.
    expect(await call('settings.get', {})).not.toHaveProperty('editorDraft');
    expect(await call('drafts.discard', {})).toEqual({ discarded: true });
    expect(await call('drafts.get', {})).toEqual({ draft: null });
    expect(await call('drafts.discard', {})).toEqual({ discarded: false });
  });

  it('keeps an unfinished listing (a required field still empty)', async () => {
    const unfinished = { ...draft(''), listing: { title: '', description: '' } };
    await call('drafts.save', { draft: unfinished });
    expect((await call<{ draft: EditorDraft }>('drafts.get', {})).draft.listing).toEqual({
      title: '',
      description: '',
    });
  });

  it('refuses a draft larger than any listing the app accepts, keeping the stored one', async () => {
    await call('drafts.save', { draft: draft('小的') });
    const result = await app.core.dispatch('drafts.save', {
      draft: draft('大的', 'x'.repeat(maxDraftChars)),
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/草稿太大.*save the listing/);
    expect((await call<{ draft: EditorDraft }>('drafts.get', {})).draft.title).toBe('小的');
  });

  it('refuses a draft without its fields', async () => {
    const result = await app.core.dispatch('drafts.save', { draft: { title: 'x' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-request');
  });
});
