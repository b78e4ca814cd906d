import { z } from 'zod';
import { Address, ChainId } from './chains/chain';
import { SigningKind } from './signingKind';
import { FeeChoice, FeeOption } from './tx';

/**
 * The one review every signature goes through: what the request does, decoded; what running it on the
 * user's own RPC changed; what can go wrong; what it costs; and what the signing device will show. Main
 * computes it once; the desktop sheet, the device overlay and the phone render the same words.
 */

const BaseUnits = z.string().regex(/^\d{1,78}$/, 'a whole number of base units, as decimal text');
/** A balance change: negative when the account loses it. */
const SignedUnits = z.string().regex(/^-?\d{1,78}$/, 'a signed whole number of base units');

/** An amount as main knows it; the renderer shortens it to about six significant digits, the full value a hover away. */
export const ReviewAmount = z.strictObject({
  value: BaseUnits,
  decimals: z.number().int().min(0).max(77),
  symbol: z.string().max(32),
  /** The all-ones maximum (or at least 2^255) an approval uses to mean "no limit". */
  unlimited: z.boolean(),
});
export type ReviewAmount = z.infer<typeof ReviewAmount>;

/** Where a name shown beside an address comes from, so the user can weigh it. */
export const NameSource = z.enum([
  'address-book',
  'label',
  /** One of the wallet's own accounts. */
  'account',
  /** A token of the wallet's token lists or the user's own tokens. */
  'token-list',
  /** A well-known contract the wallet ships the address of (Permit2, Seaport, Multicall3). */
  'known-contract',
  'none',
]);
export type NameSource = z.infer<typeof NameSource>;

export const Party = z.strictObject({
  address: Address,
  name: z.string().max(100).nullable(),
  source: NameSource,
});
export type Party = z.infer<typeof Party>;

/** What the transaction does, decoded from its `to`, `value` and `data`. */
export const ReviewAction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('native-transfer'), to: Party, amount: ReviewAmount }),
  z.strictObject({ type: z.literal('token-transfer'), token: Party, to: Party, amount: ReviewAmount }),
  /** ERC-20 `approve` / `increaseAllowance`; a revoke is an approval of 0. */
  z.strictObject({ type: z.literal('approval'), token: Party, spender: Party, amount: ReviewAmount }),
  /** ERC-721 / ERC-1155 `setApprovalForAll`. */
  z.strictObject({
    type: z.literal('approval-for-all'),
    collection: Party,
    operator: Party,
    approved: z.boolean(),
  }),
  /** Anything else: the contract, the method's signature when known (else its selector), the coin sent. */
  z.strictObject({
    type: z.literal('contract-call'),
    to: Party,
    method: z.string().max(200),
    value: ReviewAmount,
  }),
  /** A cancel: 0 to the sender itself at the nonce of the transaction it replaces. */
  z.strictObject({ type: z.literal('cancel'), nonce: z.number().int().nonnegative() }),
]);
export type ReviewAction = z.infer<typeof ReviewAction>;

export const BalanceAsset = z.strictObject({
  kind: z.enum(['native', 'erc20', 'erc721', 'erc1155']),
  /** null for the native coin. */
  token: Address.nullable(),
  symbol: z.string().max(32),
  decimals: z.number().int().min(0).max(77),
  /** ERC-721 / ERC-1155 token id, decimal; null otherwise. */
  tokenId: z.string().max(78).nullable(),
});
export type BalanceAsset = z.infer<typeof BalanceAsset>;

export const BalanceChange = z.strictObject({ account: Party, asset: BalanceAsset, delta: SignedUnits });
export type BalanceChange = z.infer<typeof BalanceChange>;

/**
 * `simulated`: eth_simulateV1 ran it with transfer tracing and validation. `checked`: the node lacks
 * eth_simulateV1, so eth_call and eth_estimateGas caught reverts only. `failed`: neither answered.
 */
export const Simulation = z.strictObject({
  status: z.enum(['simulated', 'checked', 'failed']),
  /** Only from eth_simulateV1; empty otherwise. Per account, the wallet's accounts first. */
  balanceChanges: z.array(BalanceChange).max(200),
  reverted: z.boolean(),
  /** The decoded revert reason, in words, when it reverted. */
  revertReason: z.string().max(400).nullable(),
  gasUsed: BaseUnits.nullable(),
  /** A plain sentence when balance changes are missing ("…not available from this network's RPC"). */
  note: z.string().max(300).nullable(),
});
export type Simulation = z.infer<typeof Simulation>;

