import { exactUnits } from './deviceAmounts';
import { ledgerClearTransfer } from './ledgerClearSigning';
import { carriesData, line, type ScreenBody, type ScreenInput } from './screenInput';

/** The Ethereum app runs on Ethereum's chain settings, and names the network only for other chains. */
const APP_CHAIN_ID = 1;

const LEDGER_BLIND_NOTE =
  'Blind signing: the Ledger cannot decode this contract data and shows only a hash of the transaction. ' +
  'It signs only with "Blind signing" enabled in its Ethereum app settings; compare the review, not the ' +
  'device.';

/**
 * The Ethereum app's review pairs, in its words and order (LedgerHQ/app-ethereum, src/nbgl/ui_approve_tx.c,
 * setTagValuePairs): "Amount" (left out when data is present and no coin is sent), "To", "Max fees",
 * "Network" (only off chain 1), then "Transaction hash" when data is present. Amounts are "TICKER value"
 * with every digit. A transfer of a token Ledger has a descriptor for goes through the app's ERC-20 plugin
 * (src_plugins/erc20/erc20_plugin.c, ETH_UI_TYPE_AMOUNT_ADDRESS), whose token amount and recipient
 * finalizeParsing (src_features/signTx/logic_signTx.c) puts in the standard pairs while it clears the data
 * flag: shown in clear, with no blind-signing warning and no hash.
 */
export function ledgerScreen({ chain, transaction, maxFee }: ScreenInput): ScreenBody {
  const coin = chain.nativeCurrency;
  const coinAmount = (value: bigint) => `${coin.symbol} ${exactUnits(value, coin.decimals)}`;
  const tail = [
    line('Max fees', coinAmount(maxFee)),
    ...(chain.id === APP_CHAIN_ID ? [] : [line('Network', chain.name)]),
  ];
  const transfer = ledgerClearTransfer(chain.id, transaction);
  if (transfer) {
    const { token, recipient, amount } = transfer;
    return {
      mode: 'clear',
      lines: [
        line('Amount', `${token.ticker} ${exactUnits(amount, token.decimals)}`),
        line('To', recipient),
        ...tail,
      ],
      note: "The Ledger writes the token's ticker before the amount and shows the recipient, not the token contract.",
    };
  }
  const blind = carriesData(transaction.data);
  const amount = !blind || transaction.value !== 0n ? [line('Amount', coinAmount(transaction.value))] : [];
  return {
    mode: blind ? 'blind' : 'clear',
    // The app names a deployment where the recipient would be.
    lines: [...amount, line('To', transaction.to ?? 'Contract creation'), ...tail],
    note: blind ? LEDGER_BLIND_NOTE : 'The Ledger writes the ticker before the amount.',
  };
}
