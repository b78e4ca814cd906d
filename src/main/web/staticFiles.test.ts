import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlFor, pathOf, readStaticFile, resolveStaticPath } from './staticFiles';

describe('static files of the browser host', () => {
  let base: string;
  let root: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'static-'));
    root = join(base, 'renderer');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html>');
    writeFileSync(join(root, 'assets', 'app.js'), 'export {}');
    writeFileSync(join(base, 'secret.json'), '{}');
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves index.html at / and assets with their content type', async () => {
    expect((await readStaticFile(root, '/'))?.contentType).toBe('text/html; charset=utf-8');
    expect((await readStaticFile(root, '/assets/app.js'))?.contentType).toBe(
      'text/javascript; charset=utf-8',
    );
  });

  it.each([
    '/../secret.json',
    '/%2e%2e/secret.json',
    '/assets/..%2f..%2fsecret.json',
    '/a%00.js',
    '/..\\secret.json',
    '/%E0%A4%A',
  ])('refuses the traversal %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });

  it('serves only known file types, and nothing that does not exist', async () => {
    expect(resolveStaticPath(root, '/wallet.sqlite')).toBeNull();
    expect(await readStaticFile(root, '/missing.js')).toBeNull();
  });
});

describe('pathOf', () => {
  it('gives the path of a request target, and null for one URL cannot resolve', () => {
    expect(pathOf({ url: '/index.html?x=1' })).toBe('/index.html');
    expect(pathOf({})).toBe('/');
    expect(pathOf({ url: '//' })).toBeNull();
  });
});

describe('cacheControlFor', () => {
  it('keeps a content-hashed asset for good and asks again for everything else', () => {
    const forGood = 'private, max-age=31536000, immutable';
    expect(cacheControlFor('/assets/index-hf-qzcoF.js')).toBe(forGood);
    expect(cacheControlFor('/assets/SafesPage--an7d6L_.js')).toBe(forGood);
    expect(cacheControlFor('/assets/inter-latin-wght-normal-Dx4kXJAl.woff2')).toBe(forGood);
    expect(cacheControlFor('/')).toBe('no-cache');
    expect(cacheControlFor('/index.html')).toBe('no-cache');
    expect(cacheControlFor('/favicon.svg')).toBe('no-cache');
    // Not a build's name: served, but never kept as if its bytes could not change.
    expect(cacheControlFor('/assets/app.js')).toBe('no-cache');
    expect(cacheControlFor('/assets/sub/index-hf-qzcoF.js')).toBe('no-cache');
  });
});
