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
