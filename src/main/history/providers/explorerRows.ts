import { id } from 'ethers/hash';
import { toBeHex, zeroPadValue } from 'ethers/utils';
import { z } from 'zod';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';
import type { KnownTransaction, RawLog, RawTransaction, TransactionRef } from '../rawTransaction';

/**
 * The `module=account` lists that together name every transaction touching an address: its own, the calls
 * that sent it native coin, and ERC-20, ERC-721 and ERC-1155 transfers. Approvals are in none of them.
 */
export const EXPLORER_ACTIONS = ['txlist', 'txlistinternal', 'tokentx', 'tokennfttx', 'token1155tx'] as const;
export type ExplorerAction = (typeof EXPLORER_ACTIONS)[number];

/** A plain value transfer to an account without code costs exactly this; anything that ran code costs more. */
const PLAIN_TRANSFER_GAS = 21_000n;

/**
 * ERC-20 transfer/transferFrom, ERC-721 safeTransferFrom (both), ERC-1155 safeTransferFrom and
 * safeBatchTransferFrom: called on the token itself, their only effect on the account is the transfers the
 * token lists carry.
 */
const TOKEN_TRANSFER_SELECTORS = new Set([
  '0xa9059cbb',
  '0x23b872dd',
  '0x42842e0e',
  '0xb88d4fde',
  '0xf242432a',
  '0x2eb2c2d6',
]);
const TRANSFER_TOPIC = id('Transfer(address,address,uint256)');
const TRANSFER_SINGLE_TOPIC = id('TransferSingle(address,address,address,uint256,uint256)');

const Digits = z.string().regex(/^\d{1,78}$/);
const Hash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/)
  .transform((hash) => hash.toLowerCase());
const Address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/)
  .transform((address) => checksummed(address));
/** Explorers write an absent address (a creation's `to`, a call's `contractAddress`) as an empty string. */
const MaybeAddress = z.union([z.literal('').transform(() => null), Address]);
const Hex = z.string().regex(/^0x(?:[0-9a-fA-F]{2})*$/);

/**
 * An address list repeats the same few addresses (the account's above all), and checksumming hashes each:
 * a bounded memo keeps a 10,000-row page from hashing the same address thousands of times.
 */
const checksums = new Map<string, ChecksumAddress>();
function checksummed(address: string): ChecksumAddress {
  const key = address.toLowerCase();
  let known = checksums.get(key);
  if (!known) {
    if (checksums.size >= 4_096) checksums.clear();
    known = toChecksumAddress(key);
    checksums.set(key, known);
  }
  return known;
}

/** Every list's row names its transaction and block; Blockscout names an internal row's parent `transactionHash`. */
const BaseRow = z.object({
  blockNumber: Digits.transform(Number),
  timeStamp: Digits.transform(Number),
  hash: Hash.optional(),
  transactionHash: Hash.optional(),
  blockHash: Hash.optional(),
});

/** A token list's row: one transfer to or from the address, without the log's index. */
const TokenRow = z.object({
  contractAddress: Address,
  from: Address,
  to: Address,
  value: Digits.optional(),
  tokenID: Digits.optional(),
  tokenValue: Digits.optional(),
});

/** A `txlist` row carries the whole transaction and its receipt's outcome, but not its logs. */
const TxlistRow = z.object({
  transactionIndex: Digits.transform(Number),
  from: Address,
  to: MaybeAddress,
  value: Digits.transform(BigInt),
  input: Hex,
  nonce: Digits.transform(Number),
  gasUsed: Digits.transform(BigInt),
  gasPrice: Digits.transform(BigInt),
  isError: z.enum(['0', '1']),
  // Empty before Byzantium, when receipts had no status.
  txreceipt_status: z.enum(['0', '1', '']),
  contractAddress: MaybeAddress,
});

export interface ExplorerRow {
  action: ExplorerAction;
  hash: string;
  blockNumber: number;
  timestamp: number;
  blockHash: string | undefined;
  /** Only a `txlist` row has the transaction's own fields. */
  transaction?: z.output<typeof TxlistRow>;
  /** A token list's row: the transfer it names. */
  transfer?: z.output<typeof TokenRow>;
}

/** One list's rows, validated; a row that is not in the documented format refuses the whole list. */
export function parseRows(action: ExplorerAction, rows: unknown): ExplorerRow[] | null {
  const parsed = z.array(BaseRow.passthrough()).max(100_000).safeParse(rows);
  if (!parsed.success) return null;
  const out: ExplorerRow[] = [];
  for (const row of parsed.data) {
    const hash = row.hash ?? row.transactionHash;
    if (!hash) return null;
    const base = { action, hash, blockNumber: row.blockNumber, timestamp: row.timeStamp };
    if (action === 'txlistinternal') {
      out.push({ ...base, blockHash: row.blockHash });
      continue;
    }
    if (action !== 'txlist') {
      const transfer = TokenRow.safeParse(row);
      if (!transfer.success) return null;
      out.push({ ...base, blockHash: row.blockHash, transfer: transfer.data });
      continue;
    }
    const transaction = TxlistRow.safeParse(row);
    // A txlist row without its block hash could not be checked against the chain, so it is refused.
    if (!transaction.success || !row.blockHash) return null;
    out.push({ ...base, blockHash: row.blockHash, transaction: transaction.data });
  }
  return out;
}

