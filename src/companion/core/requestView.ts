import { formatUnits, getAddress } from 'ethers';
import { findKnownToken } from './knownTokens';
import { requestNetwork } from './requestNetwork';
import type { SignRequestMessage } from './signRequest';
import { parseSignRequest } from './signRequest';

export type RequestWarningCode =
  | 'unknown_chain'
  | 'network_differs'
  | 'contract_creation'
  | 'unlimited_approval'
  | 'approval_for_all'
  | 'unknown_token'
  | 'unreadable_call'
  | 'value_with_token_call'
  | 'zero_address'
  | 'high_fee'
  | 'expired';

export interface RequestWarning {
  code: RequestWarningCode;
  message: string;
}

/** A token contract as the phone itself knows it: symbol and decimals are null when it does not. */
export interface TokenView {
  address: string;
  symbol: string | null;
  decimals: number | null;
}

interface TokenAmount {
  token: TokenView;
  /** "12.5 USDC", or "12500000 (raw units)" for a token the phone does not know. */
  amount: string;
  rawAmount: string;
}

export type CallView =
  | { kind: 'transfer' }
  | { kind: 'contract_creation' }
  | ({ kind: 'token_transfer'; recipient: string } & TokenAmount)
  | ({ kind: 'token_approve'; spender: string; unlimited: boolean } & TokenAmount)
  | ({ kind: 'token_transfer_from'; from: string; recipient: string } & TokenAmount)
  | { kind: 'approval_for_all'; collection: string; operator: string; approved: boolean }
  | { kind: 'contract_call'; selector: string };

/** What the phone shows before the user signs, decoded from the transaction and never from desktop claims. */
export interface RequestView {
  id: string;
  desktop: string;
  chain: { id: number; name: string; symbol: string; known: boolean };
  desktopNetwork: { id: number; name: string };
  networkDiffers: boolean;
  to: string | null;
  /** The native coin sent along, e.g. "1.5 ETH". */
  value: string;
  method: string;
  call: CallView;
  nonce: number;
  /** The most the fee can be: gas limit × max fee per gas (or gas price), e.g. "0.00063 ETH". */
  feeCeiling: string;
  expiresInSeconds: number;
  expired: boolean;
  warnings: RequestWarning[];
}

const MAX_UINT256 = (1n << 256n) - 1n;
const SELECTORS = {
  transfer: '0xa9059cbb',
  approve: '0x095ea7b3',
  transferFrom: '0x23b872dd',
  setApprovalForAll: '0xa22cb465',
} as const;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';
/** Splits ABI-encoded arguments into 32-byte words, or null unless there are exactly `count` of them. */
function argumentWords(data: string, count: number): bigint[] | null {
  const body = data.slice(10);
  if (body.length !== count * 64) return null;
  return Array.from({ length: count }, (_, i) => BigInt(`0x${body.slice(i * 64, i * 64 + 64)}`));
}

// Solidity rejects dirty high bytes in an address argument, so a word that has them is not a real call.
function addressWord(word: bigint): string | null {
  return word >> 160n === 0n ? getAddress(`0x${word.toString(16).padStart(40, '0')}`) : null;
}

function tokenAmount(chainId: number, contract: string, raw: bigint): TokenAmount {
  const known = findKnownToken(chainId, contract);
  return known
    ? {
        token: { address: contract, symbol: known.symbol, decimals: known.decimals },
        amount: `${formatUnits(raw, known.decimals)} ${known.symbol}`,
        rawAmount: raw.toString(),
      }
    : {
        token: { address: contract, symbol: null, decimals: null },
        amount: `${raw.toString()} (raw units)`,
        rawAmount: raw.toString(),
      };
}

function decodeCall(chainId: number, to: string | null, data: string): CallView | null {
  if (to === null) return { kind: 'contract_creation' };
  if (data === '0x') return { kind: 'transfer' };
  if (data.length < 10) return null;
  const selector = data.slice(0, 10).toLowerCase();
  switch (selector) {
    case SELECTORS.transfer: {
      const words = argumentWords(data, 2);
      const recipient = words && addressWord(words[0] as bigint);
      if (!words || !recipient) return null;
      return { kind: 'token_transfer', recipient, ...tokenAmount(chainId, to, words[1] as bigint) };
    }
    case SELECTORS.approve: {
      const words = argumentWords(data, 2);
      const spender = words && addressWord(words[0] as bigint);
      if (!words || !spender) return null;
      const raw = words[1] as bigint;
      const amount = tokenAmount(chainId, to, raw);
      const unlimited = raw === MAX_UINT256;
      return {
        kind: 'token_approve',
        spender,
        unlimited,
        ...amount,
        amount: unlimited ? `Unlimited ${amount.token.symbol ?? 'tokens'}` : amount.amount,
      };
    }
    case SELECTORS.transferFrom: {
      const words = argumentWords(data, 3);
      const from = words && addressWord(words[0] as bigint);
      const recipient = words && addressWord(words[1] as bigint);
      if (!words || !from || !recipient) return null;
      return {
        kind: 'token_transfer_from',
        from,
        recipient,
        ...tokenAmount(chainId, to, words[2] as bigint),
      };
    }
    case SELECTORS.setApprovalForAll: {
      const words = argumentWords(data, 2);
      const operator = words && addressWord(words[0] as bigint);
      if (!words || !operator || (words[1] !== 0n && words[1] !== 1n)) return null;
      return { kind: 'approval_for_all', collection: to, operator, approved: words[1] === 1n };
    }
    default:
      return { kind: 'contract_call', selector };
  }
}