export const FindingCode = z.enum([
  'insufficient-balance',
  'reverts',
  'simulation-failed',
  'nonce-gap',
  'chain-mismatch',
  'first-time-recipient',
  'look-alike-recipient',
  'self-recipient',
  'recipient-is-token',
  'unlimited-approval',
  'approval-to-no-code',
  'delegated-sender',
  'no-code',
  'blind-signing',
  'missing-chain-id',
  'expired-deadline',
  'long-deadline',
  'hands-over-assets',
  /** A dApp asks: names the site's origin, as the browser reported it. */
  'site-origin',
  /** The site was connected less than a day ago, or never. */
  'first-visit-site',
  /** The site's name resembles, but is not, a site the user connected before. */
  'look-alike-site',
  /** WalletConnect: Verify could not confirm the dApp's claimed domain (no attestation, or lookups are off). */
  'dapp-unverified',
  /** WalletConnect: the page that opened the session is not on the domain the dApp claims. */
  'dapp-domain-mismatch',
  /** WalletConnect: Verify lists the dApp's domain as a known threat. */
  'dapp-known-threat',
]);
export type FindingCode = z.infer<typeof FindingCode>;

/** A one-click remedy the review offers beside a finding. */
export const FindingFix = z.discriminatedUnion('type', [
  /** Send everything the account can: the amount, in whole units, that leaves exactly the max fee. */
  z.strictObject({ type: z.literal('max'), amount: z.string().max(120) }),
  /** Switch the signer's (or the wallet's active) network to the request's. */
  z.strictObject({ type: z.literal('switch-chain'), chainId: ChainId }),
]);
export type FindingFix = z.infer<typeof FindingFix>;

export const Finding = z.strictObject({
  code: FindingCode,
  /** `blocking` disables Sign; `overridable` blocking ones can be signed after the user says so. */
  severity: z.enum(['blocking', 'warning', 'info']),
  overridable: z.boolean(),
  message: z.string().max(600),
  /** Figures the sentence refers to, shown beside it (e.g. the balance). */
  facts: z.array(z.strictObject({ label: z.string().max(60), value: z.string().max(200) })).max(8),
  fix: FindingFix.nullable(),
});
export type Finding = z.infer<typeof Finding>;

export const ReviewFees = z.strictObject({
  speeds: z.strictObject({ slow: FeeOption, normal: FeeOption, fast: FeeOption }),
  /** The option this review signs with: one of `speeds`, the user's custom fees, or a replacement's. */
  chosen: FeeOption,
  speed: FeeChoice,
  gasLimit: BaseUnits,
  nativeSymbol: z.string().max(32),
  nativeDecimals: z.number().int().min(0).max(77),
  /**
   * The L2's L1 data fee (OP-stack). `included` counts it in `likely` and `max`; `unavailable` says in
   * `message` that its oracle did not answer, and the send is not blocked.
   */
  l1: z.strictObject({
    status: z.enum(['not-charged', 'included', 'unavailable']),
    amount: BaseUnits.nullable(),
    message: z.string().max(300).nullable(),
  }),
});
export type ReviewFees = z.infer<typeof ReviewFees>;

/** What the device's own screen will show, in its own terms, for the user to compare with the review. */
export const DeviceScreen = z.strictObject({
  kind: SigningKind,
  label: z.string(),
  fingerprint: z.string(),
  /** `blind`: the device cannot decode this data and shows only hashes or raw data. */
  mode: z.enum(['clear', 'blind']),
  lines: z.array(z.strictObject({ label: z.string().max(60), value: z.string().max(400) })).max(12),
  /** Why it is blind, or what the device adds of its own (e.g. "the Ledger shows the token's ticker first"). */
  note: z.string().max(300).nullable(),
});
export type DeviceScreen = z.infer<typeof DeviceScreen>;

export const ReviewPurpose = z.enum(['send', 'call', 'revoke', 'speed-up', 'cancel']);
export type ReviewPurpose = z.infer<typeof ReviewPurpose>;

