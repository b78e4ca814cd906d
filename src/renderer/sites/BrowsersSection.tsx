import { Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { BrowsersView, PairedBrowserView } from '../../shared/dapps';
import { Callout } from '../controls/Callout';
import { ConfirmDialog } from '../controls/ConfirmDialog';
import { formatAge } from '../format/age';
import { useNow } from '../portfolio/useNow';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SettingsSection } from '../settings/SettingsSection';
import { PairBrowserDialog } from './PairBrowserDialog';
// A browser is listed as a paired phone is: name, when paired, last seen, revoke.
import '../pairing/PairingPage.css';

const PAIRED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function BridgeStatus({ bridge }: { bridge: BrowsersView['bridge'] }) {
  if (bridge.error) {
    return (
      <Callout tone="danger" title="Browsers cannot reach the wallet">
        {bridge.error}
      </Callout>
    );
  }
  return (
    <p className="browsers__bridge">
      <span className="badge" data-tone={bridge.listening ? 'success' : undefined}>
        {bridge.listening ? 'Listening' : 'Not listening'}
      </span>
      {bridge.listening
        ? `Paired extensions connect to 127.0.0.1:${bridge.port}, on this computer only.`
        : 'It starts when you pair a browser.'}
    </p>
  );
}

interface BrowserListProps {
  browsers: PairedBrowserView[];
  onChange(view: BrowsersView): void;
}

function BrowserList({ browsers, onChange }: BrowserListProps) {
  const { client } = useWallet();
  const now = useNow(10_000);
  const [revoking, setRevoking] = useState<PairedBrowserView | null>(null);
  if (browsers.length === 0) return <p className="phone-list__empty">No browser is paired yet.</p>;
  return (
    <>
      <ul className="phone-list" aria-label="Paired browsers">
        {browsers.map((browser) => (
          <li key={browser.id} className="phone-list__row" aria-label={browser.name}>
            <span className="phone-list__name">
              <span
                className="phone-list__dot"
                data-online={browser.online ? '' : undefined}
                aria-hidden="true"
              />
              {browser.name}
              <span className="visually-hidden">{browser.online ? ', online' : ', offline'}</span>
            </span>
            <dl className="phone-list__facts">
              <div>
                <dt>Paired</dt>
                <dd>{PAIRED_AT.format(browser.pairedAt)}</dd>
              </div>
              <div>
                <dt>Last seen</dt>
                <dd>{browser.online ? 'Online now' : formatAge(browser.lastSeenAt, now)}</dd>
              </div>
            </dl>
            <div className="phone-list__actions">
              <button type="button" className="button button--danger" onClick={() => setRevoking(browser)}>
                <Trash2 size={14} aria-hidden="true" />
                Revoke
              </button>
            </div>
          </li>
        ))}
      </ul>
      {revoking && (
        <ConfirmDialog
          title={`Revoke ${revoking.name}?`}
          description={
            <p>
              The wallet refuses this browser’s extension from now on and closes its connection at once. Sites
              in that browser can no longer reach the wallet until you pair it again.
            </p>
          }
          confirmLabel="Revoke browser"
          tone="danger-solid"
          failedOutcome="Not revoked"
          confirm={async () => onChange(await client.call('browsers.revoke', { id: revoking.id }))}
          onClose={() => setRevoking(null)}
        />
      )}
    </>
  );
}

interface BrowsersSectionProps {
  view: BrowsersView;
  onChange(view: BrowsersView): void;
}

/** The loopback bridge the extension talks to, the paired browsers, and pairing another. */
export function BrowsersSection({ view, onChange }: BrowsersSectionProps) {
  const { client } = useWallet();
  const [pairing, setPairing] = useState(false);
  const start = useAction(async () => {
    const next = await client.call('browsers.startPairing');
    onChange(next);
    return next.pairing?.id ?? null;
  });

  return (
    <SettingsSection title="Browsers">
      <div className="browsers__head">
        <BridgeStatus bridge={view.bridge} />
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setPairing(true);
            void start.run();
          }}
        >
          Pair a browser
        </button>
      </div>
      <BrowserList browsers={view.paired} onChange={onChange} />
      {pairing && (
        <PairBrowserDialog
          pairing={view.pairing}
          start={start}
          onChange={onChange}
          onClose={() => {
            start.clear();
            setPairing(false);
          }}
        />
      )}
    </SettingsSection>
  );
}
