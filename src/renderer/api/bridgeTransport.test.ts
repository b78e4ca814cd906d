// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { takeLaunchSecret } from './bridgeTransport';

describe('takeLaunchSecret', () => {
  beforeEach(() => {
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('takes the secret from the fragment, hides it from the address bar, and keeps it for reloads', () => {
    history.replaceState(null, '', '/#secret=abc_DEF-123');
    expect(takeLaunchSecret(location, sessionStorage, history)).toBe('abc_DEF-123');
    expect(location.hash).toBe('');
    expect(takeLaunchSecret(location, sessionStorage, history)).toBe('abc_DEF-123');
  });

  it('has nothing to offer a page opened without the link', () => {
    expect(takeLaunchSecret(location, sessionStorage, history)).toBeNull();
  });
});
