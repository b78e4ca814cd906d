import { describe, expect, it } from 'vitest';
import { senderOrigin } from './senderOrigin';

describe('senderOrigin', () => {
  it("takes the frame's origin as the browser reports it", () => {
    expect(senderOrigin({ origin: 'https://app.uniswap.org', url: 'https://evil.example/' })).toBe(
      'https://app.uniswap.org',
    );
  });

  it('falls back to the origin of the URL, without path or query', () => {
    expect(senderOrigin({ url: 'https://app.example.org:8443/swap?x=1#y' })).toBe(
      'https://app.example.org:8443',
    );
    expect(senderOrigin({ url: 'http://localhost:5173/' })).toBe('http://localhost:5173');
  });

  it('gives no site for frames the wallet does not serve', () => {
    for (const sender of [
      undefined,
      {},
      { origin: 'null' },
      { origin: 'http://example.org' },
      { origin: 'chrome-extension://abcdefghijklmnop' },
      { origin: 'https://app.example.org/path' },
      { url: 'not a url' },
      { url: 'file:///etc/passwd' },
      { url: 'http://192.168.1.2/' },
    ]) {
      expect(senderOrigin(sender)).toBeNull();
    }
  });
});
