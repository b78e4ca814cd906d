import type { PageVisibility } from '../core/phoneSigningKey';

/** The page's visibility as the browser reports it, for the core that must not touch the DOM. */
export function documentVisibility(document: Document): PageVisibility {
  return {
    hidden: () => document.visibilityState === 'hidden',
    onChange: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  };
}