/**
 * Whether decoding needs the receipt's logs, given every list's rows of one transaction:
 * - one no `txlist` row names is someone else's call: its own fields and its logs (a bridge's, a swap's)
 *   are in no row, so it needs the transaction and its receipt;
 * - a failed transaction emitted nothing, so its `txlist` row is all there is;
 * - a successful one with empty input whose gas is exactly 21,000 ran no code, so it emitted nothing;
 * - a creation's kind is its own, and what its constructor moved to or from the account is in the token
 *   lists;
 * - a token transfer the account called on the token itself moved only what the token lists carry;
 * - anything else ran code (an approval, a swap, a transfer to a contract whose `receive` may bridge or
 *   wrap), and its logs decide its kind.
 */
export function needsReceipt(rows: readonly ExplorerRow[]): boolean {
  const own = rows.find((row) => row.transaction)?.transaction;
  if (!own) return true;
  if (own.isError === '1' || own.txreceipt_status === '0') return false;
  const transfers = rows.flatMap((row) => (row.transfer ? [row.transfer] : []));
  if (own.to === null) return false;
  if (own.input === '0x') return own.gasUsed !== PLAIN_TRANSFER_GAS || transfers.length > 0;
  const onToken = transfers.length > 0 && transfers.every((transfer) => transfer.contractAddress === own.to);
  return !(onToken && TOKEN_TRANSFER_SELECTORS.has(own.input.slice(0, 10).toLowerCase()));
}

/**
 * Refs for the indexer from every list's rows of one address: each transaction once, whole when its
 * `txlist` row is all decoding needs, otherwise with what the rows already say so the node is asked only
 * for the rest. Rows of one hash that disagree on its block are refused by the caller's chain check.
 */
export function refsFromRows(chainId: number, rows: readonly ExplorerRow[]): TransactionRef[] {
  const byHash = new Map<string, ExplorerRow[]>();
  for (const row of rows) {
    const same = byHash.get(row.hash);
    if (same) same.push(row);
    else byHash.set(row.hash, [row]);
  }
  const refs = [...byHash.values()].map((same): TransactionRef => {
    const first = same.find((row) => row.transaction) ?? (same[0] as ExplorerRow);
    const ref = { hash: first.hash, blockNumber: first.blockNumber };
    if (!needsReceipt(same)) return { ...ref, full: wholeTransaction(chainId, first, same) };
    return { ...ref, known: knownFacts(chainId, first, same) };
  });
  return refs.sort(
    (a, b) =>
      a.blockNumber - b.blockNumber ||
      transactionIndex(a) - transactionIndex(b) ||
      (a.hash < b.hash ? -1 : 1),
  );
}

function transactionIndex(ref: TransactionRef): number {
  return ref.full?.transactionIndex ?? ref.known?.transaction?.transactionIndex ?? 0;
}

function knownFacts(chainId: number, first: ExplorerRow, same: readonly ExplorerRow[]): KnownTransaction {
  const blockHash = same.find((row) => row.blockHash)?.blockHash;
  const own = first.transaction;
  return {
    timestamp: first.timestamp,
    ...(blockHash ? { blockHash } : {}),
    ...(own
      ? {
          transaction: {
            chainId,
            hash: first.hash,
            blockNumber: first.blockNumber,
            transactionIndex: own.transactionIndex,
            from: own.from,
            to: own.to,
            value: own.value,
            input: own.input,
            nonce: own.nonce,
            gasPrice: own.gasPrice,
          },
        }
      : {}),
  };
}

/**
 * The transaction from its rows alone: the `txlist` row's fields (explorers report the price actually paid
 * as `gasPrice`) and, as its logs, the token lists' transfers; a failed transaction logged nothing.
 */
function wholeTransaction(chainId: number, row: ExplorerRow, same: readonly ExplorerRow[]): RawTransaction {
  const own = row.transaction as z.output<typeof TxlistRow>;
  const failed = own.isError === '1' || own.txreceipt_status === '0';
  return {
    chainId,
    hash: row.hash,
    blockNumber: row.blockNumber,
    blockHash: row.blockHash as string,
    timestamp: row.timestamp,
    transactionIndex: own.transactionIndex,
    from: own.from,
    to: own.to,
    contractAddress: own.contractAddress,
    value: own.value,
    input: own.input,
    nonce: own.nonce,
    status: failed ? 'failed' : 'success',
    gasUsed: own.gasUsed,
    effectiveGasPrice: own.gasPrice,
    logs: failed ? [] : transferLogs(same, own.from),
  };
}

/**
 * The token lists' rows as the logs they stand for. Rows carry no log index, so their order stands in; an
 * ERC-1155 row names no operator, which for a call on the token itself is its caller.
 */
function transferLogs(rows: readonly ExplorerRow[], caller: string): RawLog[] {
  const word = (value: string | bigint) => zeroPadValue(toBeHex(BigInt(value)), 32);
  const address = (value: string) => zeroPadValue(value.toLowerCase(), 32);
  return rows.flatMap((row, logIndex): RawLog[] => {
    const moved = row.transfer;
    if (!moved) return [];
    const token = { address: moved.contractAddress, logIndex };
    const [from, to] = [address(moved.from), address(moved.to)];
    if (row.action === 'tokentx')
      return [{ ...token, topics: [TRANSFER_TOPIC, from, to], data: word(moved.value ?? '0') }];
    if (row.action === 'tokennfttx')
      return [{ ...token, topics: [TRANSFER_TOPIC, from, to, word(moved.tokenID ?? '0')], data: '0x' }];
    return [
      {
        ...token,
        topics: [TRANSFER_SINGLE_TOPIC, address(caller), from, to],
        data: `${word(moved.tokenID ?? '0')}${word(moved.tokenValue ?? '0').slice(2)}`,
      },
    ];
  });
}
