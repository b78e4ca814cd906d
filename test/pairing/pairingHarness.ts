import type { Database } from 'better-sqlite3';
import { expect, vi } from 'vitest';
import { openDesktopLink, transmit } from '../../src/companion/client/desktopLink';
import { PhoneClient } from '../../src/companion/client/phoneClient';
import { phoneAccount } from '../../src/companion/core/phoneKeys';
import { newPhoneState, type PhoneState } from '../../src/companion/core/phoneState';
import { createEventHub, type EventHub } from '../../src/main/api/events';
import { ChainDirectory } from '../../src/main/chains/chainDirectory';
import { RpcEndpoints } from '../../src/main/chains/rpcEndpoints';
import { TokensRepository } from '../../src/main/chains/tokensRepository';
import type { Logger } from '../../src/main/log';
import { SettingsService } from '../../src/main/settings/settingsService';
import { syncedCollections } from '../../src/main/sync/syncedCollections';
import { SyncService } from '../../src/main/sync/syncService';
import { PairingService } from '../../src/main/pairing/pairingService';
import { PhonePairingsRepository } from '../../src/main/pairing/phonePairingsRepository';
import { startRelay } from '../../src/main/pairing/relay/relayServer';
import { SignersService } from '../../src/main/signers/signersService';
import { createRepositories, type Repositories } from '../../src/main/store/repositories';
import { parseInviteUrl } from '../../src/shared/pairing/invite';
import {
  decodeDesktopMessage,
  type DesktopMessage,
  type PhoneMessage,
} from '../../src/shared/pairing/messages';
import { generateKeyPair } from '../../src/shared/pairing/noise';
import { connectRelayLink, type ConnectRelay, type RelayLink } from '../../src/shared/pairing/relayLink';
import type { PairingView } from '../../src/shared/pairing';
import { memorySecrets } from '../vault/memorySecrets';

export interface Desktop {
  pairing: PairingService;
  /** With `sync: true`: the desktop's state sync, which paired phones join. */
  sync: SyncService | undefined;
  signers: SignersService;
  repositories: Repositories;
  events: EventHub;
  log: { info: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> };
  relayUrl(): string;
  /** The latest pairing view main pushed. */
  view(): PairingView;
  close(): Promise<void>;
}

/** The desktop's pairing stack on a real database file and a real relay on a free loopback port. */
export function startDesktop(
  db: Database,
  options: { now?: () => number; requestTtlMs?: number; sync?: boolean } = {},
): Desktop {
  const repositories = createRepositories(db);
  const events = createEventHub();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  const vault = memorySecrets();
  const sync = options.sync ? desktopSync(db, repositories, vault, events, log) : undefined;
  let latest: PairingView | null = null;
  events.subscribe((name, payload) => {
    if (name === 'pairing.changed') latest = payload as PairingView;
  });
  let relayUrl = '';
  const pairing = new PairingService({
    db,
    repositories,
    pairings: new PhonePairingsRepository(db),
    vault,
    events,
    log,
    sync,
    activeChainId: () => 1,
    startRelay: async (host, port) => {
      const relay = await startRelay({ host, port, log });
      relayUrl = relay.wsUrl;
      return relay;
    },
    connectRelay: connectRelayLink,
    relayHost: '127.0.0.1',
    relayPort: 0,
    desktopName: 'Test desktop',
    now: options.now,
    requestTtlMs: options.requestTtlMs,
  });
  const signers = new SignersService({
    db,
    repositories,
    sources: [],
    activity: async () => [],
    events,
    log,
    recheckMs: 0,
    phones: pairing,
  });
  return {
    pairing,
    sync,
    signers,
    repositories,
    events,
    log,
    relayUrl: () => relayUrl,
    view: () => {
      if (!latest) throw new Error('no pairing view was pushed yet');
      return latest;
    },
    close: () => pairing.close(),
  };
}

/** State sync over the same database and vault, as core wires it. */
function desktopSync(
  db: Database,
  repositories: Repositories,
  vault: ReturnType<typeof memorySecrets>,
  events: EventHub,
  log: Logger,
): SyncService {
  const directory = new ChainDirectory(db);
  return new SyncService({
    db,
    vault,
    collections: syncedCollections({
      repositories,
      tokens: new TokensRepository(db),
      settings: new SettingsService(repositories.settings, events, log),
      directory,
      endpoints: new RpcEndpoints(vault, () => directory.all()),
      onNamesChanged: () => undefined,
      onNetworksChanged: () => undefined,
      onNotesChanged: () => undefined,
    }),
    events,
    log,
    deviceName: 'Test desktop',
  });
}

