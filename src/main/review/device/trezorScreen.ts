import { groupedUnits } from './deviceAmounts';
import { SELECTORS, decodeTwoWordCall } from './erc20Calls';
import { carriesData, line, listedToken, type ScreenBody, type ScreenInput } from './screenInput';

/** The symbol Trezor's firmware gives a token it has no definition for; it then shows base units. */
const UNKNOWN_TOKEN = 'Wei UNKN';

/**
 * An amount as Trezor's firmware formats it (core/src/apps/ethereum/layout.py, format_ethereum_amount):
 * value then symbol, thousands grouped by commas, and amounts under a billionth of a coin in wei.
 */
function trezorAmount(value: bigint, decimals: number, symbol: string): string {
  if (decimals > 9 && value < 10n ** BigInt(decimals - 9)) return `${groupedUnits(value, 0)} Wei ${symbol}`;
  return `${groupedUnits(value, decimals)} ${symbol}`;
}

/**
 * Trezor's Ethereum screens (core firmware): "Recipient", "Amount", "Maximum fee". A transfer of a token
 * it has a definition for shows the token amount and its recipient; an unknown token shows "Unknown token"
 * with the contract, and the amount in base units; any other data is shown raw.
 */
export function trezorScreen({ chain, action, transaction, maxFee }: ScreenInput): ScreenBody {
  const coin = chain.nativeCurrency;
  const fee = line('Maximum fee', trezorAmount(maxFee, coin.decimals, coin.symbol));
  const recipient = line('Recipient', transaction.to ?? 'New contract');
  const coinAmount = line('Amount', trezorAmount(transaction.value, coin.decimals, coin.symbol));
  if (!carriesData(transaction.data))
    return { mode: 'clear', lines: [recipient, coinAmount, fee], note: null };

  const transfer = transaction.value === 0n ? decodeTwoWordCall(transaction.data, SELECTORS.transfer) : null;
  if (transfer && transaction.to !== null) {
    const token = listedToken(action, transaction.to);
    if (token) {
      return {
        mode: 'clear',
        lines: [
          line('Recipient', transfer.party),
          line('Amount', trezorAmount(transfer.amount, token.decimals, token.symbol)),
          fee,
        ],
        note:
          'The Trezor names the token from its own signed definitions. Without one for this token it ' +
          `shows "Unknown token" and the amount in base units (${groupedUnits(transfer.amount, 0)}).`,
      };
    }
    return {
      mode: 'blind',
      lines: [
        line('Unknown token', transaction.to),
        line('Recipient', transfer.party),
        line('Amount', `${groupedUnits(transfer.amount, 0)} ${UNKNOWN_TOKEN}`),
        fee,
      ],
      note: 'Unknown token: the Trezor has no definition for this token, so it shows the contract and the amount in base units, not in whole tokens.',
    };
  }
  return {
    mode: 'blind',
    lines: [line('Input data', transaction.data), recipient, coinAmount, fee],
    note: 'The Trezor does not decode this contract call: it shows the raw input data.',
  };
}
