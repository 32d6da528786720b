/**
 * User-timing entries for the editor's hot path (keystroke → check → highlights). They show up in
 * DevTools' Performance panel and are read by the e2e timing test; each costs a few microseconds.
 */
export const editorTiming = {
  /** Posting a check to the worker until its findings arrive back (detail: the worker's own ms). */
  checkRoundTrip: 'vendordesk:check-round-trip',
  /** Findings arrived → store updated, React committed and the next frame began. */
  findingsToFrame: 'vendordesk:findings-to-frame',
  /** Sanitising the description for the preview (runs once typing pauses). */
  preview: 'vendordesk:preview-sanitise',
} as const;

export function measureSince(name: string, start: number, detail?: unknown): void {
  performance.measure(name, { start, end: performance.now(), detail });
}

/** Measures from `start` to the next animation frame (after the work queued before it has run). */
export function measureToNextFrame(name: string, start: number): void {
  requestAnimationFrame(() => measureSince(name, start));
}

/**
 * Runs `fn` once the next frame has been painted (a frame callback, then a task after it), or
 * after `fallbackMs` when no frame comes (a hidden window draws none).
 */
export function afterNextPaint(fn: () => void, fallbackMs = 100): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    fn();
  };
  const timer = setTimeout(run, fallbackMs);
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(null);
  });
}
