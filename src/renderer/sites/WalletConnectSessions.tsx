import { Unplug } from 'lucide-react';
import { useState } from 'react';
import type {
  WalletConnectSessionView,
  WalletConnectStatus,
  WalletConnectView,
} from '../../shared/walletConnect';
import { ChainBadge } from '../chains/ChainBadge';
import { Callout } from '../controls/Callout';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { formatAge } from '../format/age';
import { useNow } from '../portfolio/useNow';
import { useWallet } from '../session/WalletContext';
import { SettingsSection } from '../settings/SettingsSection';
import { settingsHref } from '../settings/settingsSections';
import { ConnectDappDialog } from './ConnectDappDialog';
import { accountNames, WaitingCount } from './siteCells';
import { SiteName } from './SiteName';
import { VerificationMark } from './VerificationMark';
import './WalletConnectSessions.css';

const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function relayHost(url: string): string {
  return url.replace(/^wss?:\/\//, '').replace(/\/$/, '');
}

/** The link to the relay, said plainly: a missing project id or a dead link is never a silent failure. */
function RelayStatus({ status }: { status: WalletConnectStatus }) {
  switch (status.state) {
    case 'needs-project-id':
      return (
        <Callout tone="info" title="WalletConnect needs a project id">
          <p>
            The relay admits wallets under a free project id from Reown. Until one is set, no dApp can reach
            this wallet through WalletConnect.
          </p>
          <a className="button" href={settingsHref('walletconnect')}>
            Set a project id in Settings
          </a>
        </Callout>
      );
    case 'offline':
      return (
        <Callout tone="danger" title="WalletConnect is offline">
          {status.error ?? `The relay at ${relayHost(status.relayUrl)} cannot be reached.`}
        </Callout>
      );
    default: {
      const online = status.state === 'online';
      return (
        <p className="browsers__bridge" role="status">
          <span className="badge" data-tone={online ? 'success' : undefined}>
            {online ? 'Online' : 'Connecting'}
          </span>
          {online
            ? `Through the relay at ${relayHost(status.relayUrl)}.`
            : `Reaching the relay at ${relayHost(status.relayUrl)}…`}
        </p>
      );
    }
  }
}

function SessionTable({ sessions }: { sessions: WalletConnectSessionView[] }) {
  const { client } = useWallet();
  const now = useNow(10_000);
  const [ending, setEnding] = useState<WalletConnectSessionView | null>(null);
  if (sessions.length === 0)
    return <p className="phone-list__empty">No dApp is connected through WalletConnect.</p>;
  return (
    <>
      <table className="sites__table wc-sessions" aria-label="WalletConnect sessions">
        <thead>
          <tr>
            <th scope="col">dApp</th>
            <th scope="col">Accounts</th>
            <th scope="col">Networks</th>
            <th scope="col">Last used</th>
            <th scope="col" className="sites__num">
              Waiting
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.topic} aria-label={session.name || session.origin}>
              <td className="wc-sessions__dapp">
                <span className="wc-sessions__name">{session.name || 'Unnamed dApp'}</span>
                <span className="wc-sessions__claim">
                  <SiteName origin={session.origin} variant="row" />
                  <VerificationMark verification={session.verification} />
                </span>
              </td>
              <td className="sites__accounts" title={session.accounts.map((a) => a.address).join('\n')}>
                {accountNames(session.accounts)}
              </td>
              <td>
                <span className="wc-sessions__chains">
                  {session.chains.map((chain) => (
                    <ChainBadge key={chain.chainId} chain={{ id: chain.chainId, name: chain.name }} />
                  ))}
                </span>
              </td>
              <td
                className="sites__age"
                title={`Connected ${DATE.format(session.connectedAt)}; lapses after ${DATE.format(session.expiresAt)} unless the dApp renews it`}
              >
                {formatAge(session.lastUsedAt, now)}
              </td>
              <td className="sites__num">
                <WaitingCount pending={session.pending} />
              </td>
              <td className="sites__actions">
                <button type="button" className="button button--danger" onClick={() => setEnding(session)}>
                  <Unplug size={14} aria-hidden="true" />
                  Disconnect
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {ending && (
        <ConfirmDialog
          title={`Disconnect ${ending.name || 'this dApp'}?`}
          description={
            <p>
              The session ends on both sides at once: the dApp sees no account from now on and must connect
              again. Requests it left waiting are refused. Nothing already signed is undone.
            </p>
          }
          confirmLabel="Disconnect"
          tone="danger-solid"
          failedOutcome="Not disconnected"
          confirm={() => client.call('walletconnect.disconnect', { topic: ending.topic })}
          onClose={() => setEnding(null)}
        />
      )}
    </>
  );
}

interface WalletConnectSessionsProps {
  view: WalletConnectView;
  onChange(view: WalletConnectView): void;
}

/** dApps connected through WalletConnect, beside the extension's sites: the relay link, the sessions, pairing. */
export function WalletConnectSessions({ view, onChange }: WalletConnectSessionsProps) {
  const [connecting, setConnecting] = useState(false);
  return (
    <SettingsSection title="WalletConnect">
      <div className="browsers__head">
        <RelayStatus status={view.status} />
        <button type="button" className="button button--primary" onClick={() => setConnecting(true)}>
          Connect a dApp
        </button>
      </div>
      <SessionTable sessions={view.sessions} />
      {connecting && (
        <ConnectDappDialog view={view} onChange={onChange} onClose={() => setConnecting(false)} />
      )}
    </SettingsSection>
  );
}
