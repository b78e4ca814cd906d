import { Core } from '@walletconnect/core';
import type { ICore, IKeyChain } from '@walletconnect/types';
import { WalletKit, type IWalletKit } from '@reown/walletkit';
import type { Logger } from '../../log';
import type { KeyValueStorage } from './walletConnectStore';
import { walletConnectLogger } from './walletConnectLogger';
import { gatedVerify, type VerifyLookup } from './walletConnectVerify';

/**
 * What the desktop tells dApps about itself. The app has no website, so its URL is a reserved name that can
 * never resolve (RFC 6761), rather than a page someone else could own; and no icon, which would be fetched.
 */
export const DESKTOP_METADATA = {
  name: 'Ledgerline',
  description: 'Desktop wallet for keys that live on a hardware wallet or a phone.',
  url: 'https://ledgerline.invalid',
  icons: [],
};

export interface WalletKitOptions {
  relayUrl: string;
  projectId: string;
  /** WalletConnect's records (the wallet's database); the same store across restarts. */
  storage: KeyValueStorage;
  /** Its keys (the vault); the same keychain across restarts, already read back. */
  keychain: IKeyChain;
  log: Logger;
  /** Verify's lookup; the core's own (verify.walletconnect.org) unless a test gives a local one. */
  verify?: (core: ICore) => VerifyLookup;
  /** Whether the user lets Verify be asked, read at each lookup. */
  verifyEnabled: () => boolean;
}

/**
 * Opens WalletKit over a new Core. The relay connection itself is opened by the caller (./relayLink), so
 * that a Core with no session yet still says whether the relay can be reached.
 */
export async function openWalletKit(options: WalletKitOptions): Promise<IWalletKit> {
  // Core otherwise hands back the first Core ever made in this process (a global cache): a restart after a
  // settings change would keep the old relay URL, project id and keychain.
  process.env.DISABLE_GLOBAL_CORE = 'true';
  const core = new Core({
    relayUrl: options.relayUrl,
    projectId: options.projectId,
    storage: options.storage,
    keychain: options.keychain,
    logger: walletConnectLogger(options.log),
    telemetryEnabled: false,
  });
  core.verify = gatedVerify(options.verify?.(core) ?? core.verify, options.verifyEnabled);
  // With telemetry off, the event client still announces every start (the client id and a user agent) to
  // pulse.walletconnect.org from `init`, which WalletKit calls; the wallet never sends it.
  core.eventClient.init = async () => undefined;
  return WalletKit.init({ core, metadata: DESKTOP_METADATA });
}
