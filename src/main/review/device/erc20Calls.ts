import { getAddress } from 'ethers';
import type { ChecksumAddress } from '../../store/address';

/** The token calls devices (and the phone) decode themselves, by selector. */
export const SELECTORS = {
  transfer: '0xa9059cbb',
  approve: '0x095ea7b3',
  transferFrom: '0x23b872dd',
  setApprovalForAll: '0xa22cb465',
} as const;

/** The arguments as 32-byte words, only when the data is exactly `selector` and `count` words. */
export function callWords(data: string, selector: string, count: number): bigint[] | null {
  const hex = data.toLowerCase();
  if (!hex.startsWith(selector) || hex.length !== 10 + 64 * count || !/^0x[0-9a-f]*$/.test(hex)) return null;
  return Array.from({ length: count }, (_, i) => BigInt(`0x${hex.slice(10 + 64 * i, 74 + 64 * i)}`));
}

/** Solidity rejects an address argument with dirty high bytes, so such a word is no real call. */
export function wordAddress(word: bigint | undefined): ChecksumAddress | null {
  if (word === undefined || word >> 160n !== 0n) return null;
  return getAddress(`0x${word.toString(16).padStart(40, '0')}`) as ChecksumAddress;
}

/** `selector(address,uint256)` (transfer, approve): the address argument and the amount, or null. */
export function decodeTwoWordCall(
  data: string,
  selector: string,
): { party: ChecksumAddress; amount: bigint } | null {
  const words = callWords(data, selector, 2);
  const party = wordAddress(words?.[0]);
  return words && party ? { party, amount: words[1] ?? 0n } : null;
}
