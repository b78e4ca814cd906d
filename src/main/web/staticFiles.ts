import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolves a URL path inside `root`, or null when it names nothing servable. Traversal (`..`, encoded
 * separators, NUL) resolves to null rather than to an error page, so probing learns nothing.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = normalize(join(root, relative));
  const base = normalize(root.endsWith(sep) ? root : root + sep);
  if (!full.startsWith(base)) return null;
  if (!(extname(full) in CONTENT_TYPES)) return null;
  return full;
}

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  const path = resolveStaticPath(root, urlPath);
  if (!path) return null;
  try {
    return {
      body: await readFile(path),
      contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream',
    };
  } catch {
    return null;
  }
}

/** A built asset, named by the hash of its content (Vite's `name-hash.ext`): that name never changes bytes. */
const HASHED_ASSET = /^\/assets\/[\w.-]+-[\w-]{8}\.\w+$/;

/**
 * How long a browser may keep a file: a hashed asset for good, so a later launch takes it from the cache, with
 * the compiled code Chromium keeps beside a cached script; anything else, index.html first, is asked for again
 * each time, since it names the assets of the build now served.
 */
export function cacheControlFor(urlPath: string): string {
  return HASHED_ASSET.test(urlPath) ? 'private, max-age=31536000, immutable' : 'no-cache';
}

/** Null for request targets such as `//` that Node's parser accepts but URL cannot resolve. */
export function pathOf(req: { url?: string }): string | null {
  try {
    return new URL(req.url ?? '/', 'http://host').pathname;
  } catch {
    return null;
  }
}
