import { useState } from 'react';
import type { PairedDesktop } from '../core/phoneState';
import { errorMessage, formatAgo, shortAddress } from './format';
import { Alert, Screen } from './Screen';

/** Where the phone stands with one desktop, beyond what the stored pairing says. */
export type Connection =
  { kind: 'connecting' } | { kind: 'online' } | { kind: 'offline'; reason: string | null };

export interface HomeProps {
  phoneName: string;
  address: string;
  desktops: readonly PairedDesktop[];
  connection(desktopId: string): Connection;
  now: number;
  onRetry(desktopId: string): void;
  onRevoke(desktopId: string): Promise<void>;
  onLock(): void;
}

export function Home(props: HomeProps) {
  const active = props.desktops.filter((desktop) => desktop.status === 'active');
  const inactive = props.desktops.filter((desktop) => desktop.status !== 'active');
  return (
    <Screen title={props.phoneName} step="Ledgerline companion">
      <section className="section" aria-labelledby="desktops-title">
        <h2 id="desktops-title">Paired desktops</h2>
        {props.desktops.length === 0 ? (
          <div className="card empty">
            <p>
              <strong>No desktop paired yet.</strong>
            </p>
            <p className="muted">
              On the desktop, open Ledgerline, go to Pairing and show the QR code. Scan it with this phone's
              camera.
            </p>
          </div>
        ) : (
          <ul className="desktop-list">
            {[...active, ...inactive].map((desktop) => (
              <DesktopItem
                key={desktop.id}
                desktop={desktop}
                connection={props.connection(desktop.id)}
                now={props.now}
                onRetry={() => props.onRetry(desktop.id)}
                onRevoke={() => props.onRevoke(desktop.id)}
              />
            ))}
          </ul>
        )}
        {props.desktops.length > 0 ? (
          <p className="hint">To pair another desktop, scan the QR code on its Pairing page.</p>
        ) : null}
      </section>
      <section className="section" aria-labelledby="address-title">
        <h2 id="address-title">This phone's address</h2>
        <AddressCard address={props.address} />
      </section>
      <section className="section" aria-labelledby="lock-title">
        <h2 id="lock-title">Done for now?</h2>
        <p className="hint">
          Locking disconnects from your desktops and forgets this phone's keys until the PIN is entered again.
          Desktops cannot reach the phone while it is locked.
        </p>
        <button type="button" className="button secondary" onClick={props.onLock}>
          Lock
        </button>
      </section>
    </Screen>
  );
}

function DesktopItem(props: {
  desktop: PairedDesktop;
  connection: Connection;
  now: number;
  onRetry(): void;
  onRevoke(): Promise<void>;
}) {
  const { desktop, connection } = props;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const titleId = `desktop-${desktop.id}`;

  const revoke = async () => {
    setBusy(true);
    setError(null);
    try {
      await props.onRevoke();
      setConfirming(false);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const status =
    desktop.status === 'revoked'
      ? { label: 'Revoked', tone: 'off' }
      : desktop.status === 'expired'
        ? { label: 'Pairing expired', tone: 'off' }
        : connection.kind === 'online'
          ? { label: 'Online', tone: 'on' }
          : connection.kind === 'connecting'
            ? { label: 'Connecting…', tone: 'wait' }
            : { label: 'Offline', tone: 'off' };

  return (
    <li className="card desktop" aria-labelledby={titleId}>
      <div className="desktop-head">
        <h3 id={titleId}>{desktop.name}</h3>
        <span className={`status ${status.tone}`}>
          <span className="dot" aria-hidden="true" />
          {status.label}
        </span>
      </div>
      <p className="muted small">
        Last seen {formatAgo(desktop.lastSeenAt, props.now)} · paired {formatAgo(desktop.pairedAt, props.now)}
      </p>
      {desktop.status === 'active' && connection.kind === 'offline' && connection.reason ? (
        <p className="small">{connection.reason}</p>
      ) : null}
      {desktop.status !== 'active' ? (
        <p className="small muted">This desktop cannot send requests to this phone. Pair again to use it.</p>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      {desktop.status === 'active' && confirming ? (
        <div className="confirm" role="group" aria-label={`Revoke ${desktop.name}`}>
          <p>
            Stop signing for {desktop.name}? It will no longer be able to send requests to this phone. To use
            it again, pair again.
          </p>
          <div className="actions row">
            <button
              type="button"
              className="button secondary"
              onClick={() => setConfirming(false)}
              disabled={busy}
            >
              Cancel
            </button>
            <button type="button" className="button danger" onClick={() => void revoke()} disabled={busy}>
              {busy ? 'Revoking…' : 'Revoke'}
            </button>
          </div>
        </div>
      ) : null}
      {desktop.status === 'active' && !confirming ? (
        <div className="actions row">
          {connection.kind === 'offline' ? (
            <button type="button" className="button secondary" onClick={props.onRetry}>
              Reconnect
            </button>
          ) : null}
          <button
            type="button"
            className="button quiet danger-text"
            aria-label={`Revoke ${desktop.name}`}
            onClick={() => setConfirming(true)}
          >
            Revoke
          </button>
        </div>
      ) : null}
    </li>
  );
}

function AddressCard({ address }: { address: string }) {
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      // The companion is served over plain http on the LAN, where browsers may not offer the clipboard API.
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(address);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="card address-card">
      <p className="address-short" title={address}>
        {shortAddress(address)}
      </p>
      {copied === 'failed' ? (
        <p className="small">
          This browser does not allow copying here. Press and hold to select the address:
          <br />
          <span className="address selectable">{address}</span>
        </p>
      ) : null}
      <div className="actions row">
        <button type="button" className="button secondary" onClick={() => void copy()}>
          {copied === 'yes' ? 'Copied' : 'Copy address'}
        </button>
      </div>
      <span className="visually-hidden" role="status">
        {copied === 'yes' ? 'Address copied' : ''}
      </span>
    </div>
  );
}
