import { useEffect, useRef } from 'react';
import { AddressBookPage } from '../addressBook/AddressBookPage';
import { ApprovalsPage } from '../approvals/ApprovalsPage';
import { DevicesPage } from '../devices/DevicesPage';
import { TrezorPrompts } from '../devices/TrezorPrompts';
import { HistoryPage } from '../history/HistoryPage';
import { PairingPage } from '../pairing/PairingPage';
import { PortfolioPage } from '../portfolio/PortfolioPage';
import { SafesPage } from '../safes/SafesPage';
import { SendPage } from '../send/SendPage';
import type { Route } from '../routing/routes';
import { useHashRoute } from '../routing/useHashRoute';
import { NotFoundPage } from '../screens/NotFoundPage';
import { RouteArrivalProvider, useRouteArrival } from '../screens/routeArrival';
import { useWallet } from '../session/WalletContext';
import { SettingsPage } from '../settings/SettingsPage';
import { SigningOverlay } from '../signing/SigningOverlay';
import { ConnectedSitesPage } from '../sites/ConnectedSitesPage';
import { SiteRequestSheet } from '../sites/SiteRequestSheet';
import { useShowCallsStatus } from '../sites/useShowCallsStatus';
import { useSiteRequests } from '../sites/useSiteRequests';
import { Sidebar } from './Sidebar';
import { SkipLink } from './SkipLink';
import { TopBar } from './TopBar';
import './Console.css';

function RouteScreen({ route }: { route: Route }) {
  if (route.id === 'settings') return <SettingsPage />;
  if (route.id === 'portfolio') return <PortfolioPage />;
  if (route.id === 'devices') return <DevicesPage />;
  if (route.id === 'history') return <HistoryPage />;
  if (route.id === 'send') return <SendPage />;
  if (route.id === 'approvals') return <ApprovalsPage />;
  if (route.id === 'address-book') return <AddressBookPage />;
  if (route.id === 'sites') return <ConnectedSitesPage />;
  if (route.id === 'safes') return <SafesPage />;
  return <PairingPage />;
}

/** The console frame: sidebar, top bar, and the screen the hash names. */
export function Console() {
  const location = useHashRoute();
  const { info } = useWallet();
  const route = location.kind === 'route' ? location.route : null;
  const title = route ? route.title : 'Page not found';
  const main = useRef<HTMLElement>(null);
  // Keyed by screen, not section: moving between sections of one screen is that screen's focus to manage.
  const claimArrival = useRouteArrival(route?.id ?? 'not-found');
  const siteRequests = useSiteRequests().list ?? [];
  useShowCallsStatus();

  useEffect(() => {
    document.title = `${title} · ${info.name}`;
  }, [title, info.name]);

  return (
    <div className="console">
      <SkipLink target={main} />
      <Sidebar activeRouteId={route?.id ?? null} info={info} waiting={{ sites: siteRequests.length }} />
      <div className="console__main">
        <TopBar />
        <main ref={main} id="content" className="console__content" tabIndex={-1}>
          <RouteArrivalProvider value={claimArrival}>
            {route ? <RouteScreen route={route} /> : <NotFoundPage />}
          </RouteArrivalProvider>
        </main>
      </div>
      {/* A site's request waits for the user on any screen; mounted first, so a device's sheet opens over it. */}
      <SiteRequestSheet requests={siteRequests} />
      {/* Devices ask for confirmation, a PIN or a passphrase in the middle of anything, on any screen. */}
      <SigningOverlay />
      <TrezorPrompts />
    </div>
  );
}
