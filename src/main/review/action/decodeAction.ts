import { ApiError } from '../../../shared/api/envelope';
import type { ReviewAction, ReviewAmount } from '../../../shared/review';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';
import { type PartyNames, PERMIT2_ADDRESS } from '../parties';
import { methodName, selectorOf } from './knownMethods';
import { isReviewDecimals, NEVER_UNLIMITED, reviewAmount, unknownTokenSymbol } from './reviewAmount';

export interface ActionInput {
  chainId: number;
  from: ChecksumAddress;
  to: ChecksumAddress | null;
  value: bigint;
  data: string;
  native: { symbol: string; decimals: number };
  parties: PartyNames;
  /** Token facts known to the wallet or read from chain; null when unknown (then raw base units, decimals 0). */
  token: (address: ChecksumAddress) => { symbol: string; decimals: number } | null;
  /** Replacement of nonce N by a 0-value self-send is a cancel. */
  cancelOf: number | null;
}

const TRANSFER = selectorOf('transfer(address,uint256)');
const TRANSFER_FROM = selectorOf('transferFrom(address,address,uint256)');
const APPROVE = selectorOf('approve(address,uint256)');
const INCREASE_ALLOWANCE = selectorOf('increaseAllowance(address,uint256)');
const SET_APPROVAL_FOR_ALL = selectorOf('setApprovalForAll(address,bool)');
const PERMIT2_APPROVE = selectorOf('approve(address,address,uint160,uint48)');
/** Permit2 amounts are uint160; its all-ones maximum means "no limit". */
const PERMIT2_UNLIMITED = 2n ** 160n - 1n;
const HEX_DATA = /^0x(?:[0-9a-fA-F]{2})*$/;

/**
 * What a transaction does, from its `to`, `value` and `data`. Calldata is hostile: it is decoded only when it
 * is exactly the method's static arguments, each within its type (an address word with its top 12 bytes zero,
 * a bool 0 or 1), and carries no coin; anything else is a contract call named by its selector, never a throw.
 * Throws an ApiError('invalid_request') only for data that is not hex at all, a value no uint256 holds, or a
 * contract creation.
 */
export function decodeAction(input: ActionInput): ReviewAction {
  const { to, value, parties } = input;
  if (!HEX_DATA.test(input.data)) {
    throw new ApiError('invalid_request', 'The transaction data is not hex bytes, so it cannot be reviewed.');
  }
  if (value < 0n || value >= 2n ** 256n) {
    throw new ApiError(
      'invalid_request',
      'The amount is not one a transaction can carry (a whole number below 2^256).',
    );
  }
  if (to === null) {
    throw new ApiError(
      'invalid_request',
      'Creating a contract cannot be reviewed here; send it from a tool made for deploying.',
    );
  }
  const data = input.data.toLowerCase();
  if (data === '0x') {
    if (input.cancelOf !== null && to === input.from && value === 0n)
      return { type: 'cancel', nonce: input.cancelOf };
    return { type: 'native-transfer', to: parties.party(to), amount: nativeAmount(input) };
  }
  return (value === 0n && decodeTokenCall(input, to, data)) || contractCall(input, to, data);
}

function decodeTokenCall(input: ActionInput, to: ChecksumAddress, data: string): ReviewAction | null {
  const selector = data.slice(0, 10);
  const { parties } = input;
  if (selector === TRANSFER || selector === TRANSFER_FROM) {
    const args = words(data, selector === TRANSFER ? ['address', 'uint'] : ['address', 'address', 'uint']);
    if (!args) return null;
    const recipient = args.at(-2) as ChecksumAddress;
    const amount = tokenAmount(input, to, args.at(-1) as bigint, NEVER_UNLIMITED);
    return { type: 'token-transfer', token: parties.party(to), to: parties.party(recipient), amount };
  }
  if (selector === APPROVE || selector === INCREASE_ALLOWANCE) {
    const args = words(data, ['address', 'uint']);
    if (!args) return null;
    const [spender, amount] = args as [ChecksumAddress, bigint];
    return {
      type: 'approval',
      token: parties.party(to),
      spender: parties.party(spender),
      amount: tokenAmount(input, to, amount),
    };
  }
  if (selector === SET_APPROVAL_FOR_ALL) {
    const args = words(data, ['address', 'bool']);
    if (!args) return null;
    const [operator, approved] = args as [ChecksumAddress, boolean];
    return {
      type: 'approval-for-all',
      collection: parties.party(to),
      operator: parties.party(operator),
      approved,
    };
  }
  if (selector === PERMIT2_APPROVE && to === PERMIT2_ADDRESS) {
    const args = words(data, ['address', 'address', 'uint160', 'uint48']);
    if (!args) return null;
    const [token, spender, amount] = args as [ChecksumAddress, ChecksumAddress, bigint];
    return {
      type: 'approval',
      token: parties.party(token),
      spender: parties.party(spender),
      amount: tokenAmount(input, token, amount, PERMIT2_UNLIMITED),
    };
  }
  return null;
}

function contractCall(input: ActionInput, to: ChecksumAddress, data: string): ReviewAction {
  // Fewer than 4 bytes name no method; they are shown as they are.
  const method = data.length < 10 ? data : methodName(data.slice(0, 10));
  return { type: 'contract-call', to: input.parties.party(to), method, value: nativeAmount(input) };
}

function nativeAmount(input: ActionInput): ReviewAmount {
  return reviewAmount(input.value, input.native.decimals, input.native.symbol, {
    unlimitedAt: NEVER_UNLIMITED,
  });
}

/** In the token's units when the wallet knows its decimals, else in raw base units that say whose they are. */
function tokenAmount(
  input: ActionInput,
  token: ChecksumAddress,
  value: bigint,
  unlimitedAt?: bigint,
): ReviewAmount {
  const facts = input.token(token);
  const options = unlimitedAt === undefined ? {} : { unlimitedAt };
  if (facts && isReviewDecimals(facts.decimals) && facts.symbol.trim()) {
    return reviewAmount(value, facts.decimals, facts.symbol, options);
  }
  return reviewAmount(value, 0, unknownTokenSymbol(token), options);
}

type WordType = 'address' | 'uint' | 'uint160' | 'uint48' | 'bool';
const LIMITS: Record<Exclude<WordType, 'bool'>, bigint> = {
  address: 2n ** 160n,
  uint: 2n ** 256n,
  uint160: 2n ** 160n,
  uint48: 2n ** 48n,
};

/** The static arguments after the selector, or null unless there are exactly that many, each in range. */
function words(data: string, types: readonly WordType[]): (ChecksumAddress | bigint | boolean)[] | null {
  const body = data.slice(10);
  if (body.length !== types.length * 64) return null;
  const values: (ChecksumAddress | bigint | boolean)[] = [];
  for (const [index, type] of types.entries()) {
    const word = BigInt(`0x${body.slice(index * 64, (index + 1) * 64)}`);
    if (type === 'bool') {
      if (word > 1n) return null;
      values.push(word === 1n);
    } else if (word >= LIMITS[type]) {
      return null;
    } else {
      values.push(type === 'address' ? toChecksumAddress(`0x${word.toString(16).padStart(40, '0')}`) : word);
    }
  }
  return values;
}
