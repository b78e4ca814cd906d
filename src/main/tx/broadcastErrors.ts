import type { ErrorCode } from '../../shared/api/envelope';
import { formatAmount } from '../../shared/format/amount';
import type { RpcError } from '../rpc/rpcError';

/** The chain's coin, to put figures a node reports in wei into words; without it the sentence is general. */
export interface NativeCoin {
  symbol: string;
  decimals: number;
}

/** What the user is told about an RpcError: the kind of failure and a sentence saying what to do. */
export interface NodeRefusalSentence {
  code: ErrorCode;
  message: string;
}

interface Refusal {
  /** How nodes word it: geth, Erigon, Nethermind, Besu, Reth and Anvil each phrase a few of these their own way. */
  match: RegExp;
  code: ErrorCode;
  message: (text: string, native: NativeCoin | undefined) => string;
}

const TOO_POOR =
  'The account cannot pay for this: its balance does not cover the amount plus the network fee. Lower the amount or add funds.';

/** "have 1200000000000000000 want 99999001000000000000000" (geth, Erigon, Reth), or Nethermind's wording. */
const BALANCE_FIGURES = [
  /have (\d{1,78}) want (\d{1,78})/i,
  /balance is (\d{1,78}) less than [^\d]*(\d{1,78})/i,
];

function insufficientFunds(text: string, native: NativeCoin | undefined): string {
  const figures = BALANCE_FIGURES.map((pattern) => pattern.exec(text)).find((found) => found !== null);
  if (!native || !figures?.[1] || !figures[2]) return TOO_POOR;
  const amount = (wei: string) => `${formatAmount(BigInt(wei), native.decimals).text} ${native.symbol}`;
  return `The account cannot pay for this: it holds ${amount(figures[1])} and needs ${amount(figures[2])}. Lower the amount or add funds.`;
}

const always = (sentence: string) => () => sentence;

/** In order: the first that matches wins, so the narrower wordings ("…underpriced" of a replacement) go first. */
const REFUSALS: readonly Refusal[] = [
  {
    match: /insufficient funds|insufficientfunds|insufficient balance|balance is \d+ less than/i,
    code: 'invalid_request',
    message: insufficientFunds,
  },
  {
    match: /replacement transaction underpriced|replacement fee too low|replacement.*underpriced/i,
    code: 'conflict',
    message: always(
      'A transaction with the same nonce is already waiting, and this one does not offer enough more to replace it. Raise the fee and try again.',
    ),
  },
  {
    match: /nonce too low|oldnonce|nonce has already been used|nonce .*already (?:been )?used/i,
    code: 'conflict',
    message: always(
      'This account has already sent a transaction with the same nonce, so this one was not accepted. Wait for the account’s recent transactions to settle, then review again.',
    ),
  },
  {
    match: /nonce too high|nonce gap|future nonce/i,
    code: 'invalid_state',
    message: always(
      'An earlier transaction from this account has not reached the network, so this one cannot follow it yet. Speed up or cancel the earlier one, then try again.',
    ),
  },
  {
    match:
      /max fee per gas less than block base fee|fee cap less than block base fee|feecap.*too low|maxfeepergas.*(?:less|lower|below).*base ?fee|transaction underpriced|gas price too low|underpriced/i,
    code: 'invalid_request',
    message: always(
      'The fee is below what the network charges right now. Review the transaction again to get a current fee, or raise it, then try again.',
    ),
  },
  {
    match:
      /tip higher than fee cap|max priority fee per gas higher than max fee per gas|priority fee.*(?:higher|greater|above)/i,
    code: 'invalid_request',
    message: always(
      'The priority fee is above the max fee. Lower the priority fee or raise the max fee, then try again.',
    ),
  },
  {
    match: /exceeds the configured cap|tx fee .* exceeds/i,
    code: 'invalid_request',
    message: always(
      'The total fee is higher than this network’s node accepts for one transaction. Lower the fee, then try again.',
    ),
  },
  {
    match: /intrinsic gas too low|gas limit too low|intrinsicgas/i,
    code: 'invalid_request',
    message: always(
      'The gas limit is too low for this transaction. Review it again so the wallet estimates the gas afresh.',
    ),
  },
  {
    match: /already known|known transaction|already imported|transaction already exists|alreadyknown/i,
    code: 'conflict',
    message: always(
      'The network already has this transaction: it is waiting to be included in a block, and there is nothing more to send.',
    ),
  },
  {
    // Anvil: "intrinsic gas too high -- tx.gas_limit > env.block.gas_limit".
    match:
      /exceeds block gas limit|gas limit reached|exceeds the block gas limit|block gas limit exceeded|intrinsic gas too high|gas_limit > env\.block\.gas_limit/i,
    code: 'invalid_request',
    message: always(
      'This transaction needs more gas than a block can hold, so the network will never include it. Split it into smaller transactions.',
    ),
  },
  {
    match: /execution reverted|reverted|revert|gas required exceeds allowance|out of gas|invalid opcode/i,
    code: 'invalid_request',
    message: always(
      'The network says this transaction would fail if it were sent, so nothing was sent. Check the amount, the recipient and what the contract requires; the details say why it fails.',
    ),
  },
];

/** The node's own words inside RpcClient's "<host> refused <method>: <words> (code <n>).", so a host is never matched. */
function nodeText(message: string): string {
  return /^\S+ refused \w+: (.*) \(code -?\d+\)\.$/s.exec(message)?.[1] ?? message;
}

const ENDPOINT_DOWN =
  'The network did not answer. Check your internet connection and the network’s RPC address in Settings, then try again.';

/**
 * What to tell the user when a node refuses or cannot be reached. A node's words (`insufficient funds for
 * gas * price + value: … have 1200000000000000000 want …`) are for developers; each known refusal of
 * eth_sendRawTransaction, eth_estimateGas and eth_call becomes a sentence saying what to do, with the figures
 * in the chain's coin when the node gives them and the coin is known. The raw text stays the caller's detail.
 */
export function explainRpcError(error: RpcError, native?: NativeCoin): NodeRefusalSentence {
  switch (error.code) {
    case 'aborted':
      return {
        code: 'cancelled',
        message: 'The wallet stopped this request because it is closing. Try again.',
      };
    case 'chain_mismatch':
      return {
        code: 'chain_unavailable',
        message:
          'The RPC address set for this network serves a different chain, so nothing it sent was used. Change it in Settings.',
      };
    case 'rate_limited':
      return {
        code: 'chain_unavailable',
        message: 'The network’s RPC provider is limiting requests. Wait a minute, then try again.',
      };
    case 'rpc': {
      const text = nodeText(error.message);
      const refusal = REFUSALS.find(({ match }) => match.test(text));
      if (refusal) return { code: refusal.code, message: refusal.message(text, native) };
      return {
        code: 'chain_unavailable',
        message:
          'The network refused this request. Try again; if it keeps happening, check the network’s RPC address in Settings.',
      };
    }
    default:
      return { code: 'chain_unavailable', message: ENDPOINT_DOWN };
  }
}
