import { parseUnits } from 'ethers';
import { ApiError } from '../../../shared/api/envelope';
import type { FeeOption, SendDraft } from '../../../shared/tx';
import type { ChecksumAddress } from '../../store/address';
import type { TransactionDraft } from '../outgoingTransactions';
import { type Eip1559Option, type FeeEstimate, type LegacyOption, totalCost } from './feeRules';

/** A speed's fees, or the user's own: a gas price on legacy chains, a cap and a tip elsewhere. */
export type FeeChoiceOption = Eip1559Option | LegacyOption;

/** The call as a transaction to sign at the chosen fees; the nonce is the outgoing lifecycle's to pick. */
export function draftOf(
  chainId: number,
  call: { to: ChecksumAddress; value: bigint; data: string },
  estimate: FeeEstimate,
  option: FeeChoiceOption,
): TransactionDraft {
  const common = { chainId: BigInt(chainId), ...call, gasLimit: estimate.gasLimit };
  if ('gasPrice' in option) return { ...common, type: 0, gasPrice: option.gasPrice };
  return {
    ...common,
    type: 2,
    maxFeePerGas: option.maxFeePerGas,
    maxPriorityFeePerGas: option.maxPriorityFeePerGas,
  };
}

/** A fee choice as the review shows it: in base units, with what it likely costs and at most. */
export function feeOption(estimate: FeeEstimate, option: FeeChoiceOption): FeeOption {
  const { likely, max } = totalCost(estimate, option);
  return {
    maxFeePerGas: 'maxFeePerGas' in option ? option.maxFeePerGas.toString() : null,
    maxPriorityFeePerGas: 'maxPriorityFeePerGas' in option ? option.maxPriorityFeePerGas.toString() : null,
    gasPrice: 'gasPrice' in option ? option.gasPrice.toString() : null,
    likely: likely.toString(),
    max: max.toString(),
  };
}

/** The user's own fees, in gwei as typed; the tip defaults to the normal one and may not exceed the cap. */
export function customOption(estimate: FeeEstimate, custom: SendDraft['custom']): FeeChoiceOption {
  if (!custom) throw new ApiError('invalid_request', 'A custom fee needs a max fee in gwei.');
  const cap = parseUnits(custom.maxFeeGwei, 'gwei');
  if (cap === 0n) throw new ApiError('invalid_request', 'A fee of zero gwei would never be mined.');
  if (estimate.kind === 'legacy') return { gasPrice: cap };
  const tip = custom.priorityFeeGwei
    ? parseUnits(custom.priorityFeeGwei, 'gwei')
    : estimate.options.normal.maxPriorityFeePerGas;
  if (tip > cap) throw new ApiError('invalid_request', 'The priority fee cannot be above the max fee.');
  return { maxFeePerGas: cap, maxPriorityFeePerGas: tip };
}
