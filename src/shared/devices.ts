import { z } from 'zod';
import { NewAccountName } from './accountNames';
import { Address, ChainId } from './chains/chain';

import { TxReview, TypedDataReview } from './review';
import { HardwareKind, SigningKind } from './signingKind';

export { HardwareKind, SigningKind };

/** The derivation schemes discovery scans; `custom` paths are never discovered, only entered. */
export const DiscoveryScheme = z.enum(['ledger-live', 'bip44', 'legacy']);
export type DiscoveryScheme = z.infer<typeof DiscoveryScheme>;

/**
 * Everything a hardware device can be doing, as the user needs to hear it. Each state carries its own
 * message and remedy (see DeviceView), so the renderer never guesses from an error string.
 */
export const DeviceState = z.enum([
  'ready',
  'disconnected',
  'locked',
  'app_closed',
  'wrong_app',
  'outdated_app',
  'busy',
  'awaiting_confirmation',
  'rejected',
  'blind_signing_required',
  'pin_requested',
  'passphrase_requested',
  'access_denied',
  'error',
]);
export type DeviceState = z.infer<typeof DeviceState>;

/** A device as the renderer sees it: where it is, what it is doing and what the user can do about it. */
export const DeviceView = z.strictObject({
  /** Stable while the device stays plugged in; a replug of the same device gets the same id back. */
  id: z.string().min(1).max(200),
  kind: HardwareKind,
  /** "Nano S Plus", "Trezor Model T"; null until the device says. */
  model: z.string().nullable(),
  /** The user's name for the device, else its model. */
  label: z.string(),
  /** Identifies the seed (BIP32 fingerprint of m/44'/60'/0'), known after the first key read. */
  fingerprint: z.string().nullable(),
  connected: z.boolean(),
  state: DeviceState,
  message: z.string(),
  remedy: z.string().nullable(),
  app: z.strictObject({ name: z.string(), version: z.string() }).nullable(),
  /** The Ethereum app's "blind signing" setting, where the device reports it. */
  blindSigning: z.boolean().nullable(),
  /** Accounts in this wallet that this device signs for. */
  accounts: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const DiscoverAccounts = z.strictObject({
  deviceId: z.string().min(1).max(200),
  scheme: DiscoveryScheme,
  /** First index to scan. */
  start: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1),
  /**
   * How many indexes to read at most. Without `all`, the scan follows Ledger Live's rule and stops after the
   * first unused account, which it still returns so the user can add a fresh one.
   */
  count: z.number().int().min(1).max(100),
  all: z.boolean().default(false),
});
export type DiscoverAccounts = z.input<typeof DiscoverAccounts>;

export const NativeBalance = z.strictObject({ chainId: ChainId, amount: z.string().regex(/^\d+$/) });

export const DiscoveredAccount = z.strictObject({
  scheme: DiscoveryScheme,
  index: z.number().int().nonnegative(),
  path: z.string(),
  address: Address,
  /** A nonce above 0 or a non-zero native balance on any enabled chain. */
  used: z.boolean(),
  /** Non-zero native balances, per enabled chain. */
  balances: z.array(NativeBalance),
  /** Chains whose activity could not be read: "unused" is then only as good as the chains that answered. */
  unreadChains: z.array(ChainId),
  /** The id of this account in the wallet, when it is added already. */
  accountId: z.number().int().positive().nullable(),
});
export type DiscoveredAccount = z.infer<typeof DiscoveredAccount>;

export const DiscoveryPage = z.strictObject({
  accounts: z.array(DiscoveredAccount),
  /** Where a "show more" scan continues. */
  next: z.number().int().nonnegative(),
});
export type DiscoveryPage = z.infer<typeof DiscoveryPage>;

export const AddDeviceAccounts = z.strictObject({
  deviceId: z.string().min(1).max(200),
  accounts: z
    .array(
      z.strictObject({
        scheme: DiscoveryScheme,
        index: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1),
        label: NewAccountName,
      }),
    )
    .min(1)
    .max(100),
});
export type AddDeviceAccounts = z.input<typeof AddDeviceAccounts>;

export const AccountRef = z.strictObject({ accountId: z.number().int().positive() });

export const VerifiedAddress = z.strictObject({ address: Address, confirmed: z.boolean() });
export type VerifiedAddress = z.infer<typeof VerifiedAddress>;

