import type { Chain } from '../../../shared/chains/chain';
import type { ReviewFees } from '../../../shared/review';
import type { FeeChoice } from '../../../shared/tx';
import { type FeeChoiceOption, feeOption } from '../fees/feeChoice';
import type { FeeEstimate } from '../fees/feeRules';

/** Every speed the user can switch to, the one this review signs with, and the L1 fee's standing. */
export function reviewFees(
  chain: Chain,
  estimate: FeeEstimate,
  chosen: FeeChoiceOption,
  speed: FeeChoice,
): ReviewFees {
  return {
    speeds: {
      slow: feeOption(estimate, estimate.options.slow),
      normal: feeOption(estimate, estimate.options.normal),
      fast: feeOption(estimate, estimate.options.fast),
    },
    chosen: feeOption(estimate, chosen),
    speed,
    gasLimit: estimate.gasLimit.toString(),
    nativeSymbol: chain.nativeCurrency.symbol,
    nativeDecimals: chain.nativeCurrency.decimals,
    l1: {
      status: estimate.l1.status,
      amount: estimate.l1.amount === null ? null : estimate.l1.amount.toString(),
      message: estimate.l1.message,
    },
  };
}
