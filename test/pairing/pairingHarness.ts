import type { Database } from 'better-sqlite3';
import { vi } from 'vitest';
import { PhoneClient } from '../../src/companion/client/phoneClient';
import { newPhoneState, type PhoneState } from '../../src/companion/core/phoneState';
import { createEventHub, type EventHub } from '../../src/main/api/events';
import { PairingService } from '../../src/main/pairing/pairingService';
import { PhonePairingsRepository } from '../../src/main/pairing/phonePairingsRepository';
import { startRelay } from '../../src/main/pairing/relay/relayServer';
import { SignersService } from '../../src/main/signers/signersService';
import { createRepositories, type Repositories } from '../../src/main/store/repositories';
import { connectRelayLink, type ConnectRelay, type RelayLink } from '../../src/shared/pairing/relayLink';
import type { PairingView } from '../../src/shared/pairing';
import { memorySecrets } from '../vault/memorySecrets';

export interface Desktop {
  pairing: PairingService;
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
  options: { now?: () => number; requestTtlMs?: number } = {},
): Desktop {
  const repositories = createRepositories(db);
  const events = createEventHub();
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  let latest: PairingView | null = null;
  events.subscribe((name, payload) => {
    if (name === 'pairing.changed') latest = payload as PairingView;
  });
  let relayUrl = '';
  const pairing = new PairingService({
    db,
    repositories,
    pairings: new PhonePairingsRepository(db),
    vault: memorySecrets(),
    events,
    log,
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

export interface SentFrame {
  route: Uint8Array;
  frame: Uint8Array;
}

export interface HeadlessPhone {
  client: PhoneClient;
  state(): PhoneState;
  /** Every sealed frame the phone sent, for replay and tampering tests. */
  sent: SentFrame[];
}

/** The companion's own protocol code, run in Node with its state in memory instead of IndexedDB. */
export function headlessPhone(
  mnemonic: string,
  options: { name?: string; now?: () => number; connectRelay?: ConnectRelay } = {},
): HeadlessPhone {
  let state = newPhoneState(mnemonic, options.name ?? 'Alice’s phone');
  const sent: SentFrame[] = [];
  const connect = options.connectRelay ?? connectRelayLink;
  const recording: ConnectRelay = async (url, handlers) => {
    const link = await connect(url, handlers);
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
  return { client, state: () => state, sent };
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