export const DeviceAnswer = z.strictObject({
  deviceId: z.string().min(1).max(200),
  request: z.enum(['pin', 'passphrase']),
  /** For a PIN, the matrix positions (1–9) the user clicked; null cancels the request. */
  value: z.string().max(100).nullable(),
});
export type DeviceAnswer = z.input<typeof DeviceAnswer>;

export const SignMessage = z.strictObject({
  accountId: z.number().int().positive(),
  message: z.string().min(1).max(10_000),
});
export type SignMessage = z.input<typeof SignMessage>;

/** What the user reads before allowing typed data whose domain names no chain. */
export const MISSING_CHAIN_ID_WARNING =
  'This typed data names no chain (its domain has no chainId), so a signature of it is valid on every ' +
  'network, including ones you never meant it for. Sign it only if you trust the site that sent it.';

/** What the user reads before allowing a device that shows only hashes to sign typed data. */
export const BLIND_SIGNING_WARNING =
  'This device cannot show the fields of this typed data, only two hashes. You would be signing blind: ' +
  'the device cannot tell you what the signature allows. Sign it only if you trust the site that sent it.';

/**
 * The chain is never part of the request: main checks a domain chainId against the network it holds as
 * active. The two `allow` flags are the user's per-request consent after the warnings above; without them
 * such requests are refused before anything reaches a device.
 */
export const SignTypedData = z.strictObject({
  accountId: z.number().int().positive(),
  allowMissingChainId: z.boolean().default(false),
  allowBlindSigning: z.boolean().default(false),
  typedData: z.strictObject({
    domain: z.record(z.string(), z.unknown()),
    types: z.record(
      z.string(),
      z.array(z.strictObject({ name: z.string().min(1), type: z.string().min(1) })).readonly(),
    ),
    primaryType: z.string().min(1),
    message: z.record(z.string(), z.unknown()),
  }),
});
export type SignTypedData = z.input<typeof SignTypedData>;

export const SignerRef = z.strictObject({
  kind: SigningKind,
  label: z.string(),
  fingerprint: z.string(),
});
export type SignerRef = z.infer<typeof SignerRef>;

export const SignatureResult = z.strictObject({
  signature: z.string().regex(/^0x[0-9a-f]{130}$/),
  address: Address,
  signer: SignerRef,
  /** `hashed` means the device showed only hashes: a blind signature. */
  mode: z.enum(['clear', 'hashed']),
  signedAt: z.number().int().nonnegative(),
});
export type SignatureResult = z.infer<typeof SignatureResult>;

/**
 * One signing request as the overlay shows it, from the moment it is queued until it ends. It always names
 * the device and says what to check on its screen.
 */
export const SigningRequestView = z.strictObject({
  id: z.string(),
  action: z.enum(['message', 'typed-data', 'transaction', 'verify-address']),
  account: z.strictObject({ id: z.number().int().positive(), address: Address, label: z.string() }),
  signer: SignerRef.extend({ model: z.string().nullable() }),
  /** What the device screen will show, line by line, for the user to compare. */
  check: z.array(z.strictObject({ label: z.string(), value: z.string() })),
  blind: z.boolean(),
  /** The review the user approved before this request was sent, rendered again beside the device's lines. */
  review: z
    .discriminatedUnion('type', [
      z.strictObject({ type: z.literal('transaction'), review: TxReview }),
      z.strictObject({ type: z.literal('typed-data'), review: TypedDataReview }),
    ])
    .nullable(),
  /**
   * A phone's request is `waiting_for_phone` while the phone is offline and `expired` once its deadline
   * passed unanswered; either can be cancelled, and an expired one retried under the same id.
   */
  status: z.enum(['queued', 'waiting_for_phone', 'awaiting_confirmation', 'expired', 'done', 'failed']),
  /** When the phone stops accepting it; null for hardware devices, which answer while the user waits. */
  expiresAt: z.number().int().nonnegative().nullable(),
  /** When failed: the device state that ended it and what to do. */
  error: z
    .strictObject({ state: DeviceState, message: z.string(), remedy: z.string().nullable() })
    .nullable(),
  startedAt: z.number().int().nonnegative(),
});
export type SigningRequestView = z.infer<typeof SigningRequestView>;
