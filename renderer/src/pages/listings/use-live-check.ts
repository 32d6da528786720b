/**
 * The live check of the open editor: a checker in a worker for as long as the editor is open,
 * an incremental check of each edit as it is made and a full one after typing pauses. A result
 * of a session that has ended (the editor was closed or moved to another listing) is dropped.
 */
import { message } from 'antd';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import type { Listing } from '../../../../shared/listing/schema';
import { afterNextPaint, editorTiming, measureToNextFrame } from '../../features/text-editor/editor-timing';
import { useListings } from '../../stores/listings-store';
import { createCheckClient, type CheckClient } from '../../workers/check-client';

/** After typing pauses this long, the whole listing is checked again from scratch. */
export const FULL_CHECK_IDLE_MS = 1500;

export interface LiveCheck {
  /** Checks the store's draft now. */
  checkNow(mode?: 'incremental' | 'full'): void;
  /**
   * The draft changed by typing: check it now, in the task of the keystroke, so the worker checks
   * while this thread paints the keystroke (a timer, even of a few ms, fired only after that frame
   * and added its wait to every keystroke's marks). The worker re-checks only the edited region,
   * and while one check runs only the newest request waits, so key repeats merge there.
   */
  schedule(): void;
  /** The draft changed at once (a fix, an undo): check now, and fully after a pause. */
  checkChange(): void;
}

export function useLiveCheck(open: boolean, sessionKey: string | null): LiveCheck {
  const checker = useRef<CheckClient | null>(null);
  const fullCheck = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** Which session each posted listing belongs to (a late result of a closed session is dropped). */
  const postedIn = useRef(new WeakMap<Listing, string>());
  /** The posted listings that are a check of typing (their results stream, one per keystroke). */
  const typedDrafts = useRef(new WeakSet<Listing>());
  /**
   * A keystroke's frame is yet to be painted: a result arriving meanwhile (the worker can answer
   * within a few ms) waits until it is, the newest only — taken in before, its marks and the
   * layout they force made the keystroke's own paint wait for them.
   */
  const keystrokeFrame = useRef<{ pending: boolean; result: (() => void) | null }>({
    pending: false,
    result: null,
  });
  const sessionRef = useRef(sessionKey);
  useLayoutEffect(() => {
    sessionRef.current = sessionKey;
  });

  useEffect(() => {
    if (!open) return;
    const client = createCheckClient(
      (listing, result, ms) => {
        const take = () => {
          if (postedIn.current.get(listing) !== sessionRef.current) return;
          const arrived = performance.now();
          useListings.getState().setFindings(listing, result, ms, typedDrafts.current.has(listing));
          measureToNextFrame(editorTiming.findingsToFrame, arrived);
        };
        if (keystrokeFrame.current.pending) keystrokeFrame.current.result = take;
        else take();
      },
      (error) => {
        message.error(error);
      },
    );
    checker.current = client;
    return () => {
      clearTimeout(fullCheck.current);
      client.dispose();
      checker.current = null;
    };
  }, [open]);

  const post = useCallback((mode: 'incremental' | 'full', typed: boolean) => {
    const editor = useListings.getState().editor;
    if (!editor || !checker.current || !sessionRef.current) return;
    postedIn.current.set(editor.draft, sessionRef.current);
    if (typed) typedDrafts.current.add(editor.draft);
    else typedDrafts.current.delete(editor.draft);
    checker.current.check(
      editor.draft,
      editor.verification ? { officialSite: editor.verification } : {},
      mode,
    );
  }, []);
  const checkNow = useCallback((mode: 'incremental' | 'full' = 'full') => post(mode, false), [post]);

  const schedule = useCallback(() => {
    post('incremental', true);
    const frame = keystrokeFrame.current;
    if (!frame.pending) {
      frame.pending = true;
      afterNextPaint(() => {
        frame.pending = false;
        const take = frame.result;
        frame.result = null;
        take?.();
      });
    }
    clearTimeout(fullCheck.current);
    fullCheck.current = setTimeout(() => checkNow('full'), FULL_CHECK_IDLE_MS);
  }, [post, checkNow]);

  const checkChange = useCallback(() => {
    checkNow('incremental');
    clearTimeout(fullCheck.current);
    fullCheck.current = setTimeout(() => checkNow('full'), FULL_CHECK_IDLE_MS);
  }, [checkNow]);

  return useMemo(() => ({ checkNow, schedule, checkChange }), [checkNow, schedule, checkChange]);
}
