import type { ChecksumAddress } from '../store/address';
import { ChainsError } from './chainsError';
import { decodeTokenText } from '../review/simulation/tokenFacts';
import { rpc } from '../rpc/jsonRpc';
import {
  addressCall,
  type CallResult,
  decodeAggregate3,
  decodeWord,
  encodeAggregate3,
  SELECTOR,
} from '../rpc/multicall';
import type { RpcClient } from '../rpc/rpcClient';
import { RpcError } from '../rpc/rpcError';

export interface TokenMetadata {
  symbol: string;
  name: string;
  decimals: number;
}

const ZERO_ADDRESS = `0x${'0'.repeat(40)}`;
const CONTROL = /\p{Cc}/u;

/**
 * Reads what a contract says about itself, in one POST: its code, and through `aggregate3` its `symbol`,
 * `name`, `decimals` and a `balanceOf` probe. A contract that cannot answer `symbol`, `decimals` and
 * `balanceOf` is not an ERC-20 token; `name` is optional in ERC-20, so the symbol stands in for it.
 */
export async function readTokenMetadata(
  client: RpcClient,
  multicall: string,
  address: ChecksumAddress,
  signal?: AbortSignal,
): Promise<TokenMetadata> {
  const probes = [
    SELECTOR.symbol,
    SELECTOR.name,
    SELECTOR.decimals,
    addressCall(SELECTOR.balanceOf, ZERO_ADDRESS),
  ];
  const [code, answer] = await client.sendBatch(
    [
      rpc.getCode(address, 'latest'),
      rpc.call(
        multicall,
        encodeAggregate3(probes.map((callData) => ({ target: address, callData }))),
        'latest',
      ),
    ],
    signal,
  );
  const where = `${address} on ${client.chainName}`;
  if (code === '0x') {
    throw new ChainsError(
      'not_a_token',
      `There is no contract at ${where}. It may be an account, or a token on another chain.`,
    );
  }
  let results: CallResult[];
  try {
    results = decodeAggregate3(answer, probes.length);
  } catch {
    throw new RpcError(
      'bad_response',
      `The RPC of ${client.chainName} sent an answer that does not decode.`,
      {
        chainId: client.chainId,
        host: client.endpoint,
      },
    );
  }
  const [symbolResult, nameResult, decimalsResult, balanceResult] = results as [
    CallResult,
    CallResult,
    CallResult,
    CallResult,
  ];
  const notErc20 = (what: string) =>
    new ChainsError('not_a_token', `The contract at ${where} does not answer ${what} like an ERC-20 token.`);
  const decimals = decodeWord(decimalsResult);
  if (decimals === null || decimals > 255n) throw notErc20('decimals()');
  if (decodeWord(balanceResult) === null) throw notErc20('balanceOf()');
  const symbol = decodeText(symbolResult, 32);
  if (symbol === null) throw notErc20('symbol()');
  return { symbol, name: decodeText(nameResult, 100) ?? symbol, decimals: Number(decimals) };
}

/**
 * A string, or the bytes32 some early tokens (MKR) return; trimmed, valid UTF-8, without control characters
 * and within `maxLength`, else null. Look-alike characters are kept: they are what the warnings look for.
 */
export function decodeText(result: CallResult, maxLength: number): string | null {
  const text = decodeTokenText(result);
  if (text === null) return null;
  return text.length > 0 && [...text].length <= maxLength && !CONTROL.test(text) ? text : null;
}
