import type { ReviewAction, ReviewPurpose } from '../../../shared/review';
import { partyName } from '../parties';
import { amountWords } from './reviewAmount';

/** TxReview.summary's bound. */
const MAX_SUMMARY_LENGTH = 300;

/**
 * The action in one line: "Send 12.5 USDC to Alice", "Approve Uniswap to spend unlimited USDC", "Revoke USDC
 * for 0xabcd…1234", "Call claim() on 0x…", "Cancel transaction 5", "Speed up: Send 0.01 ETH to Bob".
 * Amounts are cut to about six significant digits, never rounded up, as everywhere else in the wallet.
 */
export function summarize(action: ReviewAction, purpose: ReviewPurpose): string {
  const words = describe(action);
  const line = purpose === 'speed-up' ? `Speed up: ${words}` : words;
  return line.length > MAX_SUMMARY_LENGTH ? `${line.slice(0, MAX_SUMMARY_LENGTH - 1)}…` : line;
}

function describe(action: ReviewAction): string {
  switch (action.type) {
    case 'native-transfer':
    case 'token-transfer':
      return `Send ${amountWords(action.amount)} to ${partyName(action.to)}`;
    case 'approval':
      return action.amount.value === '0'
        ? `Revoke ${partyName(action.token)} for ${partyName(action.spender)}`
        : `Approve ${partyName(action.spender)} to spend ${amountWords(action.amount)}`;
    case 'approval-for-all':
      return action.approved
        ? `Approve ${partyName(action.operator)} to move all of your ${partyName(action.collection)}`
        : `Revoke ${partyName(action.collection)} for ${partyName(action.operator)}`;
    case 'contract-call': {
      const call = `Call ${shortMethod(action.method)} on ${partyName(action.to)}`;
      return action.value.value === '0' ? call : `${call}, sending ${amountWords(action.value)}`;
    }
    case 'cancel':
      return `Cancel transaction ${action.nonce}`;
  }
}

/** "claim()" stays whole; a method with parameters reads "swap(…)": the types mean nothing in a sentence. */
function shortMethod(method: string): string {
  const open = method.indexOf('(');
  return open < 0 || method.endsWith('()') ? method : `${method.slice(0, open)}(…)`;
}
