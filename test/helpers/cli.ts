/** The real `vendordesk` command, as a child process runs it (`node <argv>`). */
import path from 'node:path';
import { repoRoot } from './fake-io';

export const vendordeskBin = path.join(repoRoot, 'bin', 'vendordesk.mjs');

/**
 * `vendordesk callbacks test --url … --key …`; with `retryMs`, the JSON report (formats.md §6)
 * and that retry interval, so a test run is quick.
 */
export function callbacksTestArgv(url: string, key: string, retryMs?: number | string): string[] {
  return [
    vendordeskBin,
    ...['callbacks', 'test', '--url', url, '--key', key],
    ...(retryMs === undefined ? [] : ['--format', 'json', '--retry-interval-ms', String(retryMs)]),
  ];
}
