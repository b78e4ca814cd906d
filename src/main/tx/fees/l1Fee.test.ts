import { AbiCoder } from 'ethers/abi';
import { Transaction } from 'ethers/transaction';
import { describe, expect, it } from 'vitest';
import { CHAINS } from '../../../shared/chains/registry';
import type { UnsignedTransaction } from '../../signers/signer';
import { toChecksumAddress } from '../../store/address';
import { chargesL1Fee, decodeL1Fee, GAS_PRICE_ORACLE, l1FeeRequest } from './l1Fee';

const unsigned: UnsignedTransaction = {
  type: 2,
  chainId: 8453n,
  nonce: 7,
  to: toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8'),
  value: 5n,
  data: '0xabcdef',
  gasLimit: 60_000n,
  maxFeePerGas: 3n,
  maxPriorityFeePerGas: 1n,
};

describe('l1FeeRequest', () => {
  it('calls getL1Fee on the oracle with the unsigned serialized transaction', () => {
    const request = l1FeeRequest(unsigned);
    const [call] = request.params as [{ to: string; data: string }];
    expect(call.to).toBe(GAS_PRICE_ORACLE);
    expect(call.data.slice(0, 10)).toBe('0x49948e0e');
    const [bytes] = AbiCoder.defaultAbiCoder().decode(['bytes'], `0x${call.data.slice(10)}`) as unknown as [
      string,
    ];
    const parsed = Transaction.from(bytes);
    expect(parsed.signature).toBeNull();
    expect({
      nonce: parsed.nonce,
      gasLimit: parsed.gasLimit,
      data: parsed.data,
      chainId: parsed.chainId,
    }).toEqual({
      nonce: 7,
      gasLimit: 60_000n,
      data: '0xabcdef',
      chainId: 8453n,
    });
  });
});

describe('decodeL1Fee', () => {
  it('reads the uint256 the oracle answers', () => {
    expect(decodeL1Fee(`0x${'00'.repeat(31)}ff`)).toBe(255n);
  });

  it('takes anything but exactly one word as no answer', () => {
    expect(decodeL1Fee('0x')).toBeNull();
    expect(decodeL1Fee(`0x${'00'.repeat(31)}`)).toBeNull();
    expect(decodeL1Fee(`0x${'00'.repeat(64)}`)).toBeNull();
  });
});

describe('chargesL1Fee', () => {
  it('holds for OP Mainnet and Base, and for no other built-in chain', () => {
    expect(CHAINS.filter(chargesL1Fee).map((chain) => chain.id)).toEqual([10, 8453]);
  });
});
