import { z } from 'zod';
import { Address, ChainId } from './chains/chain';
import { Finding, TxReview, TypedDataReview } from './review';

/**
 * A site as the browser names it: scheme, host and port, never a path. https anywhere; plain http only on
 * the user's own machine (a dApp under development), where nobody on the network can rewrite it.
 */
export const SiteOrigin = z
  .string()
  .max(300)
  .regex(
    /^(?:https:\/\/[a-z0-9.-]+(?::\d{1,5})?|http:\/\/(?:localhost|127\.0\.0\.1|\[::1\])(?::\d{1,5})?)$/,
    'a site origin like https://app.example.org',
  );
export type SiteOrigin = z.infer<typeof SiteOrigin>;

const Time = z.number().int().nonnegative();
const RequestId = z.string().regex(/^[0-9a-f]{32}$/);

export const SiteAccount = z.strictObject({
  accountId: z.number().int().positive(),
  address: Address,
  label: z.string(),
});
export type SiteAccount = z.infer<typeof SiteAccount>;

/** A site the user connected: what it may see, on which network, and since when. */
export const SiteView = z.strictObject({
  origin: SiteOrigin,
  /** The accounts exposed to the site, in the order `eth_accounts` returns them. */
  accounts: z.array(SiteAccount).max(100),
  /** The network the site is on now (`eth_chainId`). */
  chainId: ChainId,
  chainName: z.string(),
  /** The provider also appears as `window.ethereum` on this site, for dApps without EIP-6963. */
  windowEthereum: z.boolean(),
  connectedAt: Time,
  lastUsedAt: Time,
  /** When the permission lapses and the site must ask again; null for never. */
  expiresAt: Time.nullable(),
  /** Requests from this site waiting for the user. */
  pending: z.number().int().nonnegative(),
});
export type SiteView = z.infer<typeof SiteView>;

/**
 * What WalletConnect Verify says of the page that opened the session, from the desktop's own lookup:
 * `validated` the page's domain is the one the dApp claims; `unknown` no attestation (or the lookup is off or
 * failed); `mismatch` the page's domain is not the one claimed; `threat` the domain is on Verify's scam list.
 */
export const WalletConnectVerification = z.enum(['validated', 'unknown', 'mismatch', 'threat']);
export type WalletConnectVerification = z.infer<typeof WalletConnectVerification>;

/** One EIP-5792 call as a site sent it, validated. */
export const DappCall = z.strictObject({
  to: Address,
  /** Wei, decimal text. */
  value: z.string().regex(/^\d{1,78}$/),
  data: z.string().regex(/^0x(?:[0-9a-f]{2})*$/),
});
export type DappCall = z.infer<typeof DappCall>;

/** What a site asks for, as the wallet understood it after validation (never the raw params). */
export const DappRequestDetail = z.discriminatedUnion('type', [
  /** `eth_requestAccounts` or `wallet_requestPermissions`: the user picks the accounts to expose. */
  z.strictObject({ type: z.literal('connect'), chainId: ChainId }),
  /** `wallet_addEthereumChain`: `rpcChainId` is what the RPC answered to `eth_chainId` when asked. */
  z.strictObject({
    type: z.literal('add-chain'),
    chainId: ChainId,
    chainName: z.string().max(100),
    rpcUrl: z.string().max(2048),
    nativeSymbol: z.string().max(12),
    explorerUrl: z.string().max(2048).nullable(),
    rpcChainId: ChainId.nullable(),
  }),
  /** `wallet_switchEthereumChain` to a network the user has but the site was not on. */
  z.strictObject({ type: z.literal('switch-chain'), chainId: ChainId, chainName: z.string() }),
  /** `wallet_watchAsset` (ERC-20): the token's own symbol and decimals, read on chain, beside the site's. */
  z.strictObject({
    type: z.literal('watch-asset'),
    chainId: ChainId,
    address: Address,
    symbol: z.string().max(32),
    decimals: z.number().int().min(0).max(77),
  }),
  /** `eth_sendTransaction`. */
  z.strictObject({
    type: z.literal('transaction'),
    chainId: ChainId,
    account: SiteAccount,
    call: DappCall,
  }),
  /** `personal_sign`: `text` is the UTF-8 reading when the bytes are text, else null and `hex` is shown. */
  z.strictObject({
    type: z.literal('message'),
    account: SiteAccount,
    text: z.string().max(10_000).nullable(),
    hex: z.string().max(20_002),
  }),
  /** `eth_signTypedData_v4`; the review (`dapps.review`) decodes it. */
  z.strictObject({ type: z.literal('typed-data'), chainId: ChainId, account: SiteAccount }),
  /**
   * A WalletConnect session proposal: the dApp's metadata, what Verify said of it, and the chains it asks
   * for. `requiredChainIds` must all be granted (the dApp refuses a session without them); the user picks the
   * accounts and any of `optionalChainIds`. `methods` are the ones the wallet will answer in this session.
   */
  z.strictObject({
    type: z.literal('session'),
    name: z.string().max(80),
    description: z.string().max(300),
    /** The URL the dApp's metadata claims, as text to show; the request's `origin` is its origin. */
    url: z.string().max(2048),
    verification: WalletConnectVerification,
    requiredChainIds: z.array(ChainId).max(64),
    optionalChainIds: z.array(ChainId).max(64),
    methods: z.array(z.string().max(64)).max(64),
  }),
  /** `wallet_sendCalls`: run one by one (an ordinary account has no atomic batch). */
  z.strictObject({
    type: z.literal('calls'),
    chainId: ChainId,
    account: SiteAccount,
    calls: z.array(DappCall).min(1).max(10),
  }),
]);
export type DappRequestDetail = z.infer<typeof DappRequestDetail>;

