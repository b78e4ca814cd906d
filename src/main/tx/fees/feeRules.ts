import type { FeeHistory } from '../../rpc/jsonRpc';

export type Speed = 'slow' | 'normal' | 'fast';

export interface Eip1559Option {
  maxFeePerGas: bigint;
  maxPriorityFeePerGas: bigint;
}

export interface LegacyOption {
  gasPrice: bigint;
}

/**
 * The OP-stack L1 data fee, charged on top of gas. `not-charged`: the chain has none. `included`: `amount`
 * (wei) counts in every total. `unavailable`: the oracle did not answer; `message` says so to the user,
 * `detail` keeps what went wrong for the log, and the totals leave the fee out rather than fail the send.
 */
export interface L1Fee {
  status: 'not-charged' | 'included' | 'unavailable';
  amount: bigint | null;
  message: string | null;
  detail: string | null;
}

export type FeeEstimate =
  | {
      kind: 'eip1559';
      /** The next block's base fee, as the node's fee history predicts it. */
      baseFee: bigint;
      options: Record<Speed, Eip1559Option>;
      gasLimit: bigint;
      l1: L1Fee;
    }
  | { kind: 'legacy'; options: Record<Speed, LegacyOption>; gasLimit: bigint; l1: L1Fee };

/** The priority-fee percentiles asked of eth_feeHistory, for slow, normal and fast. */
export const TIP_PERCENTILES = [10, 50, 90] as const;
const SPEEDS: readonly Speed[] = ['slow', 'normal', 'fast'];

/**
 * The base fee rises by at most 12.5% a block, so twice the next base fee stays valid through at least five
 * full blocks in a row; the user pays only the base fee in force plus the tip, never the whole max.
 */
const BASE_FEE_HEADROOM = 2n;

/**
 * The tip for each speed: per percentile, the median over recent blocks of what that percentile of each
 * block paid. The median keeps one block of frantic bidding from setting the price. Empty blocks are left
 * out, as they report zero tips for want of transactions, not because zero was enough; if every block was
 * empty nobody competes for space and a zero tip is included.
 */
export function eip1559Options(history: FeeHistory, nextBaseFee: bigint): Record<Speed, Eip1559Option> {
  const rewards = (history.reward ?? []).filter((_, block) => (history.gasUsedRatio[block] ?? 0) > 0);
  const entries = SPEEDS.map((speed, index) => {
    const tip = median(rewards.map((block) => block[index] ?? 0n));
    return [speed, { maxPriorityFeePerGas: tip, maxFeePerGas: BASE_FEE_HEADROOM * nextBaseFee + tip }];
  });
  return Object.fromEntries(entries) as Record<Speed, Eip1559Option>;
}

/** The next block's base fee, or null where the chain has no EIP-1559 fee market (absent or zero base fee). */
export function nextBaseFee(history: FeeHistory): bigint | null {
  const next = history.baseFeePerGas?.at(-1);
  return next === undefined || next === 0n ? null : next;
}

/**
 * Legacy chains: the node's eth_gasPrice is its guess at a price that gets in soon, so it is normal; slow
 * takes a tenth off and fast adds a quarter, enough to outbid a burst without a runaway price.
 */
export function legacyOptions(gasPrice: bigint): Record<Speed, LegacyOption> {
  return {
    slow: { gasPrice: (gasPrice * 90n) / 100n },
    normal: { gasPrice },
    fast: { gasPrice: (gasPrice * 125n + 99n) / 100n },
  };
}

/** A plain transfer to an account without code costs exactly this, so it needs no margin. */
const TRANSFER_GAS = 21_000n;
const GAS_MARGIN_PERCENT = 20n;

/**
 * eth_estimateGas runs the transaction against the latest state; by the time it is mined a contract's state
 * may make it cost a little more (a storage slot first written, a longer path), and running out of gas
 * burns the fee for nothing. A fifth more is a common margin; unused gas is not charged.
 */
export function gasLimitFor(estimate: bigint): bigint {
  if (estimate === TRANSFER_GAS) return estimate;
  return (estimate * (100n + GAS_MARGIN_PERCENT) + 99n) / 100n;
}

/**
 * The fee in the native coin's smallest unit, without the value sent. `max` is the most the transaction can
 * cost: the full gas limit at the max fee, plus the L1 data fee when included. `likely` is the full gas limit
 * at the next block's base fee plus the tip, which is what it costs if the base fee holds (still an
 * overestimate by the gas margin, as unused gas is refunded). Legacy transactions pay their gas price, so both are equal.
 */
export function totalCost(
  estimate: FeeEstimate,
  option: Eip1559Option | LegacyOption,
): { likely: bigint; max: bigint } {
  const l1Fee = estimate.l1.status === 'included' ? (estimate.l1.amount ?? 0n) : 0n;
  if (estimate.kind === 'legacy') {
    if (!('gasPrice' in option)) throw new Error('This chain takes a gas price, not EIP-1559 fees.');
    const fee = option.gasPrice * estimate.gasLimit + l1Fee;
    return { likely: fee, max: fee };
  }
  if (!('maxFeePerGas' in option)) throw new Error('This chain takes EIP-1559 fees, not a gas price.');
  if (option.maxPriorityFeePerGas > option.maxFeePerGas) {
    throw new Error('The priority fee cannot be more than the max fee.');
  }
  const perGas = min(estimate.baseFee + option.maxPriorityFeePerGas, option.maxFeePerGas);
  return {
    likely: perGas * estimate.gasLimit + l1Fee,
    max: option.maxFeePerGas * estimate.gasLimit + l1Fee,
  };
}

/** The lower middle of an even count, so a tip is always one that was actually paid. */
function median(values: readonly bigint[]): bigint {
  if (values.length === 0) return 0n;
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return sorted[Math.floor((sorted.length - 1) / 2)] as bigint;
}

function min(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}
