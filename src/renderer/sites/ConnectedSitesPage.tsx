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
import './ConnectedSitesPage.css';

const LEDE =
  'Sites in your browser that can see your accounts and ask you to sign, through the paired extension.';

/** The sites connected through the browser extension, and the browsers paired with this wallet. */
export function ConnectedSitesPage() {
  const { client } = useWallet();
  const sites = useSites();
  const browsers = useBrowsers();
  const [revokingAll, setRevokingAll] = useState(false);
  const noteId = useId();
  const connected = sites.list ?? [];

  return (
    <Page
      title="Connected sites"
      lede={LEDE}
      wide
      actions={
        connected.length > 0 && (
          <button type="button" className="button button--danger" onClick={() => setRevokingAll(true)}>
            Revoke all
          </button>
        )
      }
    >
      {sites.error && <ErrorNote outcome="Could not load the sites" message={sites.error} />}
      {sites.list &&
        (connected.length === 0 ? (
          <EmptyState
            icon={Globe}
            headline="No site is connected"
            guidance="Install the Ledgerline extension in your browser and pair it under Browsers below. A site then asks to connect, and you choose which accounts it sees."
            actions={null}
          />
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
      {browsers.error && <ErrorNote outcome="Could not load the browsers" message={browsers.error} />}
      {browsers.view && <BrowsersSection view={browsers.view} onChange={browsers.show} />}
      {revokingAll && (
        <ConfirmDialog
          title="Revoke every site?"
          description={
            <p>
              Every site sees no account from now on, at once, and must ask again to connect. Nothing already
              signed is undone.
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
