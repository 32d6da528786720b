/**
 * The self-check off the UI thread. A full check of a 100 KB description takes ~25 ms; after an
 * edit the worker re-checks only the region around it against its previous result
 * (recheckListing), a millisecond or two. The pack is compiled once here.
 */
import { defaultCompiledPack } from '../../../shared/check/engine';
import { compileRulePack } from '../../../shared/check/rulepack';
import { packKeyOf } from '../../../shared/check/rulepack-file';
import { recheckListing, type CheckedListing } from '../../../shared/check/incremental';
import type { Finding } from '../../../shared/check/types';
import type { CheckRequest, CheckResponse, PackMessage, ResyncMessage } from './check-protocol';
import { diffFindings } from './findings-delta';
import { errorText } from '../features/errors/error-text';

// The bundled pack until the core says another one is active (the stored runs use that one).
let compiled = defaultCompiledPack();
let previous: CheckedListing | null = null;
/** The findings the client holds (the last result sent), and their diff keys. */
let sent: readonly Finding[] = [];
let keys = new WeakMap<Finding, string>();

self.onmessage = (event: MessageEvent<CheckRequest | PackMessage | ResyncMessage>) => {
  if (event.data.kind === 'resync') {
    sent = [];
    keys = new WeakMap();
    return;
  }
  if (event.data.kind === 'pack') {
    if (event.data.key !== packKeyOf(compiled.pack)) {
      compiled = compileRulePack(event.data.pack);
      previous = null;
    }
    return;
  }
  const { seq, listing, context, mode } = event.data;
  const started = performance.now();
  try {
    const result = recheckListing(mode === 'incremental' ? previous : null, listing, compiled, context);
    previous = { listing, context, findings: result.findings };
    const delta = diffFindings(sent, result.findings, keys, result.moved);
    sent = result.findings;
    const response: CheckResponse = {
      seq,
      delta,
      incremental: !result.full,
      ms: performance.now() - started,
    };
    self.postMessage(response);
  } catch (error) {
    previous = null;
    sent = [];
    const response: CheckResponse = {
      seq,
      error: errorText(error),
      ms: performance.now() - started,
    };
    self.postMessage(response);
  }
};
