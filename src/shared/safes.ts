import { z } from 'zod';
import { SignerKind } from './accounts';
import { Address, ChainId } from './chains/chain';
import { TxReview } from './review';

/** The Safe contracts this wallet creates, and the ones whose transactions it knows how to hash and check. */
export const SAFE_VERSION = '1.4.1';

/** How many owners a Safe may have here: more is possible on chain, but no one reviews 50 owners on a phone. */
export const MAX_SAFE_OWNERS = 20;

const Hash = z.string().regex(/^0x[0-9a-f]{64}$/);
const Hex = z.string().regex(/^0x(?:[0-9a-f]{2})*$/, 'lower-case 0x-prefixed hex');
const BaseUnits = z.string().regex(/^\d{1,78}$/, 'a whole number of base units, as decimal text');
const Id = z.number().int().positive();
const SafeName = z.string().trim().min(1).max(40);
const Threshold = z.number().int().min(1).max(MAX_SAFE_OWNERS);

/** An owner as the wallet knows it: one of its own accounts (with the device that signs), or someone else. */
export const SafeOwnerView = z.strictObject({
  address: Address,
  /** Null when the key is not one of this wallet's accounts. */
  account: z
    .strictObject({ id: Id, label: z.string(), signer: SignerKind, deviceFingerprint: z.string().nullable() })
    .nullable(),
});
export type SafeOwnerView = z.infer<typeof SafeOwnerView>;

/** A Safe the wallet follows: read on chain, never trusted from a service. */
export const SafeView = z.strictObject({
  id: Id,
  chainId: ChainId,
  address: Address,
  name: z.string(),
  /** `deploying`: its creation transaction is not included yet; `ready`: read on chain at `readAt`. */
  status: z.enum(['deploying', 'ready', 'failed']),
  /** The creation transaction this wallet sent; null for a Safe that was added by address. */
  deployment: z.strictObject({ hash: Hash, outgoingId: Id.nullable() }).nullable(),
  /** VERSION() of its singleton, e.g. "1.4.1"; null until read. */
  version: z.string().nullable(),
  owners: z.array(SafeOwnerView).max(MAX_SAFE_OWNERS * 5),
  threshold: z.number().int().nonnegative(),
  /** The next Safe transaction's nonce. */
  nonce: z.number().int().nonnegative(),
  modules: z.array(Address).max(100),
  /** A transaction guard; null when none is set. */
  guard: Address.nullable(),
  fallbackHandler: Address.nullable(),
  /** What the wallet cannot vet, in words: each module, a guard, an unknown singleton or fallback handler. */
  warnings: z.array(z.string()).max(120),
  /** The Safe's native balance in base units; null until read. */
  balance: BaseUnits.nullable(),
  readAt: z.number().int().nonnegative().nullable(),
  /** Why the last read failed, in words; null when it worked. */
  error: z.string().nullable(),
});
export type SafeView = z.infer<typeof SafeView>;

/** The SafeTx struct as the contract hashes it (EIP-712, Safe ≥ 1.3): amounts as decimal text. */
export const SafeTxFields = z.strictObject({
  to: Address,
  value: BaseUnits,
  data: Hex.max(2 + 2 * 128 * 1024),
  /** 0 call, 1 delegatecall. */
  operation: z.union([z.literal(0), z.literal(1)]),
  safeTxGas: BaseUnits,
  baseGas: BaseUnits,
  gasPrice: BaseUnits,
  gasToken: Address,
  refundReceiver: Address,
  nonce: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
});
export type SafeTxFields = z.infer<typeof SafeTxFields>;

export const SafeTxKind = z.enum([
  'send',
  'token-send',
  'revoke',
  'add-owner',
  'remove-owner',
  'change-threshold',
  'call',
]);
export type SafeTxKind = z.infer<typeof SafeTxKind>;

/** One owner's signature on a Safe transaction, with where it was made. */
export const SafeConfirmationView = z.strictObject({
  owner: Address,
  /** The device that signed; `other` for a signature another of the user's desktops collected. */
  signer: z.strictObject({
    kind: z.enum(['ledger', 'trezor', 'phone', 'other']),
    label: z.string(),
    fingerprint: z.string().nullable(),
  }),
  /** `clear`: the device showed the SafeTx; `hashed`: only its hash (blind); `phone`: the phone decoded it. */
  mode: z.enum(['clear', 'hashed', 'phone']),
  signedAt: z.number().int().nonnegative(),
});
export type SafeConfirmationView = z.infer<typeof SafeConfirmationView>;

