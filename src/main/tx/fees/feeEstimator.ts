import type { Chain } from '../../../shared/chains/chain';
import { type CallRequest, rpc } from '../../rpc/jsonRpc';
import type { RpcClient } from '../../rpc/rpcClient';
import { RpcError } from '../../rpc/rpcError';
import type { ChecksumAddress } from '../../store/address';
import type { UnsignedTransaction } from '../../signers/signer';
import { txRpc } from '../txRpc';
import {
  eip1559Options,
  type FeeEstimate,
  gasLimitFor,
  legacyOptions,
  nextBaseFee,
  TIP_PERCENTILES,
} from './feeRules';
import { chargesL1Fee, decodeL1Fee, l1FeeRequest } from './l1Fee';

export interface EstimateRequest extends CallRequest {
  to: ChecksumAddress;
}

/** About four minutes of Ethereum blocks: recent enough to track the market, enough to smooth one block out. */
const HISTORY_BLOCKS = 20;

/**
 * Fees, gas limit and (on OP-stack chains) the L1 data fee for a transaction about to be signed. Fee history,
 * gas price and the gas estimate go in one batch; the L1 fee needs the estimate, so it follows in a second.
 */
export async function estimateFees(
  client: RpcClient,
  chain: Chain,
  tx: EstimateRequest,
  signal?: AbortSignal,
): Promise<FeeEstimate> {
  const { gasPrice, gasEstimate, history, nonce } = await marketAndEstimate(client, chain, tx, signal);
  const gasLimit = gasLimitFor(gasEstimate);
  const baseFee = history ? nextBaseFee(history) : null;
  const estimate: FeeEstimate =
    history && baseFee !== null
      ? { kind: 'eip1559', baseFee, options: eip1559Options(history, baseFee), gasLimit, l1Fee: null }
      : { kind: 'legacy', options: legacyOptions(gasPrice), gasLimit, l1Fee: null };
  if (nonce === null) return estimate;
  // The fast fees are the largest, so the bytes priced are at least as many as any option's.
  const fees =
    estimate.kind === 'eip1559'
      ? { type: 2 as const, ...estimate.options.fast }
      : { type: 0 as const, ...estimate.options.fast };
  const unsigned: UnsignedTransaction = {
    chainId: BigInt(chain.id),
    nonce: Number(nonce),
    to: tx.to,
    value: tx.value,
    data: tx.data,
    gasLimit,
    ...fees,
  };
  const l1Fee = decodeL1Fee(await client.send(l1FeeRequest(unsigned), signal));
  return { ...estimate, l1Fee };
}

/**
 * A node without EIP-1559 may refuse eth_feeHistory outright, which fails the whole batch; asking again
 * without it tells that apart from a refused gas estimate (a revert), which then fails on its own.
 */
async function marketAndEstimate(client: RpcClient, chain: Chain, tx: EstimateRequest, signal?: AbortSignal) {
  // The nonce only shapes the bytes the L1 fee is charged on, so only OP-stack chains ask for it.
  const nonceRequest = chargesL1Fee(chain) ? [txRpc.pendingNonce(tx.from)] : [];
  try {
    const [history, gasPrice, gasEstimate, nonce] = await client.sendBatch(
      [
        rpc.feeHistory(HISTORY_BLOCKS, 'latest', TIP_PERCENTILES),
        rpc.gasPrice(),
        rpc.estimateGas(tx),
        ...nonceRequest,
      ],
      signal,
    );
    return { history, gasPrice, gasEstimate, nonce: nonce ?? null };
  } catch (error) {
    if (!(error instanceof RpcError && error.code === 'rpc')) throw error;
    const [gasPrice, gasEstimate, nonce] = await client.sendBatch(
      [rpc.gasPrice(), rpc.estimateGas(tx), ...nonceRequest],
      signal,
    );
    return { history: null, gasPrice, gasEstimate, nonce: nonce ?? null };
  }
}
