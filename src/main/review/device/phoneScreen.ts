import { formatUnits } from 'ethers';
import type { ChecksumAddress } from '../../store/address';
import { SELECTORS, callWords, decodeTwoWordCall, wordAddress } from './erc20Calls';
import {
  carriesData,
  line,
  listedToken,
  type ScreenBody,
  type ScreenInput,
  type ScreenLine,
} from './screenInput';

const MAX_UINT256 = (1n << 256n) - 1n;

/**
 * The companion's request card (src/companion/ui/RequestCard.tsx over core/requestView.ts), row for row:
 * the phone decodes the transaction itself and names only tokens of its own table, so its words are
 * matched here rather than taken from the review. Amounts use ethers' formatUnits, as the phone does.
 */
export function phoneScreen({ chain, action, transaction, maxFee }: ScreenInput): ScreenBody {
  const coin = chain.nativeCurrency;
  const native = (value: bigint) => `${formatUnits(value, coin.decimals)} ${coin.symbol}`;
  const alsoSends = transaction.value > 0n ? [line('Also sends', native(transaction.value))] : [];
  const call = callRows(input(action, transaction), native);
  return {
    mode: call.decoded ? 'clear' : 'blind',
    lines: [
      line('Network', chain.name),
      ...call.rows,
      ...(call.plain ? [] : alsoSends),
      line('Max fee', native(maxFee)),
    ],
    note: call.decoded ? null : call.note,
  };
}

interface CallInput {
  to: ChecksumAddress | null;
  value: bigint;
  data: string;
  token: { symbol: string; decimals: number } | null;
}

function input(action: ScreenInput['action'], transaction: ScreenInput['transaction']): CallInput {
  return { ...transaction, token: listedToken(action, transaction.to) };
}

interface CallRows {
  rows: ScreenLine[];
  decoded: boolean;
  /** A plain coin transfer shows its value as the amount, not as "Also sends". */
  plain: boolean;
  note: string;
}

function callRows({ to, value, data, token }: CallInput, native: (value: bigint) => string): CallRows {
  const decoded = (rows: ScreenLine[], note = ''): CallRows => ({
    rows,
    decoded: note === '',
    plain: false,
    note,
  });
  if (to === null) return decoded([line('To', 'New contract')]);
  if (!carriesData(data)) return { ...decoded([line('Amount', native(value)), line('To', to)]), plain: true };
  const amountOf = (raw: bigint) =>
    token ? `${formatUnits(raw, token.decimals)} ${token.symbol}` : `${raw.toString()} (raw units)`;
  const tokenRow = line('Token', `${token?.symbol ?? 'Unknown token'} ${to}`);
  const unknownNote = token ? '' : 'The phone does not know this token: it shows the amount in raw units.';
  const transfer = decodeTwoWordCall(data, SELECTORS.transfer);
  if (transfer)
    return decoded(
      [line('Amount', amountOf(transfer.amount)), line('To', transfer.party), tokenRow],
      unknownNote,
    );
  const approve = decodeTwoWordCall(data, SELECTORS.approve);
  if (approve) {
    const allowance =
      approve.amount === MAX_UINT256 ? `Unlimited ${token?.symbol ?? 'tokens'}` : amountOf(approve.amount);
    return decoded([line('Allowance', allowance), line('Spender', approve.party), tokenRow], unknownNote);
  }
  const fromWords = callWords(data, SELECTORS.transferFrom, 3);
  const [from, recipient] = [wordAddress(fromWords?.[0]), wordAddress(fromWords?.[1])];
  if (fromWords && from && recipient) {
    return decoded(
      [line('Amount', amountOf(fromWords[2] ?? 0n)), line('From', from), line('To', recipient), tokenRow],
      unknownNote,
    );
  }
  const forAll = callWords(data, SELECTORS.setApprovalForAll, 2);
  const operator = wordAddress(forAll?.[0]);
  if (forAll && operator && (forAll[1] === 0n || forAll[1] === 1n)) {
    return decoded([line('Collection', to), line('Operator', operator)]);
  }
  return decoded(
    [line('Contract', to), line('Method', data.slice(0, 10).toLowerCase())],
    'The phone does not decode this call: it shows the contract and the method selector only.',
  );
}