/** What the review of a Safe transaction shows before anyone signs. */
export const SafeTxReview = z.strictObject({
  safeId: Id,
  safe: Address,
  chainId: ChainId,
  tx: SafeTxFields,
  /** The hash every owner signs, computed here and checked against the Safe's own getTransactionHash. */
  safeTxHash: Hash,
  kind: SafeTxKind,
  /** One line: "Send 0.1 ETH to 0xAb…12", "Add owner 0x… and require 2 of 3". */
  summary: z.string(),
  /** Strong warnings: owner and threshold changes, delegatecall, a module or guard it cannot vet. */
  warnings: z.array(z.string()).max(40),
  /** The inner call run from the Safe on the user's RPC: whether it would go through, and why not. */
  simulation: z.strictObject({ ok: z.boolean(), reason: z.string().nullable() }),
  threshold: z.number().int().nonnegative(),
});
export type SafeTxReview = z.infer<typeof SafeTxReview>;

/** A Safe transaction the wallet keeps until it is executed or discarded. */
export const SafeTxView = SafeTxReview.extend({
  id: Id,
  confirmations: z.array(SafeConfirmationView).max(MAX_SAFE_OWNERS * 5),
  /**
   * `collecting`: fewer confirmations than the threshold; `ready`: enough to execute; `executing`: sent,
   * not included yet; `executed`/`failed`: included (ExecutionSuccess or ExecutionFailure); `replaced`:
   * another Safe transaction used its nonce.
   */
  status: z.enum(['collecting', 'ready', 'executing', 'executed', 'failed', 'replaced']),
  execution: z.strictObject({ hash: Hash, by: Address, outgoingId: Id.nullable() }).nullable(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type SafeTxView = z.infer<typeof SafeTxView>;

export const SafesView = z.strictObject({
  safes: z.array(SafeView),
  /** Every Safe transaction not discarded, newest first. */
  transactions: z.array(SafeTxView),
});
export type SafesView = z.infer<typeof SafesView>;

export const CreateSafe = z.strictObject({
  chainId: ChainId,
  name: SafeName,
  /** Owners from the wallet's own accounts: Ledger, Trezor or phone (never watch-only). */
  ownerAccountIds: z.array(Id).min(1).max(MAX_SAFE_OWNERS),
  threshold: Threshold,
  /** The account that sends the creation transaction and pays its gas. */
  deployerAccountId: Id,
});
export type CreateSafe = z.input<typeof CreateSafe>;

/** What `safes.create` would send: the Safe's address, known before it exists, and the usual review. */
export const SafeCreationReview = z.strictObject({ address: Address, review: TxReview });
export type SafeCreationReview = z.infer<typeof SafeCreationReview>;

export const AddSafe = z.strictObject({
  chainId: ChainId,
  address: z.string().trim().min(1).max(100),
  name: SafeName,
});
export type AddSafe = z.input<typeof AddSafe>;

export const SafeRef = z.strictObject({ id: Id });
export type SafeRef = z.input<typeof SafeRef>;

/** What a Safe transaction should do; the wallet builds the SafeTx from it. */
export const SafeAction = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('send'),
    to: z.string().trim().min(1).max(200),
    /** `native` for the chain's coin, else the token contract. */
    asset: z.union([z.literal('native'), Address]),
    /** In whole units, as typed: "0.5". */
    amount: z
      .string()
      .trim()
      .regex(/^\d{1,30}(\.\d{1,36})?$/, 'an amount like 0.5'),
  }),
  z.strictObject({ kind: z.literal('add-owner'), owner: Address, threshold: Threshold }),
  z.strictObject({ kind: z.literal('remove-owner'), owner: Address, threshold: Threshold }),
  z.strictObject({ kind: z.literal('change-threshold'), threshold: Threshold }),
  /** Revoke a token allowance the Safe gave: approve(spender, 0) on the token. */
  z.strictObject({ kind: z.literal('revoke'), token: Address, spender: Address }),
]);
export type SafeAction = z.input<typeof SafeAction>;

export const ProposeSafeTx = z.strictObject({ safeId: Id, action: SafeAction });
export type ProposeSafeTx = z.input<typeof ProposeSafeTx>;

export const SafeTxRef = z.strictObject({ id: Id });
export type SafeTxRef = z.input<typeof SafeTxRef>;

export const ConfirmSafeTx = z.strictObject({
  id: Id,
  /** The owner account that signs: on its Ledger or Trezor, or as a request to its paired phone. */
  accountId: Id,
  /** The device can show only the hash: the user accepted signing it blind. */
  allowBlindSigning: z.boolean().default(false),
});
export type ConfirmSafeTx = z.input<typeof ConfirmSafeTx>;

export const ExecuteSafeTx = z.strictObject({
  id: Id,
  /** The account that sends execTransaction and pays its gas. */
  executorAccountId: Id,
});
export type ExecuteSafeTx = z.input<typeof ExecuteSafeTx>;
