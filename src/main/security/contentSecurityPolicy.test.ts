import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './contentSecurityPolicy';

describe('contentSecurityPolicy', () => {
  it('allows nothing by default and no inline or eval script', () => {
    const csp = contentSecurityPolicy({ connectSrc: [] });
    expect(csp).toMatch(/^default-src 'none'/);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).toContain("connect-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('opens connect-src only to the sources named', () => {
    expect(contentSecurityPolicy({ connectSrc: ['ws://127.0.0.1:4100'] })).toContain(
      'connect-src ws://127.0.0.1:4100;',
    );
  });
});

describe('the <meta> policy in index.html', () => {
  it('is the same policy the hosts send, for a page that connects only to its own origin', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(contentSecurityPolicy({ connectSrc: ["'self'"], delivery: 'meta' }));
  });
});
