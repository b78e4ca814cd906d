// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ThemePreference } from '../../shared/settings';
import { resolveTheme, useAppliedTheme } from './useAppliedTheme';

/** A stand-in for the OS colour-scheme query that the test can flip. */
class ColorSchemeQueryDouble {
  matches: boolean;
  private readonly listeners = new Set<() => void>();
  constructor(prefersDark: boolean) {
    this.matches = prefersDark;
  }
  addEventListener(_type: 'change', listener: () => void) {
    this.listeners.add(listener);
  }
  removeEventListener(_type: 'change', listener: () => void) {
    this.listeners.delete(listener);
  }
  flip(prefersDark: boolean) {
    this.matches = prefersDark;
    for (const listener of this.listeners) listener();
  }
}

function stubSystemScheme(prefersDark: boolean): ColorSchemeQueryDouble {
  const query = new ColorSchemeQueryDouble(prefersDark);
  vi.spyOn(window, 'matchMedia').mockReturnValue(query as unknown as MediaQueryList);
  return query;
}

afterEach(() => {
  vi.restoreAllMocks();
  delete document.documentElement.dataset.theme;
});

describe('resolveTheme', () => {
  it('lets an explicit choice win over the OS', () => {
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('follows the OS for system', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
  });
});

describe('useAppliedTheme', () => {
  it('marks <html> with the chosen theme', () => {
    stubSystemScheme(false);
    const { rerender } = renderHook((preference: ThemePreference) => useAppliedTheme(preference), {
      initialProps: 'dark',
    });
    expect(document.documentElement.dataset.theme).toBe('dark');
    rerender('light');
    expect(document.documentElement.dataset.theme).toBe('light');
  });

  it('follows the OS live while the preference is system', () => {
    const query = stubSystemScheme(false);
    renderHook(() => useAppliedTheme('system'));
    expect(document.documentElement.dataset.theme).toBe('light');
    act(() => query.flip(true));
    expect(document.documentElement.dataset.theme).toBe('dark');
  });
});
