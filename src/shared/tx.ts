import { z } from 'zod';
import { Address, ChainId } from './chains/chain';

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
export type CustomFees = z.infer<typeof CustomFees>;

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
  /** Call data for a contract call; only with the native asset, whose amount is then the value sent. */
  data: z
    .string()
    .regex(/^0x(?:[0-9a-fA-F]{2}){0,24576}$/, 'call data as 0x-prefixed hex')
    .transform((data) => data.toLowerCase())
    .optional(),
  /** The user read that simulation says it reverts and signs anyway; ignored by `tx.review`. */
  allowRevert: z.boolean().default(false),
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

export const OutgoingView = z.strictObject({
  id: z.number().int().positive(),
  chainId: ChainId,
  from: Address,
  hash: z.string().regex(/^0x[0-9a-f]{64}$/),
  nonce: z.number().int().nonnegative(),
  purpose: z.enum(['send', 'speed-up', 'cancel', 'revoke']),
  replaces: z.number().int().positive().nullable(),
  status: z.enum(['signed', 'pending', 'included', 'failed', 'dropped', 'replaced']),
  /** A speed-up or cancel of this one that is still open: it is being replaced. */
  replacedBy: z.number().int().positive().nullable(),
  blockNumber: z.number().int().nonnegative().nullable(),
  /** Blocks on top of the including one, counting it, as last seen; null until included. */
  confirmations: z.number().int().positive().nullable(),
  reason: z.string().nullable(),
  to: Address.nullable(),
  value: BaseUnits,
  /**
   * A token transfer (`transfer(address,uint256)`), decoded from the signed data: `to` above is then the
   * token contract, and this names the recipient and the amount. Null for anything else.
   */
  transfer: z.strictObject({ token: Address, recipient: Address, amount: BaseUnits }).nullable(),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
});
export type OutgoingView = z.infer<typeof OutgoingView>;

export const TransactionRef = z.strictObject({ id: z.number().int().positive() });

export const ReplacementRequest = z.strictObject({
  id: z.number().int().positive(),
  mode: z.enum(['speed-up', 'cancel']),
});
export type ReplacementRequest = z.infer<typeof ReplacementRequest>;

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
