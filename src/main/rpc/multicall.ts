/** One call inside `aggregate3`; `allowFailure` is always set, so one bad call cannot fail its batch. */
export interface Call3 {
  target: string;
  callData: string;
}

/** `success` false, or an answer that does not decode, both become `ok: false` for that call only. */
export type CallResult = { ok: true; returnData: string } | { ok: false };

export const SELECTOR = {
  getEthBalance: '0x4d2301cc',
  getBlockNumber: '0x42cbb15c',
  getCurrentBlockTimestamp: '0x0f28c97d',
  balanceOf: '0x70a08231',
  symbol: '0x95d89b41',
  name: '0x06fdde03',
  decimals: '0x313ce567',
  allowance: '0xdd62ed3e',
  approve: '0x095ea7b3',
} as const;

/** Calldata for a function whose only argument is an address, built directly: it runs once per balance. */
export function addressCall(selector: string, address: string): string {
  return `${selector}${'0'.repeat(24)}${address.slice(2).toLowerCase()}`;
}

/** Calldata for ERC-20 `allowance(owner, spender)`, built like `addressCall`: it runs once per pair. */
export function allowanceCall(owner: string, spender: string): string {
  return `${addressCall(SELECTOR.allowance, owner)}${'0'.repeat(24)}${spender.slice(2).toLowerCase()}`;
}

/**
 * ABI size of `aggregate3(calls)`: selector, array offset and length, then per call a head offset, the
 * tuple's three head words, the bytes length and the bytes padded to a word.
 */
const FIXED_BYTES = 4 + 32 + 32;
const callBytes = (call: Call3) => 32 * 5 + Math.ceil((call.callData.length - 2) / 2 / 32) * 32;

/**
 * Splits calls so that each `aggregate3` stays under `maxCalldataBytes`; a single call larger than that still
 * gets a chunk of its own.
 */
export function chunkCalls(calls: readonly Call3[], maxCalldataBytes: number): Call3[][] {
  const chunks: Call3[][] = [];
  let chunk: Call3[] = [];
  let size = FIXED_BYTES;
  for (const call of calls) {
    const bytes = callBytes(call);
    if (chunk.length > 0 && size + bytes > maxCalldataBytes) {
      chunks.push(chunk);
      chunk = [];
      size = FIXED_BYTES;
    }
    chunk.push(call);
    size += bytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

const AGGREGATE3 = '82ad56cb';
const word = (value: number) => value.toString(16).padStart(64, '0');
const padded = (hex: string) => hex.padEnd(Math.ceil(hex.length / 64) * 64, '0');

/**
 * ABI-encodes `aggregate3(calls)` with every `allowFailure` set. Written out by hand rather than through
 * ethers' generic coder, which is two orders of magnitude slower on the tens of thousands of calls of a
 * large portfolio; the tests hold it to ethers' output byte for byte.
 */
export function encodeAggregate3(calls: readonly Call3[]): string {
  const heads: string[] = [];
  const tuples: string[] = [];
  let offset = 32 * calls.length;
  for (const { target, callData } of calls) {
    const data = callData.slice(2);
    heads.push(word(offset));
    const tuple = `${target.slice(2).toLowerCase().padStart(64, '0')}${word(1)}${word(96)}${word(data.length / 2)}${padded(data)}`;
    tuples.push(tuple);
    offset += tuple.length / 2;
  }
  return `0x${AGGREGATE3}${word(32)}${word(calls.length)}${heads.join('')}${tuples.join('')}`;
}

/**
 * What `decodeAggregate3` throws for an answer that is not exactly `aggregate3`'s, and the only thing it
 * throws: any other error out of it is a bug in the decoder, not a hostile answer.
 */
export class MalformedAggregate3 extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAggregate3';
  }
}

/**
 * Decodes an `aggregate3` answer for `count` calls, checking every offset and length against the data, so a
 * malformed or hostile answer is refused as a whole instead of being read past its end. Throws
 * `MalformedAggregate3` on anything that is not exactly such an answer.
 */
export function decodeAggregate3(data: string, count: number): CallResult[] {
  const hex = data.slice(2);
  const size = hex.length / 2;
  if (!data.startsWith('0x') || size % 32 !== 0) {
    throw new MalformedAggregate3('the answer is not a whole number of words');
  }
  const read = (at: number): number => {
    if (at + 32 > size) throw new MalformedAggregate3(`a word at byte ${at} is past the end`);
    const text = hex.slice(at * 2, at * 2 + 64);
    // Offsets and lengths are small; a set high bit anywhere means garbage, not a huge array.
    if (!/^0{52}[0-9a-fA-F]{12}$/.test(text)) {
      throw new MalformedAggregate3(`the word at byte ${at} is not a small number`);
    }
    return Number.parseInt(text, 16);
  };
  const array = read(0);
  const answered = read(array);
  if (answered !== count) throw new MalformedAggregate3(`${answered} results for ${count} calls`);
  const base = array + 32;
  const results: CallResult[] = [];
  for (let i = 0; i < count; i++) {
    const tuple = base + read(base + 32 * i);
    const success = read(tuple);
    if (success > 1) throw new MalformedAggregate3(`result ${i} has a success flag of ${success}`);
    const bytes = tuple + read(tuple + 32);
    const length = read(bytes);
    if (bytes + 32 + length > size) throw new MalformedAggregate3(`result ${i} runs past the end`);
    results.push(
      success === 1
        ? { ok: true, returnData: `0x${hex.slice((bytes + 32) * 2, (bytes + 32 + length) * 2)}` }
        : { ok: false },
    );
  }
  return results;
}

/** A uint256 answer is exactly one word; anything else is not a balance, whatever it starts with. */
export function decodeWord(result: CallResult): bigint | null {
  if (!result.ok || result.returnData.length !== 66) return null;
  return BigInt(result.returnData);
}
