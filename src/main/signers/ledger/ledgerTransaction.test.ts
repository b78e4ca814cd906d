import { Transaction } from 'ethers';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import type { UnsignedTransaction } from '../signer';
import { serializeForLedger, yParityFromMessageV, yParityFromV } from './ledgerTransaction';

const TO = toChecksumAddress('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');

describe('ledgerTransaction', () => {
  it('serializes legacy with EIP-155 fields and 1559 with its type byte', () => {
    const legacy: UnsignedTransaction = {
      type: 0,
      chainId: 1337n,
      nonce: 1,
      to: TO,
      value: 2n,
      data: '0x',
      gasLimit: 21_000n,
      gasPrice: 5n,
    };
    const parsed = Transaction.from(`0x${serializeForLedger(legacy)}`);
    expect(parsed.chainId).toBe(1337n);
    expect(parsed.gasPrice).toBe(5n);
    const typed = serializeForLedger({ ...legacy, type: 2, maxFeePerGas: 9n, maxPriorityFeePerGas: 1n });
    expect(typed.startsWith('02')).toBe(true);
    expect(Transaction.from(`0x${typed}`).maxFeePerGas).toBe(9n);
  });

  it('takes the parity out of the v hw-app-eth returns', () => {
    expect(yParityFromV('25', { type: 0, chainId: 1n })).toBe(0);
    expect(yParityFromV('26', { type: 0, chainId: 1n })).toBe(1);
    expect(yParityFromV('01546d72', { type: 0, chainId: 11_155_111n })).toBe(1);
    expect(yParityFromV('01', { type: 2, chainId: 1n })).toBe(1);
    expect(() => yParityFromV('02', { type: 2, chainId: 1n })).toThrow();
    expect(yParityFromMessageV(27)).toBe(0);
    expect(yParityFromMessageV(28)).toBe(1);
    expect(() => yParityFromMessageV(0)).toThrow();
  });
});
