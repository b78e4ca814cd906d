import {
  decodeFunctionData,
  encodeFunctionData,
  formatUnits,
  type Hex,
  isAddress,
  parseUnits,
  getAddress,
} from 'viem';
import { ApiError } from '../../shared/api/envelope';
import { MAX_SAFE_OWNERS, type SafeAction, type SafeTxFields, type SafeTxKind } from '../../shared/safes';
import type { z } from 'zod';
import { ERC20_ABI, SAFE_ABI, SENTINEL, ZERO_ADDRESS as ZERO } from './safeAbi';
import type { SafeChainState } from './safeReader';

type ParsedAction = z.output<typeof SafeAction>;

/** The inner call of a SafeTx; never a delegatecall when the wallet builds it. */
export interface SafeCall {
  to: Hex;
  value: bigint;
  data: Hex;
  operation: 0;
}

export interface Asset {
  symbol: string;
  decimals: number;
}

function refuse(message: string): ApiError {
  return new ApiError('invalid_request', message);
}

const short = (address: string) => `${address.slice(0, 6)}…${address.slice(-4)}`;
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const isOwner = (safe: SafeChainState, address: string) => safe.owners.some((owner) => same(owner, address));

function recipient(text: string, safe: SafeChainState): Hex {
  if (!isAddress(text, { strict: false })) throw refuse(`"${text.slice(0, 60)}" is not an address.`);
  if (!isAddress(text)) throw refuse(`${text} has a checksum error; a character was probably mistyped.`);
  if (same(text, ZERO)) throw refuse('Sending to the zero address burns the funds; enter a recipient.');
  if (same(text, safe.address)) throw refuse('That is the Safe itself; enter another recipient.');
  return getAddress(text);
}

function amountOf(text: string, asset: Asset): bigint {
  const [, fraction = ''] = text.split('.');
  if (fraction.length > asset.decimals) {
    throw refuse(`${asset.symbol} has ${asset.decimals} decimals; the amount has more.`);
  }
  const amount = parseUnits(text, asset.decimals);
  if (amount === 0n) throw refuse('Enter an amount greater than zero.');
  return amount;
}

function newOwner(address: string, safe: SafeChainState): Hex {
  if (same(address, ZERO) || same(address, SENTINEL) || same(address, safe.address)) {
    throw refuse(`${address} cannot be an owner of a Safe.`);
  }
  if (isOwner(safe, address)) throw refuse(`${address} is already an owner of this Safe.`);
  if (safe.owners.length >= MAX_SAFE_OWNERS) {
    throw refuse(`This Safe already has ${safe.owners.length} owners, the most this wallet adds up to.`);
  }
  return getAddress(address);
}

function checkThreshold(threshold: number, owners: number): void {
  if (threshold > owners) {
    throw refuse(`The Safe would have ${owners} owners; it cannot require ${threshold} signatures.`);
  }
}

function safeCall(safe: SafeChainState, data: Hex): SafeCall {
  return { to: getAddress(safe.address), value: 0n, data, operation: 0 };
}

/**
 * The inner call for an action, checked against the Safe as read: `asset` is what a send moves (the chain's
 * coin or the token), null when the wallet does not know it (refused for a token send, whose amount it
 * could not scale).
 */
