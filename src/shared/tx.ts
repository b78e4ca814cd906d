import { z } from 'zod';
import { Address, ChainId } from './chains/chain';
import { HardwareKind } from './devices';

const BaseUnits = z.string().regex(/^\d{1,78}$/, 'a whole number of base units, as decimal text');

export const FeeSpeed = z.enum(['slow', 'normal', 'fast']);
export type FeeSpeed = z.infer<typeof FeeSpeed>;

/** A preset speed, or fees the user sets: `custom` reads the draft's `custom` fees. */
export const FeeChoice = z.enum([...FeeSpeed.options, 'custom']);
export type FeeChoice = z.infer<typeof FeeChoice>;

const Gwei = z
  .string()
  .trim()
  .regex(/^\d{1,12}(\.\d{1,9})?$/, 'a fee in gwei, like 1.5');

export const CustomFees = z.strictObject({
  /** The max fee per gas (EIP-1559), or the gas price on a legacy chain. */
  maxFeeGwei: Gwei,
  /** The tip per gas; the normal tip when left out. Ignored on a legacy chain. */
  priorityFeeGwei: Gwei.optional(),
});

/** What the user is composing; `to` is an address, an address-book name or a label. */
export const SendDraft = z.strictObject({
  accountId: z.number().int().positive(),
  chainId: ChainId,
  to: z.string().trim().min(1).max(200),
  /** `native` for the chain's coin, else the token contract. */
  asset: z.union([z.literal('native'), Address]),
  /** In whole units, as typed: "0.5". */
  amount: z
    .string()
    .trim()
    .regex(/^\d{1,30}(\.\d{1,36})?$/, 'an amount like 0.5'),
  speed: FeeChoice.default('normal'),
  custom: CustomFees.optional(),
});
export type SendDraft = z.input<typeof SendDraft>;

export const FeeOption = z.strictObject({
  /** EIP-1559 caps; null on a legacy chain. */
  maxFeePerGas: BaseUnits.nullable(),
  maxPriorityFeePerGas: BaseUnits.nullable(),
  /** Legacy gas price; null on an EIP-1559 chain. */
  gasPrice: BaseUnits.nullable(),
  /** Native base units: what it will likely cost, and the most it can cost (L1 data fee included). */
  likely: BaseUnits,
  max: BaseUnits,
});
export type FeeOption = z.infer<typeof FeeOption>;

export const RecipientWarning = z.strictObject({
  code: z.enum(['first-time', 'contract', 'poisoning', 'token-contract', 'self']),
  message: z.string(),
});

/** The review screen: everything that will happen, before anything is signed. */
export const SendReview = z.strictObject({
  chainId: ChainId,
  from: z.strictObject({ accountId: z.number().int().positive(), address: Address, label: z.string() }),
  to: z.strictObject({
    address: Address,
    resolvedFrom: z.enum(['address', 'address-book', 'label']),
    label: z.string().nullable(),
  }),
  asset: z.strictObject({ token: Address.nullable(), symbol: z.string(), decimals: z.number().int() }),
  amount: BaseUnits,
  nonce: z.number().int().nonnegative(),
  gasLimit: BaseUnits,
  fees: z.strictObject({ slow: FeeOption, normal: FeeOption, fast: FeeOption, custom: FeeOption.nullable() }),
  speed: FeeChoice,
  /** The chain's coin, in which every fee and total is shown. */
  nativeSymbol: z.string(),
  /** Fee plus the amount when the coin itself is sent: the most this leaves the account with less. */
  totalMax: BaseUnits,
  /** Which device signs and what its screen will show; null with `cannotSign` for watch-only. */
  signer: z
    .strictObject({
      kind: z.union([HardwareKind, z.literal('phone')]),
      label: z.string(),
      fingerprint: z.string(),
      screen: z.array(z.strictObject({ label: z.string(), value: z.string() })),
    })
    .nullable(),
  cannotSign: z.string().nullable(),
  warnings: z.array(RecipientWarning),
});
export type SendReview = z.infer<typeof SendReview>;

export const OutgoingView = z.strictObject({
  id: z.number().int().positive(),
  chainId: ChainId,
  from: Address,
  hash: z.string().regex(/^0x[0-9a-f]{64}$/),
  nonce: z.number().int().nonnegative(),
  purpose: z.enum(['send', 'speed-up', 'cancel', 'revoke']),
  replaces: z.number().int().positive().nullable(),
  status: z.enum(['signed', 'pending', 'included', 'failed', 'dropped', 'replaced']),
  blockNumber: z.number().int().nonnegative().nullable(),
  /** Blocks on top of the including one, counting it, as last seen; null until included. */
  confirmations: z.number().int().positive().nullable(),
  reason: z.string().nullable(),
  to: Address.nullable(),
  value: BaseUnits,
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type OutgoingView = z.infer<typeof OutgoingView>;

export const TransactionRef = z.strictObject({ id: z.number().int().positive() });

export const AllowanceView = z.strictObject({
  chainId: ChainId,
  owner: Address,
  token: Address,
  symbol: z.string().nullable(),
  decimals: z.number().int().nullable(),
  spender: Address,
  spenderLabel: z.string().nullable(),
  /** Base units; null when the token did not answer. */
  amount: BaseUnits.nullable(),
  unlimited: z.boolean(),
  /** When the latest approval was given (unix seconds) and in which block. */
  approvedAt: z.number().int().nonnegative(),
  blockNumber: z.number().int().nonnegative(),
});
export type AllowanceView = z.infer<typeof AllowanceView>;

export const RevokeRequest = z.strictObject({
  accountId: z.number().int().positive(),
  chainId: ChainId,
  allowances: z
    .array(z.strictObject({ token: Address, spender: Address }))
    .min(1)
    .max(50),
});
export type RevokeRequest = z.input<typeof RevokeRequest>;
