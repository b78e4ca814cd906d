/**
 * The renderer's Content-Security-Policy, shared by the Electron protocol handler and the browser host so
 * the page runs under the same rules in both. Only `connect-src` differs: the host's page must reach its
 * WebSocket bridge, while the Electron page talks to main over IPC and needs no network at all.
 */
export function contentSecurityPolicy({ connectSrc }: { connectSrc: readonly string[] }): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc.length > 0 ? connectSrc.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
