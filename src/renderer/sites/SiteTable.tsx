import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { SiteView } from '../../shared/dapps';
import { ChainBadge } from '../chains/ChainBadge';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { ErrorNote } from '../controls/ErrorNote';
import { Switch } from '../controls/Switch';
import { formatAge } from '../format/age';
import { useNow } from '../portfolio/useNow';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { originParts } from './siteOrigin';
import { accountNames, WaitingCount } from './siteCells';
import { SiteName } from './SiteName';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** When the site connected and, where its permission lapses, when it must ask again. */
function connectedWords(site: SiteView): string {
  const since = `Connected ${DATE.format(site.connectedAt)}`;
  return site.expiresAt === null ? since : `${since}; asks again after ${DATE.format(site.expiresAt)}`;
}

function WindowEthereumSwitch({ site, describedBy }: { site: SiteView; describedBy: string }) {
  const { client } = useWallet();
  const save = useAction((on: boolean) =>
    client.call('dapps.setWindowEthereum', { origin: site.origin, on }),
  );
  return (
    <>
      <Switch
        aria-label={`window.ethereum on ${originParts(site.origin).host}`}
        aria-describedby={describedBy}
        aria-busy={save.state.status === 'working'}
        checked={site.windowEthereum}
        onChange={(event) => void save.run(event.target.checked)}
      />
      {save.state.status === 'failed' && <ErrorNote outcome="Not changed" message={save.state.message} />}
    </>
  );
}

interface SiteTableProps {
  sites: SiteView[];
  /** The id of the sentence that says what window.ethereum is for, read with each switch. */
  windowEthereumNoteId: string;
}

/** The sites that can see accounts, what they see, and the way to cut one off. */
export function SiteTable({ sites, windowEthereumNoteId }: SiteTableProps) {
  const { client } = useWallet();
  const now = useNow(10_000);
  const [revoking, setRevoking] = useState<SiteView | null>(null);

  return (
    <div className="sites__table-wrap card">
      <table className="sites__table" aria-label="Connected sites">
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Accounts</th>
            <th scope="col">Network</th>
            <th scope="col">Last used</th>
            <th scope="col" className="sites__num">
              Waiting
            </th>
            <th scope="col">window.ethereum</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sites.map((site) => (
            <tr key={site.origin} aria-label={site.origin}>
              <td className="sites__site">
                <SiteName origin={site.origin} variant="row" />
              </td>
              <td className="sites__accounts" title={site.accounts.map((a) => a.address).join('\n')}>
                {accountNames(site.accounts)}
              </td>
              <td>
                <ChainBadge chain={{ id: site.chainId, name: site.chainName }} />
              </td>
              <td className="sites__age" title={connectedWords(site)}>
                {formatAge(site.lastUsedAt, now)}
              </td>
              <td className="sites__num">
                <WaitingCount pending={site.pending} />
              </td>
              <td>
                <WindowEthereumSwitch site={site} describedBy={windowEthereumNoteId} />
              </td>
              <td className="sites__actions">
                <button type="button" className="button button--danger" onClick={() => setRevoking(site)}>
                  <Trash2 size={14} aria-hidden="true" />
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${originParts(revoking.origin).host}?`}
          description={
            <p>
              The site sees no account from now on, at once, and must ask again to connect. Nothing it already
              had signed is undone.
            </p>
          }
          confirmLabel="Revoke site"
          tone="danger-solid"
          failedOutcome="Not revoked"
          confirm={() => client.call('dapps.revoke', { origin: revoking.origin })}
          onClose={() => setRevoking(null)}
        />
      )}
    </div>
  );
}
