import { formatUnits, getAddress, Interface, type TransactionDescription } from 'ethers';
import { findKnownToken } from './knownTokens';

/** What a Safe transaction's inner call does, read by the phone from the SafeTx itself. */
export interface SafeCallView {
  kind: 'send' | 'token-send' | 'approve' | 'revoke' | 'owners' | 'call';
  /** One line: "Send 0.05 ETH to 0x…", "Add owner 0x… and require 2 signatures". */
  summary: string;
  warnings: SafeCallWarning[];
}

export interface SafeCallWarning {
  code:
    | 'owner_change'
    | 'delegatecall'
    | 'self_call'
    | 'unlimited_approval'
    | 'unknown_token'
    | 'unreadable_call'
    | 'gas_refund';
  message: string;
}

/** The native coin of the request's chain, as the phone knows it. */
export interface NativeCoin {
  symbol: string;
  decimals: number;
}

interface InnerCall {
  chainId: number;
  safe: string;
  to: string;
  value: bigint;
  data: string;
  operation: 0 | 1;
  gasPrice: bigint;
  gasToken: string;
  refundReceiver: string;
}

const TOKEN = new Interface([
  'function transfer(address to, uint256 amount)',
  'function approve(address spender, uint256 amount)',
]);
// The Safe's own owner calls (OwnerManager, Safe 1.3 and 1.4.1).
const OWNERS = new Interface([
  'function addOwnerWithThreshold(address owner, uint256 threshold)',
  'function removeOwner(address prevOwner, address owner, uint256 threshold)',
  'function swapOwner(address prevOwner, address oldOwner, address newOwner)',
  'function changeThreshold(uint256 threshold)',
]);
const MAX_UINT256 = (1n << 256n) - 1n;
const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

const OWNER_CHANGE: SafeCallWarning = {
  code: 'owner_change',
  message:
    'This changes who controls the Safe: its owners or how many signatures it needs. Sign only if you started this change yourself.',
};

/** Null for data that does not decode against `abi` (an unknown selector, or malformed arguments). */
function parse(abi: Interface, data: string): TransactionDescription | null {
  try {
    return abi.parseTransaction({ data });
  } catch {
    return null;
  }
}

const unreadable = (): SafeCallWarning => ({
  code: 'unreadable_call',
  message: 'The call data is malformed: the phone cannot tell what this call does.',
});

const signatures = (n: bigint) => `${n} signature${n === 1n ? '' : 's'}`;

function ownerCall(call: TransactionDescription): string {
  const [first, second, third] = call.args as unknown as [string | bigint, string | bigint, bigint];
  switch (call.name) {
    case 'addOwnerWithThreshold':
      return `Add owner ${String(first)} and require ${signatures(second as bigint)}`;
    case 'removeOwner':
      return `Remove owner ${String(second)} and require ${signatures(third)}`;
    case 'swapOwner':
      return `Replace owner ${String(second)} with ${String(third)}`;
    default:
      return `Require ${signatures(first as bigint)}`;
  }
}

function tokenCall(chainId: number, to: string, call: TransactionDescription): SafeCallView {
  const [party, raw] = call.args as unknown as [string, bigint];
  const known = findKnownToken(chainId, to);
  const amount = known ? `${formatUnits(raw, known.decimals)} ${known.symbol}` : `${raw} (raw units)`;
  const token = known ? known.symbol : `the token at ${to}`;
  const warnings: SafeCallWarning[] = known
    ? []
    : [
        {
          code: 'unknown_token',
          message: `The phone does not know the token at ${to}; the amount is shown as a raw number.`,
        },
      ];
  if (call.name === 'transfer')
    return { kind: 'token-send', summary: `Send ${amount} to ${party}`, warnings };
  if (raw === 0n) return { kind: 'revoke', summary: `Revoke ${party}'s allowance of ${token}`, warnings };
  if (raw === MAX_UINT256) {
    warnings.push({
      code: 'unlimited_approval',
      message: `Unlimited approval: ${party} could take all of this token from the Safe, now or later.`,
    });
  }
  const allowance = raw === MAX_UINT256 ? `an unlimited amount of ${token}` : amount;
  return { kind: 'approve', summary: `Allow ${party} to spend ${allowance}`, warnings };
}

function decode(call: InnerCall, native: NativeCoin): SafeCallView {
  const coins = (wei: bigint) => `${formatUnits(wei, native.decimals)} ${native.symbol}`;
  const to = getAddress(call.to);
  if (call.data === '0x')
    return { kind: 'send', summary: `Send ${coins(call.value)} to ${to}`, warnings: [] };
  const selector = call.data.slice(0, 10).toLowerCase();
  const plain: SafeCallView = { kind: 'call', summary: `Call ${selector} on ${to}`, warnings: [] };
  if (to === getAddress(call.safe)) {
    const owners = parse(OWNERS, call.data);
    if (owners) return { kind: 'owners', summary: ownerCall(owners), warnings: [OWNER_CHANGE] };
    if (OWNERS.getFunction(selector)) return { ...plain, warnings: [OWNER_CHANGE, unreadable()] };
    plain.warnings.push({
      code: 'self_call',
      message:
        'This calls the Safe itself with something other than an owner change: it can change the Safe’s setup (modules, guard, fallback handler). Sign only if you know exactly why.',
    });
    return plain;
  }
  const token = parse(TOKEN, call.data);
  if (token) return tokenCall(call.chainId, to, token);
  // A token selector whose arguments do not decode is not a transfer or approval the phone can vouch for.
  if (call.data.length < 10 || TOKEN.getFunction(selector)) {
    plain.warnings.push(unreadable());
  }
  return plain;
}

/** Decodes the inner call and adds the warnings that hold whatever it is: delegatecall, value, gas refund. */
export function describeSafeCall(call: InnerCall, native: NativeCoin): SafeCallView {
  const view = decode(call, native);
  const coins = `${formatUnits(call.value, native.decimals)} ${native.symbol}`;
  if (call.value > 0n && view.kind !== 'send') view.summary += `, also sending ${coins}`;
  if (call.operation === 1) {
    view.warnings.unshift({
      code: 'delegatecall',
      message: `Delegatecall: the code at ${getAddress(call.to)} runs as the Safe itself and can take its funds or change its owners. Sign only if you trust that contract completely.`,
    });
  }
  if (call.gasPrice > 0n) {
    const receiver = call.refundReceiver === ZERO_ADDRESS ? 'whoever executes it' : call.refundReceiver;
    const currency = call.gasToken === ZERO_ADDRESS ? native.symbol : `the token at ${call.gasToken}`;
    view.warnings.push({
      code: 'gas_refund',
      message: `The Safe pays ${receiver} a gas refund in ${currency}, at a price of ${call.gasPrice} per gas.`,
    });
  }
  return view;
}
