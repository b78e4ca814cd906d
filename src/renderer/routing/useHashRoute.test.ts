// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseHash, useHashRoute } from './useHashRoute';

describe('parseHash', () => {
  it('names a route by its id, with or without a trailing slash', () => {
    expect(parseHash('#/settings')).toMatchObject({ kind: 'route', route: { title: 'Settings' } });
    expect(parseHash('#/approvals/')).toMatchObject({ kind: 'route', route: { title: 'Approvals' } });
  });

  it('treats a blank hash as the portfolio', () => {
    for (const hash of ['', '#', '#/']) {
      expect(parseHash(hash)).toMatchObject({ kind: 'route', route: { id: 'portfolio' } });
    }
  });

  it('reports anything else as not found instead of guessing', () => {
    expect(parseHash('#/Settings')).toEqual({ kind: 'not-found' });
    expect(parseHash('#secret=abc')).toEqual({ kind: 'not-found' });
    // Only a screen with sections takes one, and never more than one level.
    expect(parseHash('#/devices/ledger')).toEqual({ kind: 'not-found' });
    expect(parseHash('#/settings/networks/ethereum')).toEqual({ kind: 'not-found' });
    expect(parseHash('#/settings//networks')).toEqual({ kind: 'not-found' });
  });

  it('names a section of Settings after its id', () => {
    expect(parseHash('#/settings/networks')).toMatchObject({
      kind: 'route',
      route: { id: 'settings' },
      section: 'networks',
    });
    expect(parseHash('#/settings/local-data/')).toMatchObject({ section: 'local-data' });
  });

  it('opens Settings at its start for a section that is not a slug, rather than passing it on', () => {
    for (const hash of ['#/settings/Networks', '#/settings/%3Cscript%3E', `#/settings/${'a'.repeat(41)}`]) {
      const location = parseHash(hash);
      expect(location).toMatchObject({ kind: 'route', route: { id: 'settings' } });
      expect(location).not.toHaveProperty('section');
    }
  });
});

describe('useHashRoute', () => {
  beforeEach(() => {
    history.replaceState(null, '', '/');
  });

  it('puts the default route in the address bar without adding a history entry', () => {
    const before = history.length;
    const { result } = renderHook(() => useHashRoute());
    expect(result.current).toMatchObject({ kind: 'route', route: { id: 'portfolio' } });
    expect(location.hash).toBe('#/portfolio');
    expect(history.length).toBe(before);
  });

  it('follows the hash as links change it', async () => {
    const { result } = renderHook(() => useHashRoute());
    await act(async () => {
      const changed = new Promise((resolve) =>
        window.addEventListener('hashchange', resolve, { once: true }),
      );
      location.hash = '#/devices';
      await changed;
    });
    expect(result.current).toMatchObject({ kind: 'route', route: { id: 'devices' } });
  });
});
