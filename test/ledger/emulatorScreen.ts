import { Transaction, formatUnits, getAddress, keccak256 } from 'ethers';
import type { ProvidedTokens } from './emulatorTokens';

export interface ScreenPair {
  label: string;
  value: string;
}

/** The app signs on Ethereum's chain settings; it names the network of any other chain id. */
const APP_CHAIN_ID = 1n;
/** Network names and tickers of the app's own table (src/network.c), for the chains the tests use. */
const NETWORKS: Readonly<Record<string, { name: string; ticker: string }>> = {
  '1': { name: 'Ethereum', ticker: 'ETH' },
  '10': { name: 'OP Mainnet', ticker: 'ETH' },
  '137': { name: 'Polygon', ticker: 'POL' },
  '8453': { name: 'Base', ticker: 'ETH' },
  '42161': { name: 'Arbitrum', ticker: 'ETH' },
  '11155111': { name: 'Sepolia', ticker: 'ETH' },
};
const TRANSFER = 'a9059cbb';
const WEI_DECIMALS = 18;

/**
 * What the Ethereum app shows before it signs `payload`, and whether it is contract data it can only
 * blind-sign. Written from the app's source (src/nbgl/ui_approve_tx.c, src_plugins/erc20, finalizeParsing
 * in src_features/signTx/logic_signTx.c) on its own: it shares no code with the wallet's deviceScreen, so a
 * test comparing the two compares two readings.
 */
export function transactionScreen(
  payload: Buffer,
  tokens: ProvidedTokens,
): { pairs: ScreenPair[]; blind: boolean } {
  const transaction = Transaction.from(`0x${payload.toString('hex')}`);
  const network = NETWORKS[transaction.chainId.toString()];
  const ticker = network?.ticker ?? 'ETH';
  const feePerGas = transaction.type === 0 ? transaction.gasPrice : transaction.maxFeePerGas;
  const tail: ScreenPair[] = [
    { label: 'Max fees', value: amount(ticker, transaction.gasLimit * (feePerGas ?? 0n), WEI_DECIMALS) },
  ];
  if (transaction.chainId !== APP_CHAIN_ID) {
    tail.push({ label: 'Network', value: network?.name ?? transaction.chainId.toString() });
  }
  const data = transaction.data.slice(2);
  const token = tokens.find(transaction.to, transaction.chainId);
  // The ERC-20 plugin takes a transfer of exactly two words with no coin sent, and reads the recipient from
  // the low 20 bytes of the first word.
  if (token && transaction.value === 0n && data.length === 8 + 128 && data.startsWith(TRANSFER)) {
    const recipient = getAddress(`0x${data.slice(8 + 24, 8 + 64)}`);
    const sent = BigInt(`0x${data.slice(8 + 64)}`);
    return {
      pairs: [
        { label: 'Amount', value: amount(token.ticker, sent, token.decimals) },
        { label: 'To', value: recipient },
        ...tail,
      ],
      blind: false,
    };
  }
  const blind = data.length > 0;
  const pairs: ScreenPair[] = [];
  if (!blind || transaction.value !== 0n) {
    pairs.push({ label: 'Amount', value: amount(ticker, transaction.value, WEI_DECIMALS) });
  }
  pairs.push({ label: 'To', value: transaction.to ?? 'Contract creation' }, ...tail);
  if (blind) pairs.push({ label: 'Transaction hash', value: keccak256(payload) });
  return { pairs, blind };
}

/** The app's amountToString: ticker, a space, every significant digit. */
function amount(ticker: string, value: bigint, decimals: number): string {
  return `${ticker} ${formatUnits(value, decimals).replace(/\.0$/, '')}`;
}
