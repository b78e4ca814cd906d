import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl } from './appOrigin';

describe('isAppUrl', () => {
  it.each([APP_ENTRY_URL, `${APP_ORIGIN}/`, APP_ORIGIN, `${APP_ORIGIN}/assets/index.js?x=1#/send`])(
    'accepts the wallet page %s',
    (url) => expect(isAppUrl(url)).toBe(true),
  );

  it.each([
    'app://wallet.evil/index.html',
    'app://evil/index.html',
    'app://wallet:8080/index.html',
    'app://user:pass@wallet/index.html',
    'app://user@wallet/',
    'https://wallet/index.html',
    'file:///app/wallet/index.html',
    'apps://wallet/',
    'about:blank',
    'javascript:alert(1)',
    'null',
    '',
    'not a url',
  ])('refuses %s', (url) => expect(isAppUrl(url)).toBe(false));
});
