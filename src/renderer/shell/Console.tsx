import { Suspense, useDeferredValue, useEffect, useRef, type RefObject, type SyntheticEvent } from 'react';
import type { DappRequestView } from '../../shared/dapps';
import { TrezorPrompts } from '../devices/TrezorPrompts';
import { FailureBoundary } from '../routing/FailureBoundary';
import type { Route } from '../routing/routes';
import { useHashRoute } from '../routing/useHashRoute';
import { NotFoundPage } from '../screens/NotFoundPage';
import { RouteArrivalProvider, useRouteArrival } from '../screens/routeArrival';
import { useWallet } from '../session/WalletContext';
import { SigningOverlay } from '../signing/SigningOverlay';
import { useShowCallsStatus } from '../sites/useShowCallsStatus';
import { SiteRequestUnavailable } from '../sites/SiteRequestUnavailable';
import { useSiteRequests } from '../sites/useSiteRequests';
import { OVERLAY_CHUNKS, siteRequestSheet } from './overlayChunks';
import { preloadScreenAt, ROUTE_SCREENS } from './routeScreens';
import { ScreenUnavailable } from './ScreenUnavailable';
import { Sidebar } from './Sidebar';
import { SkipLink } from './SkipLink';
import { TopBar } from './TopBar';
import { warmWhenIdle } from './warmWhenIdle';
import './Console.css';

/** Once a screen has painted, fetch what a click or a site's request could need next, overlays first. */
function WarmTheRest() {
  useEffect(
    () => warmWhenIdle([...OVERLAY_CHUNKS, ...Object.values(ROUTE_SCREENS).map((screen) => screen.preload)]),
    [],
  );
  return null;
}

/** Where a screen whose chunk is still on its way will be: the page's frame, empty, so nothing flashes. */
function ScreenPending() {
  return <div className="page" aria-busy="true" />;
}

/** A pointer over a link, or focus on it, is a click on its way: its screen's chunk can start now. */
function preloadLinkedScreen(event: SyntheticEvent) {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#/"]') : null;
  if (link) void preloadScreenAt(link.getAttribute('href') ?? '');
}

/** A screen that fails to load or to render leaves the sidebar and the top bar working, and says so. */
function RouteScreen({ route, content }: { route: Route; content: RefObject<HTMLElement | null> }) {
  const { Screen, preload } = ROUTE_SCREENS[route.id];
  // Reload takes its own button away: focus waits on the content pane for what comes in its place.
  const reloadFrom = (reload: () => void) => () => {
    content.current?.focus();
    reload();
  };
  return (
    <FailureBoundary
      name={route.title}
      retry={preload}
      fallback={(failure, reload) => (
        <ScreenUnavailable title={route.title} failure={failure} onReload={reloadFrom(reload)} />
      )}
    >
      <Screen />
    </FailureBoundary>
  );
}

/** Sites' requests, over any screen; if their sheet cannot show, they still wait visibly and can be rejected. */
function SiteRequests({ requests }: { requests: readonly DappRequestView[] }) {
  return (
    <FailureBoundary
      name="The site request sheet"
      retry={siteRequestSheet.preload}
      fallback={(failure, reload) => (
        <SiteRequestUnavailable requests={requests} failure={failure} onReload={reload} />
      )}
    >
      <Suspense>
        <siteRequestSheet.Screen requests={requests} />
      </Suspense>
    </FailureBoundary>
  );
}

/** The console frame: sidebar, top bar, and the screen the hash names. */
export function Console() {
  const location = useHashRoute();
  const { info } = useWallet();
  const route = location.kind === 'route' ? location.route : null;
  const title = route ? route.title : 'Page not found';
  // While the next screen's chunk is on its way the current screen stays, rather than a blank pane.
  const shownRoute = useDeferredValue(route);
  const main = useRef<HTMLElement>(null);
  // Keyed by screen, not section: moving between sections of one screen is that screen's focus to manage.
  // And by the screen shown, not the hash, so the screen still on view does not take focus for the next.
  const claimArrival = useRouteArrival(shownRoute?.id ?? 'not-found');
  const siteRequests = useSiteRequests().list ?? [];
  useShowCallsStatus();

  useEffect(() => {
    document.title = `${title} · ${info.name}`;
  }, [title, info.name]);

  return (
    <div className="console" onPointerOver={preloadLinkedScreen} onFocus={preloadLinkedScreen}>
      <SkipLink target={main} />
      <Sidebar activeRouteId={route?.id ?? null} info={info} waiting={{ sites: siteRequests.length }} />
      <div className="console__main">
        <TopBar />
        <main ref={main} id="content" className="console__content" tabIndex={-1}>
          <RouteArrivalProvider value={claimArrival}>
            <Suspense fallback={<ScreenPending />}>
              {/* Keyed, so that moving to another screen clears a failure; the Suspense above stays, so the
                  screen on view still stays while the next one's chunk is on its way. */}
              {shownRoute ? (
                <RouteScreen key={shownRoute.id} route={shownRoute} content={main} />
              ) : (
                <NotFoundPage />
              )}
              <WarmTheRest />
            </Suspense>
          </RouteArrivalProvider>
        </main>
      </div>
      {/* A site's request waits for the user on any screen; mounted first, so a device's sheet opens over it. */}
      {siteRequests.length > 0 && <SiteRequests requests={siteRequests} />}
      {/* Devices ask for confirmation, a PIN or a passphrase in the middle of anything, on any screen. */}
      <SigningOverlay />
      <TrezorPrompts />
    </div>
  );
}