/** The transaction a review is for, replacements included. */
export const TxReview = z.strictObject({
  purpose: ReviewPurpose,
  chainId: ChainId,
  chainName: z.string(),
  from: z.strictObject({ accountId: z.number().int().positive(), address: Address, label: z.string() }),
  /** The action in words: "Send 12.5 USDC to Alice". */
  summary: z.string().max(300),
  action: ReviewAction,
  /** Exactly what will be signed, for the Details disclosure. */
  transaction: z.strictObject({
    to: Address.nullable(),
    value: BaseUnits,
    data: z.string().regex(/^0x(?:[0-9a-f]{2})*$/),
    nonce: z.number().int().nonnegative(),
  }),
  simulation: Simulation,
  findings: z.array(Finding).max(30),
  fees: ReviewFees,
  /** Fee at its max plus the coin sent: the most this leaves the account with less. */
  totalMax: BaseUnits,
  /** For speed-up and cancel: the transaction replaced, with its old and the new max fee. */
  replaces: z
    .strictObject({
      id: z.number().int().positive(),
      hash: z.string().regex(/^0x[0-9a-f]{64}$/),
      oldMaxFee: BaseUnits,
      newMaxFee: BaseUnits,
      oldMaxFeePerGas: BaseUnits,
      newMaxFeePerGas: BaseUnits,
    })
    .nullable(),
  device: DeviceScreen.nullable(),
  /** Why this account cannot sign at all (watch-only); null when it can. */
  cannotSign: z.string().nullable(),
  /** True when a blocking finding stands that the user cannot, or has not, overridden. */
  blocked: z.boolean(),
});
export type TxReview = z.infer<typeof TxReview>;

/** One field of typed data the wallet has no decoder for, as a tree: never a bare hash. */
export interface TypedDataNode {
  name: string;
  type: string;
  /** A leaf's value as text, or the fields of a struct or the items of an array. */
  value: string | TypedDataNode[];
}
export const TypedDataNode: z.ZodType<TypedDataNode> = z.lazy(() =>
  z.strictObject({
    name: z.string().max(200),
    type: z.string().max(200),
    value: z.union([z.string().max(2000), z.array(TypedDataNode).max(200)]),
  }),
);

/** A permission the signature gives: `spender` may take up to `amount` of `token` until `expires`. */
export const TokenGrant = z.strictObject({
  token: Party,
  amount: ReviewAmount,
  /** For NFTs (Seaport items): the token id; null otherwise. */
  tokenId: z.string().max(78).nullable(),
  spender: Party,
  /** Unix seconds; null when it never expires. */
  expires: z.number().int().nonnegative().nullable(),
});
export type TokenGrant = z.infer<typeof TokenGrant>;

export const TypedDataKind = z.enum([
  'eip2612-permit',
  'dai-permit',
  'permit2-single',
  'permit2-batch',
  'permit2-transfer',
  'permit2-batch-transfer',
  'seaport-order',
  'eip7702-authorization',
  'unknown',
]);
export type TypedDataKind = z.infer<typeof TypedDataKind>;

/** The review of typed data: what the signature allows, with the same findings as a transaction. */
export const TypedDataReview = z.strictObject({
  kind: TypedDataKind,
  chainId: ChainId.nullable(),
  from: z.strictObject({ accountId: z.number().int().positive(), address: Address, label: z.string() }),
  /** "Allow Uniswap Router to spend unlimited USDC until 6 Jan 2027". */
  summary: z.string().max(300),
  /** The contract that checks the signature (domain.verifyingContract). */
  verifyingContract: Party.nullable(),
  grants: z.array(TokenGrant).max(100),
  /** For a marketplace order: what the signer receives in exchange. */
  receives: z.array(TokenGrant).max(100),
  /** EIP-7702: the contract the account's code would delegate to. */
  delegate: Party.nullable(),
  /** The message's fields, always: for unknown types it is all the user gets. */
  tree: z.array(TypedDataNode).max(200),
  findings: z.array(Finding).max(30),
  device: DeviceScreen.nullable(),
  blocked: z.boolean(),
});
export type TypedDataReview = z.infer<typeof TypedDataReview>;
