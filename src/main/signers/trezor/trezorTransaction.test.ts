import { describe, expect, it } from 'vitest';
import type { ChecksumAddress } from '../../store/address';
import { toTrezorTransaction } from './trezorTransaction';

const to = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94' as ChecksumAddress;
const base = { nonce: 7, to, value: 10n ** 18n, data: '0x', gasLimit: 21_000n };

describe('toTrezorTransaction', () => {
  it('maps a legacy transaction to hex quantities', () => {
    expect(toTrezorTransaction({ ...base, type: 0, chainId: 11155111n, gasPrice: 2_000_000_000n })).toEqual({
      to,
      value: '0xde0b6b3a7640000',
      gasLimit: '0x5208',
      nonce: '0x7',
      data: '0x',
      chainId: 11155111,
      gasPrice: '0x77359400',
    });
  });

  it('maps an EIP-1559 transaction with an empty access list', () => {
    const mapped = toTrezorTransaction({
      ...base,
      type: 2,
      chainId: 1n,
      maxFeePerGas: 30n,
      maxPriorityFeePerGas: 2n,
    });
    expect(mapped).toMatchObject({
      maxFeePerGas: '0x1e',
      maxPriorityFeePerGas: '0x2',
      accessList: [],
      chainId: 1,
    });
    expect(mapped).not.toHaveProperty('gasPrice');
  });

  it('keeps a null recipient for contract creation', () => {
    expect(toTrezorTransaction({ ...base, to: null, type: 0, chainId: 1n, gasPrice: 1n }).to).toBeNull();
  });

  it('refuses a chain id a JS number cannot hold', () => {
    expect(() => toTrezorTransaction({ ...base, type: 0, chainId: 2n ** 60n, gasPrice: 1n })).toThrow(
      /too large/,
    );
  });
});
