import { AbiCoder, concat, id } from 'ethers';
import { describe, expect, it } from 'vitest';
import { revertReason } from './revertReason';

const coder = AbiCoder.defaultAbiCoder();
const encoded = (signature: string, types: string[], values: unknown[]) =>
  concat([id(signature).slice(0, 10), coder.encode(types, values)]);

describe('revertReason', () => {
  it('reads Error(string), Panic(uint256) and custom errors', () => {
    expect(revertReason(encoded('Error(string)', ['string'], ['insufficient allowance']))).toBe(
      'The contract reverted: insufficient allowance',
    );
    expect(revertReason(encoded('Panic(uint256)', ['uint256'], [0x11]))).toBe(
      'The contract panicked: an arithmetic overflow or underflow.',
    );
    expect(revertReason(encoded('TransferFailed()', [], []))).toBe(
      `The contract reverted with the custom error ${id('TransferFailed()').slice(0, 10)}.`,
    );
  });

  it('says so plainly when there is no reason, or it is garbled', () => {
    expect(revertReason('0x')).toBe('The contract reverted without a reason.');
    expect(revertReason(undefined)).toBe('The contract reverted without a reason.');
    expect(revertReason('0x08c379a0ffff')).toBe(
      'The contract reverted with data that does not decode (0x08c379a0).',
    );
  });
});
