import { connectRelayLink } from '../../shared/pairing/relayLink';
import type { CoreBase } from '../coreBase';
import { pairingHandlers } from './pairingHandlers';
import { PairingKeys } from './pairingKeys';
import { type PhoneSync, PairingService } from './pairingService';
import { PhonePairingsRepository } from './phonePairingsRepository';
import { startRelay } from './relay/relayServer';

/** Where the relay listens until the user picks (a LAN address, port 8787), and what it serves phones. */
export interface RelayOptions {
  host?: string;
  port?: number;
  companionDir?: string;
  requestTtlMs?: number;
}

export interface PairingModuleDeps {
  sync: PhoneSync;
  /** The network the desktop is on, which the phone compares with each request's chain. */
  activeChainId: () => number;
  onAccountsChanged: () => void;
  desktopName: string;
  relay?: RelayOptions;
}

/**
 * Phone pairing over the local relay: the relay it starts, the sessions it keeps, its handlers, and the
 * desktop's static key, which the browser bridge pins too.
 */
export function createPairingModule(base: CoreBase, deps: PairingModuleDeps) {
  const { db, repositories, vault, events, log } = base;
  const { sync, activeChainId, onAccountsChanged, desktopName } = deps;
  const keys = new PairingKeys(vault);
  const pairing = new PairingService({
    db,
    repositories,
    pairings: new PhonePairingsRepository(db),
    vault,
    events,
    log,
    activeChainId,
    startRelay: (host, port) => startRelay({ host, port, companionDir: deps.relay?.companionDir, log }),
    connectRelay: connectRelayLink,
    relayHost: deps.relay?.host,
    relayPort: deps.relay?.port,
    desktopName,
    requestTtlMs: deps.relay?.requestTtlMs,
    onAccountsChanged,
    sync,
    keys,
  });
  // One key pair for phones and browsers alike: two first starts at once must not each create a key.
  return { pairing, handlers: pairingHandlers(pairing), desktopKey: () => keys.desktopKey() };
}
