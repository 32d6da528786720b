/**
 * `vendordesk://app/…` serves the built renderer from disk with the strict CSP header. A custom
 * standard+secure scheme (not file://) gives the page a real origin to check IPC senders against
 * and keeps it away from the rest of the file system.
 */
import fs from 'node:fs';
import path from 'node:path';
import { net, protocol } from 'electron';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../../shared/security/csp';
import { rendererFileFor } from './trust';

export const APP_SCHEME = 'vendordesk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    let file = rendererFileFor(request.url, root);
    // No escaping the renderer folder (../ or absolute paths); unknown paths load the app shell.
    if (!file) return new Response('forbidden', { status: 403 });
    if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', contentSecurityPolicy());
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}
