import type { AppInfo } from '../shared/api/contract';
import type { EventHub } from './api/events';
import type { Router } from './api/router';
import type { ChainsRpcOptions } from './chains/chainsService';
import type { ClipboardReader } from './dapps/walletconnect/clipboardReader';
import type { WalletConnectOptions } from './dapps/walletconnect/walletConnectModule';
import type { Logger } from './log';
import type { RelayOptions } from './pairing/pairingModule';
import type { DeviceSource } from './signers/deviceSource';
import type { UpdateEngine } from './updates/updateEngine';
import type { Keychain } from './vault/keychain';

export interface CoreOptions {
  /** Where the database lives; the Electron shell passes app.getPath('userData'). */
  dataDir: string;
  app: Pick<AppInfo, 'name' | 'version' | 'host'>;
  electronVersion: string | null;
  /** Origins whose main frame may call the router: `app://wallet` in Electron, the host's own URL in a browser. */
  trustedOrigins: readonly string[];
  log: Logger;
  /** The OS keychain by default; the service name is the app's, so every install shares one entry set. */
  keychain?: Keychain;
  /** How often chain heads are polled while there are accounts (15 s by default); 0 turns polling off. */
  chainPollMs?: number;
  rpc?: ChainsRpcOptions;
  /** The optional price service's API (CoinGecko's by default); asked only when the user turns it on. */
  priceServiceUrl?: string;
  /** The least time between two value snapshots of a series that moved: a minute unless the demo host sets it. */
  valueSnapshotFloorMs?: number;
  /** Where hardware signers come from: Ledger over HID and Trezor in the app, emulators in tests. */
  deviceSources?: readonly DeviceSource[];
  /** How often a locked device, or one in the wrong app, is asked again (2 s by default). */
  deviceRecheckMs?: number;
  /** How often history syncs while there are accounts (60 s by default); 0 syncs only when asked. */
  historyPollMs?: number;
  /** How often sent transactions are followed while any is open (4 s by default); 0 never. */
  txPollMs?: number;
  /** How often state sync runs (30 s by default); 0 syncs only when asked. */
  syncPollMs?: number;
  /**
   * The loopback port paired browser extensions connect to. The app passes DEFAULT_BRIDGE_PORT (47391), so a
   * paired extension finds it again after a restart; absent, a free port (tests, which run cores side by
   * side). A port that is taken is reported on the Connected sites page; the rest of the app runs.
   */
  bridgePort?: number;
  /** The system clipboard, for pairing WalletConnect from a copied link or QR image; the Electron shell's. */
  clipboard?: ClipboardReader;
  /** What tests change of WalletConnect: a local Verify (`verify`), a shorter wait for a proposal. */
  walletConnect?: WalletConnectOptions;
  /** The phone relay, and the name phones and other desktops see for this one. */
  pairing?: RelayOptions & { desktopName?: string };
  /** How the installed app updates itself (electron-updater, in the Electron shell only); absent, it does not. */
  updates?: UpdateEngine;
}

export interface Core {
  router: Router;
  events: EventHub;
  close(): void;
}

/** A poll interval of 0 means the service runs only when asked. */
export function startEvery(intervalMs: number, start: (intervalMs: number) => void): void {
  if (intervalMs > 0) start(intervalMs);
}
