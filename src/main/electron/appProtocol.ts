import { readStaticFile } from '../web/staticFiles';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { isAppUrl } from './appOrigin';

/**
 * `standard` gives the scheme real origins and relative URLs, `secure` makes it a secure context, and
 * `supportFetchAPI` lets the page load its own module scripts and fonts. Deliberately absent: `bypassCSP`,
 * and `corsEnabled`, whose absence keeps other origins from reading these files.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** The page talks to main over IPC, so it needs no network beyond its own files. */
export const APP_CSP = contentSecurityPolicy({ connectSrc: ["'self'"] });

/** Sent with every answer, errors included, so no response from the scheme is ever without a policy. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Serves the built renderer at `app://wallet/…`. It reads only inside `rendererDir` (the shared static-file
 * resolver refuses traversal and unknown file types) and answers any other host of the scheme with 404, so
 * `app://anything-else/` is never a second origin with the same files.
 */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url)) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const file = await readStaticFile(rendererDir, new URL(request.url).pathname);
    if (!file) return plain(404, 'Not found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.contentType },
    });
  };
}
