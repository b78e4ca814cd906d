import { useLayoutEffect, useSyncExternalStore } from 'react';
import type { ThemePreference } from '../../shared/settings';

export type AppliedTheme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): AppliedTheme {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light';
  return preference;
}

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

const systemPrefersDark = () => window.matchMedia(DARK_QUERY).matches;

/**
 * Puts the resolved theme on `<html data-theme>`, where the CSS tokens pick it up. With 'system' it follows
 * the OS live, so switching the OS to dark at sunset switches the app without a reload.
 */
export function useAppliedTheme(preference: ThemePreference): void {
  const theme = resolveTheme(preference, useSyncExternalStore(subscribe, systemPrefersDark));
  // A layout effect, so the first paint already has the right colours.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
