/**
 * The renderer's Content-Security-Policy, in one place for the Electron protocol handler, the
 * browser-mode host and development. No inline script, no eval, no remote code; styles allow
 * 'unsafe-inline' because Ant Design's CSS-in-JS injects <style> elements at run time.
 */
export function contentSecurityPolicy(options: { dev?: boolean; connectSrc?: string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])];
  if (options.dev) connect.push('ws://localhost:*', 'http://localhost:*');
  return [
    "default-src 'self'",
    // Vite's dev client needs its HMR preamble; production never gets 'unsafe-inline' scripts.
    options.dev ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
  ].join('; ');
}
