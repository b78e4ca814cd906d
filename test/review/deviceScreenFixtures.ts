import { Interface } from 'ethers';
import type { ReviewAction } from '../../src/shared/review';
import { toChecksumAddress, type ChecksumAddress } from '../../src/main/store/address';
import { DeviceScreen } from '../../src/shared/review';
import { deviceScreen } from '../../src/main/review/device/deviceScreen';
import type { ScreenInput } from '../../src/main/review/device/screenInput';

/** Test inputs for the device screens: a USDC send to Alice on chain 1, and its variants. */
export const USDC = toChecksumAddress('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');
export const ALICE = toChecksumAddress('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
export const UNLISTED_TOKEN = toChecksumAddress('0x5FbDB2315678afecb367f032d93F642f64180aa3');
export const ETHEREUM: ScreenInput['chain'] = {
  id: 1,
  name: 'Ethereum',
  nativeCurrency: { symbol: 'ETH', decimals: 18 },
};
export const BASE: ScreenInput['chain'] = {
  id: 8453,
  name: 'Base',
  nativeCurrency: { symbol: 'ETH', decimals: 18 },
};

const ERC20 = new Interface([
  'function transfer(address to, uint256 amount)',
  'function approve(address spender, uint256 amount)',
]);

export function transferData(to: string, amount: bigint): string {
  return ERC20.encodeFunctionData('transfer', [to, amount]);
}

export function approveData(spender: string, amount: bigint): string {
  return ERC20.encodeFunctionData('approve', [spender, amount]);
}

export function tokenTransferAction(token: ChecksumAddress, amount: bigint, symbol = 'USDC'): ReviewAction {
  return {
    type: 'token-transfer',
    token: { address: token, name: symbol, source: symbol === '' ? 'none' : 'token-list' },
    to: { address: ALICE, name: 'Alice', source: 'address-book' },
    amount: { value: amount.toString(), decimals: 6, symbol, unlimited: false },
  };
}

/** 12.5 USDC to Alice, 0.000441 ETH of max fee (21 gwei × 21 000). */
export function usdcSend(kind: ScreenInput['signer']['kind'], chain = ETHEREUM): ScreenInput {
  return {
    signer: { kind, label: `My ${kind}`, fingerprint: 'f00dfeed' },
    chain,
    action: tokenTransferAction(USDC, 12_500_000n),
    transaction: { to: USDC, value: 0n, data: transferData(ALICE, 12_500_000n) },
    maxFee: 441_000_000_000_000n,
  };
}

export function ethSend(kind: ScreenInput['signer']['kind'], value: bigint): ScreenInput {
  return {
    ...usdcSend(kind),
    action: {
      type: 'native-transfer',
      to: { address: ALICE, name: 'Alice', source: 'address-book' },
      amount: { value: value.toString(), decimals: 18, symbol: 'ETH', unlimited: false },
    },
    transaction: { to: ALICE, value, data: '0x' },
  };
}

export const MAX_UINT256 = (1n << 256n) - 1n;

/** An unlimited USDC approval to Alice, as the review decodes it. */
export const revokeAction: ReviewAction = {
  type: 'approval',
  token: { address: USDC, name: 'USDC', source: 'token-list' },
  spender: { address: ALICE, name: null, source: 'none' },
  amount: { value: MAX_UINT256.toString(), decimals: 6, symbol: 'USDC', unlimited: true },
};

export function withTransaction(
  input: ScreenInput,
  transaction: Partial<ScreenInput['transaction']>,
  action?: ReviewAction,
): ScreenInput {
  return { ...input, action: action ?? input.action, transaction: { ...input.transaction, ...transaction } };
}

/** The screen, checked against the shared schema the renderer and the phone parse. */
export function shown(input: ScreenInput): DeviceScreen {
  return DeviceScreen.parse(deviceScreen(input));
}
