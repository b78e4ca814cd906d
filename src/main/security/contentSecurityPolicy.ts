/**
 * The renderer's Content-Security-Policy, shared by the Electron protocol handler and the browser host so
 * the page runs under the same rules in both. Only `connect-src` differs: the host's page must reach its
 * WebSocket bridge, while the Electron page talks to main over IPC and needs no network at all.
 *
 * index.html carries the same policy in a <meta> tag as a second line of defence (and so static scanners see
 * it); a test keeps the two identical.
 */
export function contentSecurityPolicy({
  connectSrc,
  delivery = 'header',
}: {
  connectSrc: readonly string[];
  /** Browsers ignore frame-ancestors in a <meta> policy and warn about it, so the meta copy leaves it out. */
  delivery?: 'header' | 'meta';
}): string {
  const directives = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connectSrc.length > 0 ? connectSrc.join(' ') : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ];
  if (delivery === 'header') directives.push("frame-ancestors 'none'");
  return directives.join('; ');
}
