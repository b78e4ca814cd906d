import { z } from 'zod';
import { ChainId } from './chains/chain';
import { SiteAccount, SiteOrigin, WalletConnectVerification } from './dapps';

/** The public relay the WalletConnect network runs; a project id from Reown's dashboard opens it. */
export const DEFAULT_WALLETCONNECT_RELAY = 'wss://relay.walletconnect.org';

/**
 * A relay the desktop may talk to: `wss://` anywhere, plain `ws://` only on the user's own machine (a relay
 * the user runs there, or a test's).
 */
export const WalletConnectRelayUrl = z
  .string()
  .max(300)
  .regex(
    /^(?:wss:\/\/[a-z0-9.-]+(?::\d{1,5})?|ws:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?)\/?$/,
    'a relay address like wss://relay.walletconnect.org',
  );

/** Reown's dashboard issues 32 hex characters. */
export const WalletConnectProjectId = z
  .string()
  .regex(/^[0-9a-f]{32}$/, 'a project id is 32 hex characters, as the Reown dashboard shows it');

/** A WalletConnect topic: 32 bytes, hex. */
export const WalletConnectTopic = z.string().regex(/^[0-9a-f]{64}$/);

/** A live session with a dApp, as the Connected sites page lists it beside the extension's sites. */
export const WalletConnectSessionView = z.strictObject({
  topic: WalletConnectTopic,
  /** The dApp's name from its metadata, capped and cleaned. */
  name: z.string().max(80),
  /** The domain the dApp claims (its metadata's URL, origin only); see `verification` for whether it holds. */
  origin: SiteOrigin,
  verification: WalletConnectVerification,
  accounts: z.array(SiteAccount).max(100),
  chains: z.array(z.strictObject({ chainId: ChainId, name: z.string() })).max(64),
  connectedAt: z.number().int().nonnegative(),
  lastUsedAt: z.number().int().nonnegative(),
  /** When WalletConnect lets the session lapse unless the dApp extends it. */
  expiresAt: z.number().int().nonnegative(),
  /** Requests from this session waiting for the user. */
  pending: z.number().int().nonnegative(),
});
export type WalletConnectSessionView = z.infer<typeof WalletConnectSessionView>;

/**
 * The desktop's link to the relay.
 * - `needs-project-id`: nothing is started until the user enters a project id in Settings.
 * - `connecting`, `online`: as they say.
 * - `offline`: the relay cannot be reached; `error` says why in words ("no internet", the relay's refusal).
 */
export const WalletConnectStatus = z.strictObject({
  state: z.enum(['needs-project-id', 'connecting', 'online', 'offline']),
  relayUrl: WalletConnectRelayUrl,
  error: z.string().max(300).nullable(),
});
export type WalletConnectStatus = z.infer<typeof WalletConnectStatus>;

/**
 * The last pairing the user started: `waiting` for the dApp's proposal after the URI was accepted (the
 * proposal then waits in the dApp request queue like any other request); `failed` with the reason.
 */
export const WalletConnectPairingView = z.strictObject({
  state: z.enum(['waiting', 'proposed', 'failed']),
  error: z.string().max(300).nullable(),
  startedAt: z.number().int().nonnegative(),
});
export type WalletConnectPairingView = z.infer<typeof WalletConnectPairingView>;

export const WalletConnectView = z.strictObject({
  status: WalletConnectStatus,
  pairing: WalletConnectPairingView.nullable(),
  sessions: z.array(WalletConnectSessionView).max(100),
});
export type WalletConnectView = z.infer<typeof WalletConnectView>;

/** A `wc:` pairing URI as the dApp shows it (its QR code's text); parsed and checked in main. */
export const PairWalletConnect = z.strictObject({ uri: z.string().min(3).max(2048) });

/**
 * An image the user holds a dApp's QR code in: the clipboard's, or a region of the screen the user picked.
 * PNG, base64; at most 8 MB decoded.
 */
export const PairWalletConnectImage = z.strictObject({
  png: z
    .string()
    .max(11_184_812)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'a base64 PNG'),
});

export const WalletConnectSessionRef = z.strictObject({ topic: WalletConnectTopic });
