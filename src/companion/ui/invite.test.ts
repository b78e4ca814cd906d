// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { takeInvite } from './invite';

describe('takeInvite', () => {
  it('returns the URL with its fragment and removes the fragment from the address bar', () => {
    window.history.replaceState(null, '', '/?x=1#c2VjcmV0');
    const url = takeInvite(window);
    expect(url).toBe(`${window.location.origin}/?x=1#c2VjcmV0`);
    expect(window.location.hash).toBe('');
    expect(window.location.href).toBe(`${window.location.origin}/?x=1`);
  });

  it('returns null without a fragment', () => {
    window.history.replaceState(null, '', '/');
    expect(takeInvite(window)).toBeNull();
  });
});
