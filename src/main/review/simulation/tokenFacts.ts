import { AbiCoder } from 'ethers/abi';
import { toUtf8String } from 'ethers/utils';
import { MULTICALL3_ADDRESS } from '../../../shared/chains/registry';
import { rpc } from '../../rpc/jsonRpc';
import {
  type CallResult,
  chunkCalls,
  decodeAggregate3,
  decodeWord,
  encodeAggregate3,
  SELECTOR,
} from '../../rpc/multicall';
import type { RpcClient } from '../../rpc/rpcClient';
import { RpcError } from '../../rpc/rpcError';
import type { ChecksumAddress } from '../../store/address';

export interface TokenFacts {
  symbol: string;
  decimals: number;
}

/** The longest symbol shown; a longer one is cut, so a token cannot fill the review with its "symbol". */
const MAX_SYMBOL_CHARS = 12;
/** 10^77 is the largest power of ten below 2^256: a token claiming more decimals has no sensible amount. */
const MAX_DECIMALS = 77n;
/** At most this many tokens are asked about; a simulation that moved more reads as unnamed tokens. */
const MAX_TOKENS = 200;
/** Keeps each `aggregate3` well under the calldata size public RPC providers accept for eth_call. */
const MAX_CALLDATA_BYTES = 24_000;
/** Control, format (bidi overrides, zero-width), private-use and unassigned characters, and line breaks. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/u;

/**
 * symbol() and decimals() of tokens the wallet does not list, in one multicall batch (src/main/rpc/multicall.ts);
 * hostile answers are bounded: symbol cut to 12 printable chars (else null), decimals 0..77 (else null).
 * A token is null when either answer is missing or out of bounds. The facts only name amounts in a review, so
 * a node that fails or answers garbage costs the names, not the review: every token is then null. Only a
 * cancellation is thrown.
 */
export async function readTokenFacts(
  client: RpcClient,
  tokens: readonly ChecksumAddress[],
  signal?: AbortSignal,
): Promise<Map<ChecksumAddress, TokenFacts | null>> {
  const unique = [...new Set(tokens)];
  const facts = new Map<ChecksumAddress, TokenFacts | null>(unique.map((token) => [token, null]));
  const asked = unique.slice(0, MAX_TOKENS);
  if (asked.length === 0) return facts;
  const calls = asked.flatMap((target) => [
    { target, callData: SELECTOR.symbol },
    { target, callData: SELECTOR.decimals },
  ]);
  // Each token's two calls stay in one chunk, as every chunk holds an even number of equal-sized calls.
  const chunks = chunkCalls(calls, MAX_CALLDATA_BYTES);
  let answers: string[];
  try {
    answers = await client.sendBatch(
      chunks.map((chunk) => rpc.call(MULTICALL3_ADDRESS, encodeAggregate3(chunk), 'latest')),
      signal,
    );
  } catch (error) {
    if (error instanceof RpcError && error.code !== 'aborted') return facts;
    throw error;
  }
  let results: CallResult[];
  try {
    results = answers.flatMap((answer, i) => decodeAggregate3(answer, (chunks[i] as unknown[]).length));
  } catch {
    return facts;
  }
  asked.forEach((token, i) => {
    const symbol = symbolOf(results[2 * i] as CallResult);
    const decimals = decodeWord(results[2 * i + 1] as CallResult);
    if (symbol !== null && decimals !== null && decimals <= MAX_DECIMALS) {
      facts.set(token, { symbol, decimals: Number(decimals) });
    }
  });
  return facts;
}

/**
 * The symbol, trimmed and cut to MAX_SYMBOL_CHARS characters. Null when it does not decode, is empty, or holds
 * anything unprintable, which could reorder or hide the text around it.
 */
export function symbolOf(result: CallResult): string | null {
  const text = decodeTokenText(result);
  if (text === null || text.length === 0 || UNPRINTABLE.test(text)) return null;
  return [...text].slice(0, MAX_SYMBOL_CHARS).join('');
}

/**
 * What a token answers to `symbol()` or `name()`: an ABI string, or the NUL-padded bytes32 some early tokens
 * (MKR) return; trimmed. Null when the call failed or the answer is neither.
 */
export function decodeTokenText(result: CallResult): string | null {
  if (!result.ok) return null;
  try {
    const text =
      result.returnData.length === 66
        ? toUtf8String(result.returnData).replace(/\0+$/, '')
        : (AbiCoder.defaultAbiCoder().decode(['string'], result.returnData)[0] as string);
    return text.trim();
  } catch {
    return null;
  }
}
