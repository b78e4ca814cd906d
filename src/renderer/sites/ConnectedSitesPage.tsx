import { Globe } from 'lucide-react';
import { useId, useState } from 'react';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { ErrorNote } from '../controls/ErrorNote';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { useWallet } from '../session/WalletContext';
import { BrowsersSection } from './BrowsersSection';
import { SiteTable } from './SiteTable';
import { useBrowsers } from './useBrowsers';
import { useSites } from './useSites';
import { useWalletConnect } from './useWalletConnect';
import { WalletConnectSessions } from './WalletConnectSessions';
import './ConnectedSitesPage.css';

const LEDE =
  'dApps that can see your accounts and ask you to sign: sites in your browser through the paired extension, and dApps anywhere through WalletConnect.';

/**
 * The sites connected through the browser extension, the dApps connected through WalletConnect, and the
 * browsers paired with this wallet.
 */
export function ConnectedSitesPage() {
  const { client } = useWallet();
  const sites = useSites();
  const browsers = useBrowsers();
  const walletConnect = useWalletConnect();
  const [revokingAll, setRevokingAll] = useState(false);
  const noteId = useId();
  const connected = sites.list ?? [];

  return (
    <Page
      title="Connected sites"
      lede={LEDE}
      wide
      actions={
        (connected.length > 0 || (walletConnect.view?.sessions.length ?? 0) > 0) && (
          <button type="button" className="button button--danger" onClick={() => setRevokingAll(true)}>
            Revoke all
          </button>
        )
      }
    >
      {sites.error && <ErrorNote outcome="Could not load the sites" message={sites.error} />}
      {sites.list &&
        (connected.length === 0 ? (
          // dApps connected through WalletConnect are listed below, so only a page with none at all is empty.
          !walletConnect.view?.sessions.length && (
            <EmptyState
              icon={Globe}
              headline="No site is connected"
              guidance="Install the Ledgerline extension in your browser and pair it under Browsers below, or connect a dApp through WalletConnect. It then asks to connect, and you choose which accounts it sees."
              actions={null}
            />
          )
        ) : (
          <section className="sites" aria-label="Sites">
            <SiteTable sites={connected} windowEthereumNoteId={noteId} />
            <p id={noteId} className="sites__note">
              window.ethereum: for older sites that do not look for wallets by EIP-6963. Turn it on only where
              a site cannot find the wallet, since it may take the place of another wallet extension there.
              For a site that cannot connect without it, press the Ledgerline button in the browser on that
              site.
            </p>
          </section>
        ))}
      {walletConnect.error && (
        <ErrorNote outcome="Could not load WalletConnect" message={walletConnect.error} />
      )}
      {walletConnect.view && (
        <WalletConnectSessions view={walletConnect.view} onChange={walletConnect.show} />
      )}
      {browsers.error && <ErrorNote outcome="Could not load the browsers" message={browsers.error} />}
      {browsers.view && <BrowsersSection view={browsers.view} onChange={browsers.show} />}
      {revokingAll && (
        <ConfirmDialog
          title="Revoke every site in the browser?"
          description={
            <p>
              Every site connected through the browser extension sees no account from now on, and every
              WalletConnect session ends on both sides, at once. Each must ask again to connect. Nothing
              already signed is undone.
            </p>
          }
          confirmLabel="Revoke all"
          tone="danger-solid"
          failedOutcome="Not revoked"
          confirm={() => client.call('dapps.revokeAll')}
          onClose={() => setRevokingAll(false)}
        />
      )}
    </Page>
  );
}
