import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE_ID, ROUTES, routeHref, type Route } from './routes';

export type HashLocation = { kind: 'route'; route: Route } | { kind: 'not-found' };

function isBlank(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/';
}

/** `#/settings` and `#/settings/` name the Settings route; a blank hash is the default route. */
export function parseHash(hash: string): HashLocation {
  const id = isBlank(hash) ? DEFAULT_ROUTE_ID : hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const route = ROUTES.find((candidate) => candidate.id === id);
  return route ? { kind: 'route', route } : { kind: 'not-found' };
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const readHash = () => window.location.hash;

/** The current route from `location.hash`; links are plain `<a href="#/…">`, so no router is needed. */
export function useHashRoute(): HashLocation {
  const hash = useSyncExternalStore(subscribe, readHash);

  useEffect(() => {
    // Replace rather than push, so Back does not return to the blank address and bounce forward again.
    if (isBlank(hash)) {
      const { pathname, search } = window.location;
      window.history.replaceState(null, '', `${pathname}${search}${routeHref(DEFAULT_ROUTE_ID)}`);
    }
  }, [hash]);

  return useMemo(() => parseHash(hash), [hash]);
}
