import { formatAmount } from '../../../shared/format/amount';
import { shortAddress } from '../../../shared/format/shortAddress';
import type { ReviewAmount } from '../../../shared/review';

/** ERC-20 approvals mean "no limit" with the all-ones uint256, and most UIs treat anything from 2^255 so. */
const ERC20_UNLIMITED = 2n ** 255n;
const MAX_UINT256 = 2n ** 256n - 1n;
const MAX_SYMBOL_LENGTH = 32;
const MAX_DECIMALS = 77;

/** For amounts that are never "no limit" (a transfer, the coin sent): no uint256 reaches it. */
export const NEVER_UNLIMITED = MAX_UINT256 + 1n;

/**
 * An amount for the review. `unlimitedAt` sets where "no limit" starts for a narrower type (Permit2's
 * uint160). Throws a RangeError for a value no uint256 can hold, or decimals outside 0–77: callers check
 * what a token contract claims before they get here.
 */
export function reviewAmount(
  value: bigint,
  decimals: number,
  symbol: string,
  options: { unlimitedAt?: bigint } = {},
): ReviewAmount {
  if (value < 0n || value > MAX_UINT256) throw new RangeError(`${value} is not a uint256 amount`);
  if (!isReviewDecimals(decimals)) throw new RangeError(`${decimals} is not a number of decimals`);
  const trimmed = symbol.trim();
  return {
    value: value.toString(),
    decimals,
    symbol: trimmed.length > MAX_SYMBOL_LENGTH ? trimmed.slice(0, MAX_SYMBOL_LENGTH) : trimmed,
    unlimited: value >= (options.unlimitedAt ?? ERC20_UNLIMITED),
  };
}

/** Whether a token's claimed decimals can be shown; a hostile token can claim anything up to 255. */
export function isReviewDecimals(decimals: number): boolean {
  return Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS;
}

/**
 * The symbol of an amount whose token the wallet knows nothing about: the amount is then in raw base units
 * (decimals 0), and the words say whose units they are instead of guessing a ticker.
 */
export function unknownTokenSymbol(token: string): string {
  return `units of ${shortAddress(token)}`;
}

/** An amount in a sentence: "12.5 USDC", "unlimited USDC"; cut to about six significant digits, never rounded up. */
export function amountWords(amount: ReviewAmount): string {
  const figure = amount.unlimited ? 'unlimited' : formatAmount(BigInt(amount.value), amount.decimals).text;
  return `${figure} ${amount.symbol}`;
}
