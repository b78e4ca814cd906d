import { z } from 'zod';
import { Address, ChainId } from './chains/chain';
import { HardwareKind } from './devices';

export const ActivityKind = z.enum([
  'send',
  'receive',
  'self',
  'approval',
  'revoke',
  'swap',
  'bridge',
  'contract-call',
  'contract-creation',
]);
export type ActivityKind = z.infer<typeof ActivityKind>;

export const BridgeProtocol = z.enum(['across', 'cctp', 'op-stack', 'arbitrum']);
export type BridgeProtocol = z.infer<typeof BridgeProtocol>;

const Hash = z.string().regex(/^0x[0-9a-f]{64}$/);
const Amount = z.string().regex(/^\d+$/);

/** One asset that moved in a transaction, as seen from the account. */
export const AssetMovement = z.strictObject({
  standard: z.enum(['native', 'erc20', 'erc721', 'erc1155']),
  /** The token contract; null for the chain's native coin. */
  token: Address.nullable(),
  symbol: z.string().nullable(),
  decimals: z.number().int().min(0).max(255).nullable(),
  /** Base units; 1 for an ERC-721. */
  amount: Amount,
  tokenId: z.string().nullable(),
  direction: z.enum(['in', 'out']),
  /** Who the asset came from (in) or went to (out). */
  counterparty: Address.nullable(),
});
export type AssetMovement = z.infer<typeof AssetMovement>;

export const ApprovalView = z.strictObject({
  token: Address,
  symbol: z.string().nullable(),
  decimals: z.number().int().min(0).max(255).nullable(),
  spender: Address,
  spenderLabel: z.string().nullable(),
  amount: Amount,
  unlimited: z.boolean(),
});

export const BridgeView = z.strictObject({
  protocol: BridgeProtocol,
  fromChainId: ChainId,
  toChainId: ChainId,
  /** `pending` until the destination leg is seen; `refunded` when the source chain paid it back. */
  status: z.enum(['pending', 'arrived', 'refunded']),
  sourceHash: Hash.nullable(),
  destinationHash: Hash.nullable(),
  sourceTimestamp: z.number().int().nonnegative().nullable(),
  destinationTimestamp: z.number().int().nonnegative().nullable(),
});
export type BridgeView = z.infer<typeof BridgeView>;

/** One entry of the timeline: a transaction as it concerns one of the wallet's accounts, decoded. */
export const HistoryEntryView = z.strictObject({
  id: z.number().int().positive(),
  chainId: ChainId,
  hash: Hash,
  account: Address,
  blockNumber: z.number().int().nonnegative(),
  /** Unix seconds of the block. */
  timestamp: z.number().int().nonnegative(),
  status: z.enum(['success', 'failed']),
  /** Newer than the chain's confirmation depth: may still be rolled back by a reorg. */
  provisional: z.boolean(),
  kind: ActivityKind,
  from: Address,
  to: Address.nullable(),
  toLabel: z.string().nullable(),
  /** The sender's name: one of the wallet's accounts, a contact or a label; null when unnamed. */
  fromLabel: z.string().nullable(),
  /**
   * Who the account dealt with, decoded: the recipient of what it sent (not the token contract it called),
   * the sender of what it received, the spender it approved, else the contract it called.
   */
  counterparty: Address.nullable(),
  /** The counterparty's name, an own account's label first; null when unnamed. */
  counterpartyLabel: z.string().nullable(),
  /**
   * A send or receive whose counterparty is another of the wallet's accounts. The timeline shows such a
   * transfer once: the sender's entry, or the receiver's when the sender's is outside the filters.
   */
  betweenAccounts: z.boolean(),
  /** The called method's name where the selector is known, else its 4-byte selector. */
  method: z.string().nullable(),
  assets: z.array(AssetMovement),
  approval: ApprovalView.nullable(),
  bridge: BridgeView.nullable(),
  /** Paid by the account, in wei of the chain's native coin; null when someone else sent it. */
  fee: Amount.nullable(),
  /** The user's private note on this transaction (shared by every account it concerns), or null. */
  note: z.string().nullable(),
  /** Where this wallet signed it: the device and when. */
  signedBy: z
    .strictObject({
      kind: z.union([HardwareKind, z.literal('phone')]),
      label: z.string(),
      fingerprint: z.string(),
      signedAt: z.number().int().nonnegative(),
    })
    .nullable(),
  /** An execTransaction this wallet sent for a Safe it follows: the Safe, and each owner who signed on what. */
  safe: z
    .strictObject({
      address: Address,
      name: z.string(),
      signers: z
        .array(
          z.strictObject({
            owner: Address,
            /** The owner's name: one of the wallet's accounts, a contact or a label; null when unnamed. */
            ownerLabel: z.string().nullable(),
            kind: z.enum(['ledger', 'trezor', 'phone', 'other']),
            /** The device's name. */
            label: z.string(),
            fingerprint: z.string().nullable(),
            /** Only the hash was shown on the device. */
            blind: z.boolean(),
          }),
        )
        .max(100),
    })
    .nullable(),
});
export type HistoryEntryView = z.infer<typeof HistoryEntryView>;

export const TX_NOTE_MAX_LENGTH = 1000;

/** A note on one transaction; an empty or blank note removes it. */
export const SetTxNote = z.strictObject({
  chainId: ChainId,
  hash: Hash,
  note: z.string().max(TX_NOTE_MAX_LENGTH, { error: 'A note can be at most 1,000 characters long.' }),
});
export type SetTxNote = z.input<typeof SetTxNote>;

export const HistoryQuery = z.strictObject({
  chainIds: z.array(ChainId).max(64).optional(),
  accounts: z.array(Address).max(500).optional(),
  kinds: z.array(ActivityKind).max(ActivityKind.options.length).optional(),
  /** A token contract, or `native`. */
  token: z.union([Address, z.literal('native')]).optional(),
  /** A transaction hash, an address, or text matched against labels and transaction notes. */
  search: z.string().trim().max(100).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  /** The `next` of the previous page: pages are keyset cursors, never offsets. */
  after: z.string().max(200).optional(),
});
export type HistoryQuery = z.input<typeof HistoryQuery>;

export const HistoryPage = z.strictObject({
  entries: z.array(HistoryEntryView),
  next: z.string().nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;

export const HistorySyncState = z.strictObject({
  chainId: ChainId,
  state: z.enum(['idle', 'syncing', 'synced', 'failed', 'unsupported']),
  /** The provider in use on this chain: `otterscan`, `etherscan`, `blockscout` or `logs`. */
  provider: z.string().nullable(),
  /** The highest block every account is indexed to, and the chain's head when last asked. */
  indexedBlock: z.number().int().nonnegative().nullable(),
  headBlock: z.number().int().nonnegative().nullable(),
  message: z.string().nullable(),
});
export type HistorySyncState = z.infer<typeof HistorySyncState>;

export const HistoryExport = z.strictObject({ fileName: z.string(), contents: z.string() });

/** Etherscan's API keys are 34 letters and digits; anything else is a paste gone wrong. */
const EtherscanKey = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{34}$/, { error: 'An Etherscan API key is 34 letters and digits.' });

/** `null` removes the key. */
export const SetEtherscanKey = z.strictObject({ key: EtherscanKey.nullable() });
export type SetEtherscanKey = z.input<typeof SetEtherscanKey>;

/** Where history may come from; whether a key is set, never the key itself. */
export const HistorySources = z.strictObject({ explorers: z.boolean(), etherscanKey: z.boolean() });
export type HistorySources = z.infer<typeof HistorySources>;
