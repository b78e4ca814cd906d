import type { SafeTxFields } from '../../src/shared/safes';
import type { SafeChainState } from '../../src/main/safes/safeReader';
import type { ChecksumAddress } from '../../src/main/store/address';

export const SAFE = '0x1111111111111111111111111111111111111111' as ChecksumAddress;
export const RECIPIENT = '0x2222222222222222222222222222222222222222' as ChecksumAddress;
export const ZERO = '0x0000000000000000000000000000000000000000' as ChecksumAddress;

/** A Safe as the reader would give it: v1.4.1, no modules, no guard. */
export function safeState(
  owners: ChecksumAddress[],
  threshold: number,
  change: Partial<SafeChainState> = {},
): SafeChainState {
  return {
    address: SAFE,
    chainId: 1,
    version: '1.4.1',
    singleton: '0x29fcB43b46531BcA003ddC8FCB67FFE91900C762' as ChecksumAddress,
    owners,
    threshold,
    nonce: 0,
    modules: [],
    guard: null,
    fallbackHandler: '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99' as ChecksumAddress,
    balance: 10n ** 18n,
    warnings: [],
    ...change,
  };
}

/** A plain native send from the Safe, with no refund. */
export function sendFields(nonce: number, value = '50000000000000000', data = '0x'): SafeTxFields {
  return {
    to: RECIPIENT,
    value,
    data,
    operation: 0,
    safeTxGas: '0',
    baseGas: '0',
    gasPrice: '0',
    gasToken: ZERO,
    refundReceiver: ZERO,
    nonce,
  };
}

/** The value a test needs, or a failure that says which was missing. */
export function must<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}
