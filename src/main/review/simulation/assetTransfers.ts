import { AbiCoder } from 'ethers/abi';
import { id } from 'ethers/hash';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';

export interface AssetTransfer {
  kind: 'native' | 'erc20' | 'erc721' | 'erc1155';
  /** null for the native coin. */
  token: ChecksumAddress | null;
  from: ChecksumAddress;
  to: ChecksumAddress;
  /** 1 for an ERC-721 token. */
  amount: bigint;
  /** ERC-721 / ERC-1155 token id; null otherwise. */
  tokenId: bigint | null;
}

export interface TransferLog {
  address: string;
  topics: readonly string[];
  data: string;
}

/** ERC-7528's stand-in address for the native coin, which eth_simulateV1 logs native transfers from. */
const NATIVE_LOG_ADDRESS = '0xeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee';
const TRANSFER = id('Transfer(address,address,uint256)');
const TRANSFER_SINGLE = id('TransferSingle(address,address,address,uint256,uint256)');
const TRANSFER_BATCH = id('TransferBatch(address,address,address,uint256[],uint256[])');
/** A batch longer than this is not read: no wallet review lists that many items, and decoding it is work. */
export const MAX_BATCH_ITEMS = 100;

const WORD = /^0x[0-9a-fA-F]{64}$/;
const ADDRESS_WORD = /^0x0{24}([0-9a-fA-F]{40})$/;
const abi = AbiCoder.defaultAbiCoder();

/**
 * The asset movements a simulation's logs claim, in log order: ERC-7528 native transfers, ERC-20 and ERC-721
 * `Transfer` (told apart by their topic count: ERC-721 indexes the token id), and ERC-1155 `TransferSingle`
 * and `TransferBatch`. The logs come from the user's RPC node and from contracts the user may not trust, so a
 * log that does not have exactly its event's shape is skipped, never thrown on.
 */
export function transfersFromLogs(logs: readonly TransferLog[]): AssetTransfer[] {
  return logs.flatMap((log) => {
    try {
      return fromLog(log);
    } catch {
      return [];
    }
  });
}

function fromLog({ address, topics, data }: TransferLog): AssetTransfer[] {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address) || !topics.every((topic) => WORD.test(topic))) return [];
  const [event, ...indexed] = topics.map((topic) => topic.toLowerCase());
  const words = dataWords(data);
  if (words === null) return [];
  const native = address.toLowerCase() === NATIVE_LOG_ADDRESS;
  if (event === TRANSFER && indexed.length === 2 && words.length === 1) {
    const [from, to] = indexed.map(topicAddress);
    if (!from || !to) return [];
    const token = native ? null : toChecksumAddress(address);
    return [
      {
        kind: native ? 'native' : 'erc20',
        token,
        from,
        to,
        amount: BigInt(words[0] as string),
        tokenId: null,
      },
    ];
  }
  if (native) return [];
  if (event === TRANSFER && indexed.length === 3 && words.length === 0) {
    const [from, to] = indexed.slice(0, 2).map(topicAddress);
    if (!from || !to) return [];
    const tokenId = BigInt(indexed[2] as string);
    return [{ kind: 'erc721', token: toChecksumAddress(address), from, to, amount: 1n, tokenId }];
  }
  if ((event === TRANSFER_SINGLE || event === TRANSFER_BATCH) && indexed.length === 3) {
    const [from, to] = indexed.slice(1).map(topicAddress);
    if (!from || !to) return [];
    const token = toChecksumAddress(address);
    const items = event === TRANSFER_SINGLE ? single(words) : batch(data, words.length);
    return items.map(([tokenId, amount]) => ({ kind: 'erc1155', token, from, to, amount, tokenId }));
  }
  return [];
}

/** An indexed address: a word whose top 12 bytes are zero; anything else is not an address. */
function topicAddress(topic: string | undefined): ChecksumAddress | null {
  const match = topic === undefined ? null : ADDRESS_WORD.exec(topic);
  return match ? toChecksumAddress(`0x${match[1] as string}`) : null;
}

function dataWords(data: string): string[] | null {
  if (!/^0x(?:[0-9a-fA-F]{64})*$/.test(data)) return null;
  return Array.from({ length: (data.length - 2) / 64 }, (_, i) => `0x${data.slice(2 + i * 64, 66 + i * 64)}`);
}

function single(words: readonly string[]): [bigint, bigint][] {
  if (words.length !== 2) return [];
  return [[BigInt(words[0] as string), BigInt(words[1] as string)]];
}

/**
 * Two arrays of equal length; ABI-decoded, which checks every offset and length. The word count bounds the
 * lengths before decoding, so a claimed length of 2^64 is refused without allocating anything.
 */
function batch(data: string, wordCount: number): [bigint, bigint][] {
  if (wordCount > 4 + 2 * MAX_BATCH_ITEMS) return [];
  const [ids, amounts] = abi.decode(['uint256[]', 'uint256[]'], data) as unknown as [bigint[], bigint[]];
  if (ids.length !== amounts.length || ids.length > MAX_BATCH_ITEMS) return [];
  return ids.map((tokenId, i) => [tokenId, amounts[i] as bigint]);
}
