import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { DEFAULT_ROUTE_ID, ROUTES, routeHref, type Route } from './routes';

/** Where the hash points: a screen, and on a sectioned screen perhaps one of its sections. */
export type HashLocation = { kind: 'route'; route: Route; section?: string } | { kind: 'not-found' };

/** A section is a short lowercase slug; the screen decides whether it has one by that name. */
const SECTION = /^[a-z][a-z0-9-]{0,39}$/;

function isBlank(hash: string): boolean {
  return hash === '' || hash === '#' || hash === '#/';
}

/**
 * `#/settings` and `#/settings/` name the Settings route, `#/settings/networks` its Networks section; a blank
 * hash is the default route.
 */
export function parseHash(hash: string): HashLocation {
  const path = isBlank(hash) ? DEFAULT_ROUTE_ID : hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const [id, section, ...deeper] = path.split('/');
  const route = ROUTES.find((candidate) => candidate.id === id);
  if (!route || deeper.length > 0) return { kind: 'not-found' };
  if (section === undefined) return { kind: 'route', route };
  if (!route.sectioned) return { kind: 'not-found' };
  // A section the screen may not know still opens the screen: an old or mistyped link lands at its start.
  return SECTION.test(section) ? { kind: 'route', route, section } : { kind: 'route', route };
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
