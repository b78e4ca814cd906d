import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP, APP_SCHEME_PRIVILEGES, createAppRequestHandler } from './appProtocol';

describe('the app:// protocol', () => {
  let base: string;
  let serve: (request: Request) => Promise<Response>;

  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'app-protocol-'));
    const renderer = join(base, 'renderer');
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Ledgerline</title>');
    writeFileSync(join(renderer, 'assets', 'index.js'), 'export {};');
    writeFileSync(join(base, 'wallet.sqlite.json'), '{"secret":true}');
    serve = createAppRequestHandler(renderer);
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  it('serves the entry page with the strict policy and nosniff', async () => {
    const response = await serve(new Request('app://wallet/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await response.text()).toContain('<title>Ledgerline</title>');
  });

  it('serves assets with their type, and HEAD without a body', async () => {
    const js = await serve(new Request('app://wallet/assets/index.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const head = await serve(new Request('app://wallet/assets/index.js', { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    'app://wallet/../wallet.sqlite.json',
    'app://wallet/%2e%2e/wallet.sqlite.json',
    'app://wallet/assets/..%2f..%2fwallet.sqlite.json',
    'app://wallet/..%5cwallet.sqlite.json',
    'app://wallet/index.html%00.js',
    'app://wallet/missing.js',
    'app://wallet/wallet.sqlite',
    'app://other/index.html',
    'app://wallet:1/index.html',
  ])('answers %s with 404 and still under the policy', async (url) => {
    const response = await serve(new Request(url));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(await response.text()).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await serve(new Request('app://wallet/index.html', { method: 'POST', body: 'x' }));
    expect(response.status).toBe(405);
  });

  it('sends the policy the security baseline asks for', () => {
    for (const directive of [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "base-uri 'none'",
      "form-action 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(APP_CSP.split('; ')).toContain(directive);
    }
    expect(APP_CSP).not.toMatch(/unsafe-|\*/);
  });

  it('registers the scheme without CSP bypass or cross-origin reads', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});
