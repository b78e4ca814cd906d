import { phoneAccount } from '../../src/companion/core/phoneKeys';
import type { SafeSignRequestMessage } from '../../src/shared/pairing/messages';
import { hashSafeTx } from '../../src/shared/pairing/safeTx';
import { ALICE, NOW } from './signRequestFixture';

export const PHONE_MNEMONIC = 'test test test test test test test test test test test junk';
export const PHONE = phoneAccount(PHONE_MNEMONIC).address;
export const LEDGER_OWNER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
export const SAFE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
const ZERO = '0x0000000000000000000000000000000000000000';

/**
 * A valid `safeSign` from "Work laptop": the 2-of-2 Safe of a Ledger owner and the phone sends 0.05 ETH to
 * Alice; the Ledger has signed. Its `safeTxHash` is recomputed from the result unless `overrides` sets one.
 */
export function safeRequest(
  overrides: Partial<SafeSignRequestMessage> = {},
  safeTx: Partial<SafeSignRequestMessage['safeTx']> = {},
): SafeSignRequestMessage {
  const base: Omit<SafeSignRequestMessage, 'safeTxHash'> = {
    t: 'safeSign',
    id: '112233445566778899aabbccddeeff00',
    desktop: 'Work laptop',
    chainId: 1,
    desktopChainId: 1,
    createdAt: NOW - 10_000,
    expiresAt: NOW + 290_000,
    safe: SAFE,
    version: '1.4.1',
    owners: [LEDGER_OWNER, PHONE],
    threshold: 2,
    safeTx: {
      to: ALICE,
      value: '50000000000000000',
      data: '0x',
      operation: 0,
      safeTxGas: '0',
      baseGas: '0',
      gasPrice: '0',
      gasToken: ZERO,
      refundReceiver: ZERO,
      nonce: '0',
    },
    confirmations: [{ owner: LEDGER_OWNER, device: 'Ledger Nano X' }],
    warnings: [],
  };
  const merged = { ...base, ...overrides, safeTx: { ...base.safeTx, ...safeTx } };
  return { safeTxHash: hashSafeTx(merged.chainId, merged.safe, merged.safeTx), ...merged };
}
