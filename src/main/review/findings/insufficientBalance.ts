import { decimalText } from '../../../shared/format/amount';
import type { Finding, FindingFix } from '../../../shared/review';
import { amountWords, NEVER_UNLIMITED, reviewAmount } from '../action/reviewAmount';
import { finding, type FindingFact } from './finding';
import type { ReviewFacts } from './reviewFacts';

type BalanceFacts = Pick<
  ReviewFacts,
  'action' | 'purpose' | 'native' | 'balance' | 'tokenBalance' | 'value' | 'maxFee'
>;

/**
 * The account cannot pay for this: the coin sent plus the most the fee can be, or the tokens sent. It would
 * fail at broadcast or on chain, so it blocks, with no override; for a send, Max offers what does fit.
 */
export function insufficientBalance(facts: BalanceFacts): Finding | null {
  const { action, native, balance, value, maxFee } = facts;
  const words = (units: bigint) =>
    amountWords(reviewAmount(units, native.decimals, native.symbol, { unlimitedAt: NEVER_UNLIMITED }));
  const needed = value + maxFee;
  const nativeShort = needed > balance;
  const tokenShort =
    action.type === 'token-transfer' &&
    facts.tokenBalance !== null &&
    BigInt(action.amount.value) > facts.tokenBalance;
  if (!nativeShort && !tokenShort) return null;

  const factList: FindingFact[] = [
    { label: 'Balance', value: words(balance) },
    { label: 'Needed (value + max fee)', value: words(needed) },
  ];
  const sentences: string[] = [];
  let fix: FindingFix | null = null;
  if (tokenShort && action.type === 'token-transfer' && facts.tokenBalance !== null) {
    const held = { ...action.amount, value: facts.tokenBalance.toString() };
    factList.push({ label: `${action.amount.symbol} balance`, value: amountWords(held) });
    sentences.push(
      `This account holds ${amountWords(held)}, less than the ${amountWords(action.amount)} to send.`,
    );
    if (facts.purpose === 'send')
      fix = { type: 'max', amount: decimalText(facts.tokenBalance, action.amount.decimals) };
  }
  if (nativeShort) {
    sentences.push(
      value === 0n
        ? `The fee can be up to ${words(maxFee)}, but this account holds ${words(balance)}.`
        : `Sending ${words(value)} with a fee of up to ${words(maxFee)} needs ${words(needed)}, but this account holds ${words(balance)}.`,
    );
    if (facts.purpose === 'send' && action.type === 'native-transfer') {
      const max = balance > maxFee ? balance - maxFee : 0n;
      fix = { type: 'max', amount: decimalText(max, native.decimals) };
    }
  }
  // Max only helps with what it changes: the amount of a send, not the fee of anything else.
  if (nativeShort && !(fix && action.type === 'native-transfer')) {
    sentences.push(`Add ${native.symbol} to this account to pay for it.`);
  }
  if (fix) sentences.push('Send less, or use Max.');
  return finding('insufficient-balance', 'blocking', sentences.join(' '), { facts: factList, fix });
}
