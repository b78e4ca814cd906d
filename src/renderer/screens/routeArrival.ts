import { createContext, useCallback, useContext, useRef } from 'react';

/**
 * Whether the page now mounting should take focus: true once per move to another route, never on the first
 * load (the user has not moved yet, and focus belongs to the window's start). The console provides it; a
 * page rendered outside a console (a test, a full-page message) never takes focus.
 */
export type ClaimArrival = () => boolean;

const RouteArrivalContext = createContext<ClaimArrival>(() => false);

export const RouteArrivalProvider = RouteArrivalContext.Provider;

export function useClaimArrival(): ClaimArrival {
  return useContext(RouteArrivalContext);
}

/**
 * For the console: the claim for the route shown now, by its key. The first page to claim after a change of
 * key gets it; a page that mounts again on the same route (its data arrived, say) does not take focus again.
 */
export function useRouteArrival(routeKey: string): ClaimArrival {
  const focusedFor = useRef(routeKey);
  return useCallback(() => {
    if (focusedFor.current === routeKey) return false;
    focusedFor.current = routeKey;
    return true;
  }, [routeKey]);
}