export function buildSafeCall(action: ParsedAction, safe: SafeChainState, asset: Asset | null): SafeCall {
  switch (action.kind) {
    case 'send': {
      const to = recipient(action.to, safe);
      if (action.asset === 'native') {
        // Every built-in chain's coin has 18 decimals; the caller passes the currency when it knows it.
        const coin = asset ?? { symbol: 'of the chain’s coin', decimals: 18 };
        const value = amountOf(action.amount, coin);
        if (value > safe.balance) {
          throw refuse(
            `The Safe holds ${formatUnits(safe.balance, coin.decimals)} ${coin.symbol}, less than that.`,
          );
        }
        return { to, value, data: '0x', operation: 0 };
      }
      if (!asset)
        throw refuse(`This wallet does not know token ${action.asset}, so it cannot scale the amount.`);
      const amount = amountOf(action.amount, asset);
      const data = encodeFunctionData({ abi: ERC20_ABI, functionName: 'transfer', args: [to, amount] });
      return { to: getAddress(action.asset), value: 0n, data, operation: 0 };
    }
    case 'revoke': {
      const data = encodeFunctionData({
        abi: ERC20_ABI,
        functionName: 'approve',
        args: [getAddress(action.spender), 0n],
      });
      return { to: getAddress(action.token), value: 0n, data, operation: 0 };
    }
    case 'add-owner': {
      const owner = newOwner(action.owner, safe);
      checkThreshold(action.threshold, safe.owners.length + 1);
      const data = encodeFunctionData({
        abi: SAFE_ABI,
        functionName: 'addOwnerWithThreshold',
        args: [owner, BigInt(action.threshold)],
      });
      return safeCall(safe, data);
    }
    case 'remove-owner': {
      const index = safe.owners.findIndex((owner) => same(owner, action.owner));
      if (index < 0) throw refuse(`${action.owner} is not an owner of this Safe.`);
      if (safe.owners.length === 1) throw refuse('A Safe cannot lose its last owner.');
      checkThreshold(action.threshold, safe.owners.length - 1);
      // Owners are a linked list: removal names the owner before this one (the sentinel for the first).
      const previous = index === 0 ? SENTINEL : (safe.owners[index - 1] as string);
      const data = encodeFunctionData({
        abi: SAFE_ABI,
        functionName: 'removeOwner',
        args: [getAddress(previous), getAddress(action.owner), BigInt(action.threshold)],
      });
      return safeCall(safe, data);
    }
    case 'change-threshold': {
      checkThreshold(action.threshold, safe.owners.length);
      if (action.threshold === safe.threshold) {
        throw refuse(`This Safe already requires ${safe.threshold} signatures.`);
      }
      const data = encodeFunctionData({
        abi: SAFE_ABI,
        functionName: 'changeThreshold',
        args: [BigInt(action.threshold)],
      });
      return safeCall(safe, data);
    }
  }
}

/** How the wallet names things in a summary: the token's symbol and decimals, an address's known name. */
export interface SafeTxNames {
  /** `native` for the chain's coin. */
  symbolOf(token: string): Asset | null;
  nameOf(address: string): string | null;
}

export interface SafeTxDescription {
  kind: SafeTxKind;
  summary: string;
  warnings: string[];
}

const CONTROL =
  'This changes who controls the Safe: check every address and the number of signatures required before ' +
  'signing.';

/** Undecodable data is not an error here: it is shown as a bare call. */
function attempt<T>(decodeIt: () => T): T | null {
  try {
    return decodeIt();
  } catch {
    return null;
  }
}

/** Owner and threshold calls on the Safe itself; anything else it is asked to do to itself is a bare call. */
function describeSelfCall(data: string, safe: SafeChainState, label: (a: string) => string) {
  const call = attempt(() => decodeFunctionData({ abi: SAFE_ABI, data: data as Hex }));
  const owners = safe.owners.length;
  if (call?.functionName === 'addOwnerWithThreshold') {
    const [owner, threshold] = call.args;
    return {
      kind: 'add-owner' as const,
      summary: `Add owner ${label(owner)} and require ${threshold} of ${owners + 1} signatures`,
      warnings: [`${CONTROL} New owner: ${owner}.`],
    };
  }
  if (call?.functionName === 'removeOwner') {
    const [, owner, threshold] = call.args;
    return {
      kind: 'remove-owner' as const,
      summary: `Remove owner ${label(owner)} and require ${threshold} of ${owners - 1} signatures`,
      warnings: [`${CONTROL} Removed owner: ${owner}.`],
    };
  }
  if (call?.functionName === 'changeThreshold') {
    const [threshold] = call.args;
    return {
      kind: 'change-threshold' as const,
      summary: `Require ${threshold} of ${owners} signatures (now ${safe.threshold})`,
      warnings: [CONTROL],
    };
  }
  const what = call ? call.functionName : `function ${data.slice(0, 10)}`;
  return {
    kind: 'call' as const,
    summary: `Call the Safe itself (${what})`,
    warnings: [
      `This calls the Safe itself (${what}): such a call can change its owners, modules, guard or fallback ` +
        'handler, and so who controls its funds. Do not sign it unless you know exactly why.',
    ],
  };
}

