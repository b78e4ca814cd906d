import { lazyScreen, type LazyScreen } from '../routing/lazyScreen';
import type { RouteId } from '../routing/routes';
import { parseHash } from '../routing/useHashRoute';

/**
 * Each console screen in a chunk of its own, so the first screen loads only its own code. Screens take no
 * props: what they show comes from the wallet's context and the hash.
 */
export const ROUTE_SCREENS: Readonly<Record<RouteId, LazyScreen<object>>> = {
  portfolio: lazyScreen(() => import('../portfolio/PortfolioPage').then((m) => m.PortfolioPage)),
  history: lazyScreen(() => import('../history/HistoryPage').then((m) => m.HistoryPage)),
  send: lazyScreen(() => import('../send/SendPage').then((m) => m.SendPage)),
  approvals: lazyScreen(() => import('../approvals/ApprovalsPage').then((m) => m.ApprovalsPage)),
  sites: lazyScreen(() => import('../sites/ConnectedSitesPage').then((m) => m.ConnectedSitesPage)),
  'address-book': lazyScreen(() => import('../addressBook/AddressBookPage').then((m) => m.AddressBookPage)),
  devices: lazyScreen(() => import('../devices/DevicesPage').then((m) => m.DevicesPage)),
  pairing: lazyScreen(() => import('../pairing/PairingPage').then((m) => m.PairingPage)),
  safes: lazyScreen(() => import('../safes/SafesPage').then((m) => m.SafesPage)),
  settings: lazyScreen(() => import('../settings/SettingsPage').then((m) => m.SettingsPage)),
};

/** Starts fetching the screen a hash names, if it names one: for the first screen, and for a link in reach. */
export function preloadScreenAt(hash: string): Promise<unknown> {
  const location = parseHash(hash);
  return location.kind === 'route' ? ROUTE_SCREENS[location.route.id].preload() : Promise.resolve();
}
