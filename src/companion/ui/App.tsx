import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { PhoneStateStore } from '../client/phoneClient';
import { phoneAccount } from '../core/phoneKeys';
import { PhoneVault, type PhoneVaultOptions } from '../core/phoneVault';
import { errorMessage } from './format';
import { Home, type Connection } from './Home';
import { PairScreen } from './PairScreen';
import { RequestCard } from './RequestCard';
import { Alert, Screen } from './Screen';
import { Setup } from './Setup';
import type { PhoneClientLike } from './types';
import { Unlock } from './Unlock';

export interface AppProps {
  createClient(store: PhoneStateStore): PhoneClientLike;
  /** The pairing URL the page was opened with, already removed from the address bar. */
  inviteUrl: string | null;
  /** Later invites: a QR code scanned while the companion is already open only changes the fragment. */
  subscribeInvites?(listener: (url: string) => void): () => void;
  vaultOptions?: PhoneVaultOptions;
  now?: () => number;
}

type Phase =
  | { kind: 'loading' }
  | { kind: 'broken'; message: string }
  | { kind: 'setup' }
  | { kind: 'locked' }
  | { kind: 'ready'; client: PhoneClientLike; vault: PhoneVault };

export function App({ createClient, inviteUrl, subscribeInvites, vaultOptions, now = Date.now }: AppProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [invite, setInvite] = useState(inviteUrl);

  useEffect(() => subscribeInvites?.(setInvite), [subscribeInvites]);

  useEffect(() => {
    PhoneVault.exists(vaultOptions).then(
      (exists) =>
        setPhase((current) => (current.kind === 'loading' ? { kind: exists ? 'locked' : 'setup' } : current)),
      (error: unknown) =>
        setPhase({
          kind: 'broken',
          message: `This browser cannot store the phone's key (${errorMessage(error)}). Open this page in the phone's main browser, not a private window.`,
        }),
    );
  }, [vaultOptions]);

  const opened = (vault: PhoneVault) => setPhase({ kind: 'ready', client: createClient(vault), vault });
  // The sessions close first, so no request can arrive for a key that is about to be forgotten.
  const lock = (client: PhoneClientLike, vault: PhoneVault) => {
    client.disconnect();
    vault.lock();
    setPhase({ kind: 'locked' });
  };

  switch (phase.kind) {
    case 'loading':
      return (
        <Screen title="Ledgerline">
          <p className="lead muted" role="status">
            Opening…
          </p>
        </Screen>
      );
    case 'broken':
      return (
        <Screen title="Ledgerline cannot start">
          <Alert>{phase.message}</Alert>
        </Screen>
      );
    case 'setup':
      return <Setup vaultOptions={vaultOptions} pairingNext={invite !== null} onCreated={opened} />;
    case 'locked':
      return <Unlock vaultOptions={vaultOptions} onUnlocked={opened} />;
    case 'ready':
      return (
        <Unlocked
          client={phase.client}
          invite={invite}
          onInviteUsed={() => setInvite(null)}
          onLock={() => lock(phase.client, phase.vault)}
          now={now}
        />
      );
  }
}

function Unlocked(props: {
  client: PhoneClientLike;
  invite: string | null;
  onInviteUsed(): void;
  onLock(): void;
  now: () => number;
}) {
  const { client, now } = props;
  const [, changed] = useReducer((count: number) => count + 1, 0);
  const [connections, setConnections] = useState<ReadonlyMap<string, Connection>>(new Map());
  const attempted = useRef(new Set<string>());
  const [time, setTime] = useState(now);

  useEffect(() => client.onChange(changed), [client]);
  useEffect(() => {
    const timer = setInterval(() => setTime(now()), 1000);
    return () => clearInterval(timer);
  }, [now]);

  const connect = (desktopId: string) => {
    const update = (connection: Connection) =>
      setConnections((current) => new Map(current).set(desktopId, connection));
    update({ kind: 'connecting' });
    client.connect(desktopId).then(
      () => update({ kind: 'online' }),
      (error: unknown) => update({ kind: 'offline', reason: errorMessage(error) }),
    );
  };

  const desktops = client.state.desktops;
  useEffect(() => {
    for (const desktop of desktops) {
      if (desktop.status !== 'active' || attempted.current.has(desktop.id)) continue;
      attempted.current.add(desktop.id);
      if (!client.online(desktop.id)) connect(desktop.id);
    }
    // connect only closes over stable values; reconnecting on its identity would loop.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, desktops]);

  const mnemonic = client.state.mnemonic;
  const address = useMemo(() => phoneAccount(mnemonic).address, [mnemonic]);

  if (props.invite) {
    return (
      <PairScreen key={props.invite} client={client} inviteUrl={props.invite} onDone={props.onInviteUsed} />
    );
  }

  const requests = client.requests();
  if (requests.length > 0) {
    return (
      <Screen title={requests.length === 1 ? 'Signing request' : `${requests.length} signing requests`}>
        <p className="lead">Check every detail against what you meant to do on the desktop.</p>
        <div className="stack">
          {requests.map((pending) => (
            <RequestCard
              key={pending.request.id}
              pending={pending}
              now={time}
              nameFor={(address) => client.nameFor(pending.desktopId, address, pending.request.chainId)}
              onApprove={(id) => client.approve(id)}
              onReject={(id) => client.reject(id)}
            />
          ))}
        </div>
      </Screen>
    );
  }

  const connection = (desktopId: string): Connection =>
    client.online(desktopId)
      ? { kind: 'online' }
      : (connections.get(desktopId) ?? { kind: 'offline', reason: null });

  return (
    <Home
      phoneName={client.state.phoneName}
      address={address}
      desktops={desktops}
      connection={connection}
      now={time}
      onRetry={connect}
      onRevoke={(desktopId) => client.revoke(desktopId)}
      onLock={props.onLock}
    />
  );
}
