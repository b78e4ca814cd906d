import { rpc } from '../../rpc/jsonRpc';
import { addressCall, SELECTOR } from '../../rpc/multicall';
import type { RpcClient } from '../../rpc/rpcClient';
import type { ChecksumAddress } from '../../store/address';
import { txRpc } from '../txRpc';

/** What the findings need to know of the chain, read at the latest block in one batch. */
export interface ChainFacts {
  balance: bigint;
  pendingNonce: number;
  fromCode: string;
  toCode: string | null;
  /** `from`'s balance of the token a transfer sends; null when nothing is sent of a token. */
  tokenBalance: bigint | null;
  /** Code at the spender of an approval; null when it is not an approval. */
  spenderCode: string | null;
}

export interface ChainFactsRequest {
  from: ChecksumAddress;
  to: ChecksumAddress | null;
  token: ChecksumAddress | null;
  spender: ChecksumAddress | null;
}

/** One round trip: the review's p95 budget has no room for a request per fact. */
export async function readChainFacts(
  client: RpcClient,
  request: ChainFactsRequest,
  signal?: AbortSignal,
): Promise<ChainFacts> {
  const { from, to, token, spender } = request;
  const [[balance, pendingNonce, fromCode, toCode, spenderCode], tokenBalance] = await Promise.all([
    client.sendBatch(
      [
        rpc.getBalance(from, 'latest'),
        txRpc.pendingNonce(from),
        rpc.getCode(from, 'latest'),
        rpc.getCode(to ?? from, 'latest'),
        rpc.getCode(spender ?? from, 'latest'),
      ] as const,
      signal,
    ),
    // Apart from the batch: a token whose balanceOf reverts must not fail every other read.
    token
      ? client
          .send(rpc.call(token, addressCall(SELECTOR.balanceOf, from), 'latest'), signal)
          .then(wordOrZero, () => 0n)
      : null,
  ]);
  return {
    balance,
    pendingNonce: Number(pendingNonce),
    fromCode,
    toCode: to ? toCode : null,
    tokenBalance,
    spenderCode: spender ? spenderCode : null,
  };
}

/** A token that answers balanceOf with anything but one word holds nothing the review can count on. */
function wordOrZero(result: string): bigint {
  return /^0x[0-9a-fA-F]{64}$/.test(result) ? BigInt(result) : 0n;
}
