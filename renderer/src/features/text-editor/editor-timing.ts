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
