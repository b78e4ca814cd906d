import type { RawLog } from '../../../src/main/history/rawTransaction';
import type { ChecksumAddress } from '../../../src/main/store/address';
import {
  type DatasetToken,
  type HeavyChain,
  type HeavyTransaction,
  METHODS,
  TRANSFER_TOPIC,
} from './heavyTransactions';

/** Etherscan's `module=account` lists that name an address's transactions, in the app's order. */
export const ETHERSCAN_ACTIONS = [
  'txlist',
  'txlistinternal',
  'tokentx',
  'tokennfttx',
  'token1155tx',
] as const;
export type EtherscanAction = (typeof ETHERSCAN_ACTIONS)[number];

/** One row as Etherscan sends it: every value a string, addresses lowercase. */
export type EtherscanRow = Record<string, string>;

interface Sorted {
  block: number;
  index: number;
  logIndex: number;
  row: EtherscanRow;
}

const lower = (address: string | null) => (address ?? '').toLowerCase();
const topicAddress = (topic: string) => `0x${topic.slice(-40)}`;

const FUNCTION_NAMES = new Map(
  Object.values(METHODS).map((method) => [method.selector, method.functionName]),
);

/** The fields every list shares with the transaction's own. */
function common({ raw }: HeavyTransaction): EtherscanRow {
  return {
    blockNumber: String(raw.blockNumber),
    timeStamp: String(raw.timestamp),
    hash: raw.hash,
    nonce: String(raw.nonce),
    blockHash: raw.blockHash,
  };
}

function txlistRow(tx: HeavyTransaction, chain: HeavyChain): EtherscanRow {
  const { raw } = tx;
  const failed = raw.status === 'failed';
  return {
    ...common(tx),
    transactionIndex: String(raw.transactionIndex),
    from: lower(raw.from),
    to: lower(raw.to),
    value: String(raw.value),
    gas: String(tx.gasLimit),
    gasPrice: String(raw.effectiveGasPrice),
    isError: failed ? '1' : '0',
    txreceipt_status: failed ? '0' : '1',
    input: raw.input,
    contractAddress: lower(raw.contractAddress),
    cumulativeGasUsed: String(tx.cumulativeGasUsed),
    gasUsed: String(raw.gasUsed),
    confirmations: String(chain.headBlock - raw.blockNumber),
    methodId: raw.input === '0x' ? '0x' : raw.input.slice(0, 10),
    functionName: FUNCTION_NAMES.get(raw.input.slice(0, 10)) ?? '',
  };
}

function internalRows(tx: HeavyTransaction, account: string): Sorted[] {
  return tx.internal
    .filter((transfer) => lower(transfer.from) === account || lower(transfer.to) === account)
    .map((transfer, i) => ({
      block: tx.raw.blockNumber,
      index: tx.raw.transactionIndex,
      logIndex: i,
      row: {
        blockNumber: String(tx.raw.blockNumber),
        timeStamp: String(tx.raw.timestamp),
        hash: tx.raw.hash,
        from: lower(transfer.from),
        to: lower(transfer.to),
        value: String(transfer.value),
        contractAddress: '',
        input: '',
        type: 'call',
        gas: String(tx.gasLimit - tx.raw.gasUsed),
        gasUsed: '0',
        traceId: transfer.traceId,
        isError: '0',
        errCode: '',
      },
    }));
}

/** Which token list a log belongs to, if it is a transfer touching `account`. */
function tokenList(log: RawLog, account: string): 'tokentx' | 'tokennfttx' | null {
  const [topic, from, to, tokenId] = log.topics;
  if (topic !== TRANSFER_TOPIC || !from || !to) return null;
  if (topicAddress(from) !== account && topicAddress(to) !== account) return null;
  return tokenId === undefined ? 'tokentx' : 'tokennfttx';
}

const tokenMaps = new WeakMap<HeavyChain, Map<string, DatasetToken>>();

function tokensOf(chain: HeavyChain): Map<string, DatasetToken> {
  let tokens = tokenMaps.get(chain);
  if (!tokens) {
    tokens = new Map(chain.tokens.map((token) => [lower(token.address), token]));
    tokenMaps.set(chain, tokens);
  }
  return tokens;
}

function tokenRows(
  tx: HeavyTransaction,
  chain: HeavyChain,
  account: string,
  action: 'tokentx' | 'tokennfttx',
): Sorted[] {
  const tokens = tokensOf(chain);
  const { raw } = tx;
  return raw.logs
    .filter((log) => tokenList(log, account) === action)
    .map((log) => {
      const token = tokens.get(lower(log.address));
      const [, from, to, tokenId] = log.topics as [string, string, string, string?];
      const amount: EtherscanRow =
        action === 'tokentx'
          ? { value: String(BigInt(log.data)) }
          : { tokenID: String(BigInt(tokenId ?? '0')) };
      return {
        block: raw.blockNumber,
        index: raw.transactionIndex,
        logIndex: log.logIndex,
        row: {
          ...common(tx),
          from: topicAddress(from),
          contractAddress: lower(log.address),
          to: topicAddress(to),
          ...amount,
          tokenName: token?.name ?? '',
          tokenSymbol: token?.symbol ?? '',
          tokenDecimal: String(token?.decimals ?? 0),
          transactionIndex: String(raw.transactionIndex),
          gas: String(tx.gasLimit),
          gasPrice: String(raw.effectiveGasPrice),
          gasUsed: String(raw.gasUsed),
          cumulativeGasUsed: String(tx.cumulativeGasUsed),
          // Etherscan stopped sending token transfers' calldata; the field stays, with this word in it.
          input: 'deprecated',
          confirmations: String(chain.headBlock - raw.blockNumber),
        },
      };
    });
}

function rowsOf(tx: HeavyTransaction, chain: HeavyChain, account: string, action: EtherscanAction): Sorted[] {
  const { raw } = tx;
  switch (action) {
    case 'txlist':
      return lower(raw.from) === account || lower(raw.to) === account
        ? [{ block: raw.blockNumber, index: raw.transactionIndex, logIndex: -1, row: txlistRow(tx, chain) }]
        : [];
    case 'txlistinternal':
      return internalRows(tx, account);
    case 'tokentx':
    case 'tokennfttx':
      return tokenRows(tx, chain, account, action);
    case 'token1155tx':
      // The heavy account holds no ERC-1155: the list is asked and found empty.
      return [];
  }
}

const cache = new WeakMap<HeavyChain, Map<string, EtherscanRow[]>>();

/** Every row `action` lists for `account` on the chain, by block, index and log, as Etherscan sorts. */
export function explorerRows(
  chain: HeavyChain,
  account: ChecksumAddress,
  action: EtherscanAction,
): EtherscanRow[] {
  const key = `${lower(account)}:${action}`;
  let byKey = cache.get(chain);
  if (!byKey) cache.set(chain, (byKey = new Map()));
  const known = byKey.get(key);
  if (known) return known;
  const rows = chain.transactions
    .flatMap((tx) => rowsOf(tx, chain, lower(account), action))
    .sort((a, b) => a.block - b.block || a.index - b.index || a.logIndex - b.logIndex)
    .map((sorted) => sorted.row);
  byKey.set(key, rows);
  return rows;
}
