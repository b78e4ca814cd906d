import { describe, expect, it } from 'vitest';
import { toUnsignedTransaction } from './unsignedTransaction';

describe('toUnsignedTransaction', () => {
  it('turns decimal text into bigints and checksums the recipient', () => {
    expect(
      toUnsignedTransaction({
        type: 2,
        chainId: 8453,
        nonce: 3,
        to: '0x000000000000000000000000000000000000dead',
        value: '1000000000000000000',
        data: '0xA9059CBB',
        gasLimit: '21000',
        maxFeePerGas: '30000000000',
        maxPriorityFeePerGas: '1000000000',
      }),
    ).toEqual({
      type: 2,
      chainId: 8453n,
      nonce: 3,
      to: '0x000000000000000000000000000000000000dEaD',
      value: 10n ** 18n,
      data: '0xa9059cbb',
      gasLimit: 21_000n,
      maxFeePerGas: 30_000_000_000n,
      maxPriorityFeePerGas: 1_000_000_000n,
    });
  });

  it('keeps a legacy transaction legacy, and a contract creation without a recipient', () => {
    expect(
      toUnsignedTransaction({
        type: 0,
        chainId: 11155111,
        nonce: 0,
        to: null,
        value: '0',
        data: '0x6000',
        gasLimit: '100000',
        gasPrice: '3000000000',
      }),
    ).toMatchObject({ type: 0, chainId: 11155111n, to: null, gasPrice: 3_000_000_000n });
  });
});