export interface SentFrame {
  route: Uint8Array;
  frame: Uint8Array;
}

export interface HeadlessPhone {
  client: PhoneClient;
  state(): PhoneState;
  /** Every sealed frame the phone sent, for replay and tampering tests. */
  sent: SentFrame[];
  /** Every body the relay delivered to the phone: message 2, then the desktop's sealed frames. */
  received: SentFrame[];
}

/** The companion's own protocol code, run in Node with its state in memory instead of IndexedDB. */
export function headlessPhone(
  mnemonic: string,
  options: { name?: string; now?: () => number; connectRelay?: ConnectRelay } = {},
): HeadlessPhone {
  let state = newPhoneState(mnemonic, options.name ?? 'Alice’s phone');
  const sent: SentFrame[] = [];
  const received: SentFrame[] = [];
  const connect = options.connectRelay ?? connectRelayLink;
  const recording: ConnectRelay = async (url, handlers) => {
    const link = await connect(url, {
      ...handlers,
      deliver: (route, frame) => {
        received.push({ route, frame });
        handlers.deliver(route, frame);
      },
    });
    const wrapped: RelayLink = Object.create(link) as RelayLink;
    wrapped.send = (route, frame) => {
      sent.push({ route, frame });
      link.send(route, frame);
    };
    return wrapped;
  };
  const client = new PhoneClient({
    store: {
      get state() {
        return state;
      },
      save: async (next) => void (state = next),
    },
    connectRelay: recording,
    now: options.now,
    pingMs: 0,
    answerTimeoutMs: 2_000,
  });
  return { client, state: () => state, sent, received };
}

/** A phone that runs only the handshake on a QR code, then says exactly what a test tells it to. */
export async function scanOnly(url: string) {
  const invite = parseInviteUrl(url, Date.now());
  const received: DesktopMessage[] = [];
  const { link, channel } = await openDesktopLink(
    connectRelayLink,
    {
      relay: invite.relay,
      mode: 'pair',
      rendezvous: invite.rendezvous,
      desktopKey: invite.desktopKey,
      psk: invite.psk,
      phoneStatic: generateKeyPair().secretKey,
    },
    {
      answerTimeoutMs: 2_000,
      frame: (session, frame) => {
        const bytes = session.open(frame);
        if (bytes) received.push(decodeDesktopMessage(bytes));
      },
      closed: () => undefined,
    },
  );
  return {
    /** What the desktop sent on the session. */
    received,
    say: (message: PhoneMessage) => transmit(link, channel, message),
    hello: (mnemonic: string) =>
      transmit(link, channel, {
        t: 'hello',
        v: 1,
        phone: { name: 'Mallory’s phone', address: phoneAccount(mnemonic).address },
      }),
    disconnect: () => link.disconnect(),
  };
}

/** Shows a QR code on the desktop, pairs the phone through it and confirms the code on both sides. */
export async function pairPhone(desktop: Desktop, phone: HeadlessPhone) {
  const started = await desktop.pairing.start();
  const attempt = started.attempt as NonNullable<typeof started.attempt>;
  const pending = await phone.client.pair(attempt.url);
  const confirming = await until(
    () => desktop.view().attempt?.state === 'confirming' && desktop.view().attempt,
    'the desktop to show the code',
  );
  expect(confirming.code).toBe(pending.code);
  expect(confirming.phoneName).toBe(phone.state().phoneName);
  await desktop.pairing.confirm(attempt.id, true);
  const paired = await pending.confirm(pending.code);
  await until(() => desktop.view().attempt?.state === 'paired', 'the desktop to store the phone');
  const account = desktop.repositories.accounts.list().find((entry) => entry.signer === 'phone');
  return { attempt, paired, account: account as NonNullable<typeof account> };
}

/** Resolves when `check` holds, polling; fails with `what` after `timeoutMs`. */
export async function until<T>(
  check: () => T | undefined | null | false,
  what: string,
  timeoutMs = 5_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