/**
 * How a request reached the wallet: from a page through the paired browser extension (the browser named the
 * origin), or through a WalletConnect session (the dApp claims its origin; `verification` says whether
 * WalletConnect Verify saw the same). `topic` is null for a session proposal, which has no session yet.
 */
export const DappChannel = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('extension') }),
  z.strictObject({
    kind: z.literal('walletconnect'),
    topic: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
    name: z.string().max(80),
    verification: WalletConnectVerification,
  }),
]);
export type DappChannel = z.infer<typeof DappChannel>;

/** A request waiting for the user, as the queue keeps it across reloads and restarts. */
export const DappRequestView = z.strictObject({
  id: RequestId,
  origin: SiteOrigin,
  via: DappChannel,
  method: z.string().max(64),
  receivedAt: Time,
  detail: DappRequestDetail,
  /**
   * What the wallet knows about the site itself: who asks (`site-origin`), a first visit, a name that looks
   * like a site the user connected before. The same findings lead every review of this request.
   */
  siteFindings: z.array(Finding).max(4),
});
export type DappRequestView = z.infer<typeof DappRequestView>;

/** The review of a signing request, fresh when asked; the site's findings come first in `findings`. */
export const DappReview = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('transaction'), reviews: z.array(TxReview).min(1).max(10) }),
  z.strictObject({ type: z.literal('typed-data'), review: TypedDataReview }),
  z.strictObject({
    type: z.literal('message'),
    findings: z.array(Finding).max(8),
    signer: z.strictObject({ kind: z.enum(['ledger', 'trezor', 'phone', 'watch']), label: z.string() }),
  }),
]);
export type DappReview = z.infer<typeof DappReview>;

export const DappRequestRef = z.strictObject({ id: RequestId });

/** The user's answer to a request. Fields that do not apply to its kind are refused. */
export const DappApproval = z.strictObject({
  id: RequestId,
  /** `connect` and `session`: the accounts to expose, at least one. */
  accountIds: z.array(z.number().int().positive()).min(1).max(100).optional(),
  /** `session`: the chains to grant; every one of the proposal's `requiredChainIds` among them. */
  chainIds: z.array(ChainId).min(1).max(64).optional(),
  /**
   * Past an overridable blocking finding: a transaction simulation says reverts, or (any request kind) a dApp
   * WalletConnect Verify lists as a threat.
   */
  allowRevert: z.boolean().default(false),
  allowMissingChainId: z.boolean().default(false),
  allowBlindSigning: z.boolean().default(false),
});
export type DappApproval = z.input<typeof DappApproval>;

export const SiteRef = z.strictObject({ origin: SiteOrigin });
export const SetWindowEthereum = z.strictObject({ origin: SiteOrigin, on: z.boolean() });

/** A browser extension paired with this desktop. */
export const PairedBrowserView = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** What the extension called itself at pairing ("Chromium on Linux"), capped and cleaned. */
  name: z.string().max(60),
  pairedAt: Time,
  lastSeenAt: Time,
  online: z.boolean(),
});
export type PairedBrowserView = z.infer<typeof PairedBrowserView>;

/**
 * One pairing of a browser, from the code shown to a paired extension. `waiting`: the code is up; `confirming`:
 * an extension proved it holds the code and both sides show `sas`; `paired`, `failed` and `expired` end it.
 */
export const BrowserPairingView = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** The text the user copies into the extension: `ledgerline-extension:` and the base64url invite. */
  code: z.string().max(300),
  expiresAt: Time,
  state: z.enum(['waiting', 'confirming', 'paired', 'failed', 'expired']),
  sas: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  browserName: z.string().max(60).nullable(),
  error: z.string().nullable(),
});
export type BrowserPairingView = z.infer<typeof BrowserPairingView>;

export const BrowsersView = z.strictObject({
  /** The loopback socket extensions connect to. */
  bridge: z.strictObject({
    listening: z.boolean(),
    port: z.number().int().min(0).max(65535),
    error: z.string().nullable(),
  }),
  pairing: BrowserPairingView.nullable(),
  paired: z.array(PairedBrowserView).max(50),
});
export type BrowsersView = z.infer<typeof BrowsersView>;

export const ConfirmBrowserPairing = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  /** False when the codes differ: the attempt fails and the extension is told. */
  matches: z.boolean(),
});
export const BrowserRef = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/) });
