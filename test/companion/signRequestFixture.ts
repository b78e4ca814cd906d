import type { SignRequestMessage } from '../../src/companion/core/signRequest';

export const NOW = 1_790_000_000_000;
export const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/** A valid request from "Work laptop": 1.5 ETH to Alice on Ethereum, created 10 s before NOW. */
export function signRequest(
  overrides: Partial<SignRequestMessage> = {},
  tx: Partial<SignRequestMessage['tx']> = {},
): SignRequestMessage {
  const base: SignRequestMessage = {
    t: 'sign',
    id: '00112233445566778899aabbccddeeff',
    desktop: 'Work laptop',
    chainId: 1,
    desktopChainId: 1,
    createdAt: NOW - 10_000,
    expiresAt: NOW + 290_000,
    tx: {
      type: 2,
      nonce: 3,
      to: ALICE,
      value: '1500000000000000000',
      data: '0x',
      gasLimit: '21000',
      maxFeePerGas: '30000000000',
      maxPriorityFeePerGas: '1000000000',
    },
  };
  return { ...base, ...overrides, tx: { ...base.tx, ...tx } as SignRequestMessage['tx'] };
}
