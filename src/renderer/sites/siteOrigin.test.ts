import { describe, expect, it } from 'vitest';
import { originParts } from './siteOrigin';

describe('originParts', () => {
  it('puts the host, with its port, apart from the scheme', () => {
    expect(originParts('https://app.uniswap.org')).toEqual({ scheme: 'https://', host: 'app.uniswap.org' });
    expect(originParts('http://localhost:5173')).toEqual({ scheme: 'http://', host: 'localhost:5173' });
    expect(originParts('http://[::1]:8080')).toEqual({ scheme: 'http://', host: '[::1]:8080' });
  });

  it('shows anything that is not a bare origin whole, as the host', () => {
    expect(originParts('https://evil.example/https://app.uniswap.org')).toEqual({
      scheme: '',
      host: 'https://evil.example/https://app.uniswap.org',
    });
    expect(originParts('chrome-extension://abc')).toEqual({ scheme: '', host: 'chrome-extension://abc' });
  });
});
