import type { Chain } from '../../../shared/chains/chain';
import { type CallRequest, type FeeHistory, rpc } from '../../rpc/jsonRpc';
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
import { chargesL1Fee, L1_NOT_CHARGED, readL1Fee } from './l1Fee';

export interface EstimateRequest extends CallRequest {
  to: ChecksumAddress;
}

export interface EstimateOptions {
  /**
   * The gas limit to price when the node refuses eth_estimateGas (a call that reverts, or one the account
   * cannot pay for), so a review can still show what such a transaction would cost. Without it, the refusal
   * is thrown.
   */
  fallbackGasLimit?: bigint;
}

/** About four minutes of Ethereum blocks: recent enough to track the market, enough to smooth one block out. */
const HISTORY_BLOCKS = 20;

/**
 * Fees, gas limit and (on OP-stack chains) the L1 data fee for a transaction about to be signed. Fee history,
 * gas price and the gas estimate go in one batch; the L1 fee needs the estimate, so it follows in a second,
 * and never fails the estimate (see readL1Fee).
 */
export async function estimateFees(
  client: RpcClient,
  chain: Chain,
  tx: EstimateRequest,
  signal?: AbortSignal,
  options: EstimateOptions = {},
): Promise<FeeEstimate> {
  const { gasPrice, gasLimit, history, nonce } = await marketAndEstimate(client, chain, tx, signal, options);
  const baseFee = history ? nextBaseFee(history) : null;
  const estimate: FeeEstimate =
    history && baseFee !== null
      ? { kind: 'eip1559', baseFee, options: eip1559Options(history, baseFee), gasLimit, l1: L1_NOT_CHARGED }
      : { kind: 'legacy', options: legacyOptions(gasPrice), gasLimit, l1: L1_NOT_CHARGED };
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
  return { ...estimate, l1: await readL1Fee(client, unsigned, signal) };
}

interface Market {
  history: FeeHistory | null;
  gasPrice: bigint;
  nonce: bigint | null;
}

/**
 * A node without EIP-1559 may refuse eth_feeHistory outright, which fails the whole batch; asking again
 * without it tells that apart from a refused gas estimate (a revert), which then fails on its own, or, given
 * a fallback gas limit, is priced at that limit from a market read without the estimate.
 */
async function marketAndEstimate(
  client: RpcClient,
  chain: Chain,
  tx: EstimateRequest,
  signal: AbortSignal | undefined,
  { fallbackGasLimit }: EstimateOptions,
): Promise<Market & { gasLimit: bigint }> {
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
    return { history, gasPrice, gasLimit: gasLimitFor(gasEstimate), nonce: nonce ?? null };
  } catch (error) {
    if (!refused(error)) throw error;
  }
  try {
    const [gasPrice, gasEstimate, nonce] = await client.sendBatch(
      [rpc.gasPrice(), rpc.estimateGas(tx), ...nonceRequest],
      signal,
    );
    return { history: null, gasPrice, gasLimit: gasLimitFor(gasEstimate), nonce: nonce ?? null };
  } catch (error) {
    if (fallbackGasLimit === undefined || !refused(error)) throw error;
  }
  return { ...(await market(client, nonceRequest, signal)), gasLimit: fallbackGasLimit };
}

/** Fee history (or, where the node refuses it, the gas price alone) and the nonce, without an estimate. */
async function market(
  client: RpcClient,
  nonceRequest: ReturnType<typeof txRpc.pendingNonce>[],
  signal: AbortSignal | undefined,
): Promise<Market> {
  try {
    const [history, gasPrice, nonce] = await client.sendBatch(
      [rpc.feeHistory(HISTORY_BLOCKS, 'latest', TIP_PERCENTILES), rpc.gasPrice(), ...nonceRequest],
      signal,
    );
    return { history, gasPrice, nonce: nonce ?? null };
  } catch (error) {
    if (!refused(error)) throw error;
    const [gasPrice, nonce] = await client.sendBatch([rpc.gasPrice(), ...nonceRequest], signal);
    return { history: null, gasPrice, nonce: nonce ?? null };
  }
}

/** The node understood and said no: another endpoint would say the same. */
function refused(error: unknown): boolean {
  return error instanceof RpcError && error.code === 'rpc';
}