function methodLabel(call: CallView, symbol: string): string {
  switch (call.kind) {
    case 'transfer':
      return `Send ${symbol}`;
    case 'contract_creation':
      return 'Create a contract';
    case 'token_transfer':
      return 'Token transfer';
    case 'token_approve':
      return 'Token approval';
    case 'token_transfer_from':
      return 'Token transfer from another account';
    case 'approval_for_all':
      return call.approved ? 'Approve a whole collection' : 'Remove a collection approval';
    case 'contract_call':
      return `Contract call ${call.selector}`;
  }
}

function callWarnings(call: CallView, value: bigint, to: string | null): RequestWarning[] {
  const warnings: RequestWarning[] = [];
  if (call.kind === 'contract_creation') {
    warnings.push({
      code: 'contract_creation',
      message: 'This transaction has no recipient: it deploys a new contract. Sign only if you meant to.',
    });
  }
  if (to === ZERO_ADDRESS) {
    warnings.push({
      code: 'zero_address',
      message: 'This is sent to the zero address, where funds are lost.',
    });
  }
  if ('token' in call) {
    if (call.token.symbol === null) {
      warnings.push({
        code: 'unknown_token',
        message: `The phone does not know the token at ${call.token.address}; the amount is shown as a raw number.`,
      });
    }
    if (value > 0n) {
      warnings.push({
        code: 'value_with_token_call',
        message: 'This token call also sends the native coin, which token contracts do not expect.',
      });
    }
  }
  if (call.kind === 'token_approve' && call.unlimited) {
    warnings.push({
      code: 'unlimited_approval',
      message: `Unlimited approval: ${call.spender} could take all of this token from you, now or later.`,
    });
  }
  if (call.kind === 'approval_for_all' && call.approved) {
    warnings.push({
      code: 'approval_for_all',
      message: `${call.operator} could take every item of this collection from you, now or later.`,
    });
  }
  return warnings;
}

/** Throws `RequestError` for input that is not a valid request, so a caller that skipped parsing cannot crash. */
export function describeRequest(input: SignRequestMessage, now: number): RequestView {
  const request = parseSignRequest(input);
  const { tx } = request;
  const network = requestNetwork(request.chainId, request.desktopChainId);
  const { symbol, decimals } = network.chain;
  const native = (wei: bigint) => `${formatUnits(wei, decimals)} ${symbol}`;
  const warnings: RequestWarning[] = [...network.warnings];

  const value = BigInt(tx.value);
  const decoded = decodeCall(request.chainId, tx.to, tx.data);
  const call: CallView = decoded ?? { kind: 'contract_call', selector: tx.data.slice(0, 10).toLowerCase() };
  if (!decoded) {
    warnings.push({
      code: 'unreadable_call',
      message: 'The call data is malformed: the phone cannot tell what this call does.',
    });
  }
  warnings.push(...callWarnings(call, value, tx.to));

  const feeCeiling = BigInt(tx.gasLimit) * BigInt(tx.type === 0 ? tx.gasPrice : tx.maxFeePerGas);
  if (feeCeiling >= 10n ** BigInt(decimals)) {
    warnings.push({
      code: 'high_fee',
      message: `The fee could be as high as ${native(feeCeiling)}, which is unusually high.`,
    });
  }

  const expired = now >= request.expiresAt;
  if (expired) {
    warnings.push({
      code: 'expired',
      message: 'This request has expired; ask the desktop to send it again.',
    });
  }

  return {
    id: request.id,
    desktop: request.desktop,
    chain: { id: request.chainId, name: network.chain.name, symbol, known: network.chain.known },
    desktopNetwork: network.desktopNetwork,
    networkDiffers: network.networkDiffers,
    to: tx.to,
    value: native(value),
    method: methodLabel(call, symbol),
    call,
    nonce: tx.nonce,
    feeCeiling: native(feeCeiling),
    expiresInSeconds: Math.max(0, Math.floor((request.expiresAt - now) / 1000)),
    expired,
    warnings,
  };
}