function describeTokenCall(fields: SafeTxFields, names: SafeTxNames, label: (a: string) => string) {
  const call = attempt(() => decodeFunctionData({ abi: ERC20_ABI, data: fields.data as Hex }));
  if (!call || BigInt(fields.value) !== 0n) return null;
  const token = names.symbolOf(fields.to);
  const [counterparty, amount] = call.args;
  const shown = token
    ? `${formatUnits(amount, token.decimals)} ${token.symbol}`
    : `${amount} base units of token ${label(fields.to)}`;
  const warnings = token
    ? []
    : [`This wallet does not know token ${fields.to}; the amount is in base units.`];
  if (call.functionName === 'transfer') {
    return { kind: 'token-send' as const, summary: `Send ${shown} to ${label(counterparty)}`, warnings };
  }
  if (amount === 0n) {
    const symbol = token?.symbol ?? `token ${label(fields.to)}`;
    return {
      kind: 'revoke' as const,
      summary: `Revoke ${label(counterparty)}'s ${symbol} allowance`,
      warnings,
    };
  }
  return {
    kind: 'call' as const,
    summary: `Allow ${label(counterparty)} to spend ${shown}`,
    warnings: [...warnings, `${counterparty} could then move up to ${shown} out of the Safe at any time.`],
  };
}

function describeCall(
  fields: SafeTxFields,
  safe: SafeChainState,
  names: SafeTxNames,
  label: (a: string) => string,
) {
  const value = BigInt(fields.value);
  const coin = names.symbolOf('native');
  const coinText = coin ? `${formatUnits(value, coin.decimals)} ${coin.symbol}` : `${value} wei`;
  if (fields.operation === 1) {
    return {
      kind: 'call' as const,
      summary: `Delegatecall ${label(fields.to)} (function ${fields.data.slice(0, 10)})`,
      warnings: [
        `This is a delegatecall: ${fields.to}'s code runs as the Safe itself and can change its owners or ` +
          'move everything it holds. Do not sign it unless you know exactly what that contract does.',
      ],
    };
  }
  if (same(fields.to, safe.address)) {
    if (fields.data === '0x')
      return { kind: 'call' as const, summary: `Call the Safe itself with ${coinText}`, warnings: [] };
    return describeSelfCall(fields.data, safe, label);
  }
  if (fields.data === '0x') {
    if (value === 0n)
      return { kind: 'call' as const, summary: `Empty call to ${label(fields.to)}`, warnings: [] };
    return { kind: 'send' as const, summary: `Send ${coinText} to ${label(fields.to)}`, warnings: [] };
  }
  const token = describeTokenCall(fields, names, label);
  if (token) return token;
  const withValue = value === 0n ? '' : ` with ${coinText}`;
  return {
    kind: 'call' as const,
    summary: `Call ${label(fields.to)} (function ${fields.data.slice(0, 10)})${withValue}`,
    warnings: [`This wallet cannot decode this call; check on ${short(fields.to)}'s own site what it does.`],
  };
}

/**
 * What a SafeTx does, in one line and warnings, decoded from its fields alone: it may come from another
 * desktop, so nothing about it is taken on trust, and whatever is not recognised is shown as a bare call.
 */
export function describeSafeTx(
  synced: SafeTxFields,
  safe: SafeChainState,
  names: SafeTxNames,
): SafeTxDescription {
  const label = (address: string) => {
    const name = names.nameOf(address);
    return name ? `${name} (${short(address)})` : short(address);
  };
  // Fields synced from elsewhere may be in any case; names and summaries use the checksummed form.
  const checksum = (address: string) => getAddress(address.toLowerCase());
  const fields = {
    ...synced,
    to: checksum(synced.to),
    gasToken: checksum(synced.gasToken),
    refundReceiver: checksum(synced.refundReceiver),
  };
  const described = describeCall(fields, safe, names, label);
  const warnings = [...described.warnings];
  if (BigInt(fields.gasPrice) !== 0n) {
    warnings.push(
      `It refunds its executor's gas from the Safe (gas price ${fields.gasPrice}, paid in ` +
        `${same(fields.gasToken, ZERO) ? 'the chain’s coin' : fields.gasToken}, to ` +
        `${same(fields.refundReceiver, ZERO) ? 'the executor' : fields.refundReceiver}).`,
    );
  }
  if (fields.nonce < safe.nonce) {
    warnings.push(`Its nonce ${fields.nonce} is already used by the Safe; it can never execute.`);
  } else if (fields.nonce > safe.nonce) {
    warnings.push(`It can execute only after the Safe's transactions ${safe.nonce} to ${fields.nonce - 1}.`);
  }
  return { kind: described.kind, summary: described.summary, warnings: [...warnings, ...safe.warnings] };
}
