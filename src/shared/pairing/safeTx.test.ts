import { id, TypedDataEncoder } from 'ethers';
import { describe, expect, it } from 'vitest';
import { hashSafeTx, SAFE_TX_TYPES, safeTxDomain, type SafeTxInput } from './safeTx';

const ZERO = '0x0000000000000000000000000000000000000000';
const SAFE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
const fields: SafeTxInput = {
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  value: '50000000000000000',
  data: '0xa9059cbb0000',
  operation: 1,
  safeTxGas: '7',
  baseGas: '8',
  gasPrice: '9',
  gasToken: ZERO,
  refundReceiver: '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
  nonce: 42,
};

describe('hashSafeTx', () => {
  it('matches an independent EIP-712 implementation (viem hashTypedData) for every field set', () => {
    // Computed once with viem 2.58.8 hashTypedData over the same domain, SafeTx type and message.
    expect(hashSafeTx(31337, SAFE, fields)).toBe(
      '0xe598be5d4cefbdb59e12a257786d7b4b37a0a5d62e139a5c474d4a53dd77fe46',
    );
  });

  it('takes the nonce as a number or as decimal text, and changes with the chain, the Safe and each field', () => {
    const hash = hashSafeTx(31337, SAFE, fields);
    expect(hashSafeTx(31337, SAFE, { ...fields, nonce: '42' })).toBe(hash);
    expect(hashSafeTx(31337, SAFE.toLowerCase(), fields)).toBe(hash);
    expect(hashSafeTx(1, SAFE, fields)).not.toBe(hash);
    expect(hashSafeTx(31337, fields.refundReceiver, fields)).not.toBe(hash);
    expect(hashSafeTx(31337, SAFE, { ...fields, operation: 0 })).not.toBe(hash);
    expect(hashSafeTx(31337, SAFE, { ...fields, data: '0xa9059cbb0001' })).not.toBe(hash);
    expect(hashSafeTx(31337, SAFE, { ...fields, nonce: 43 })).not.toBe(hash);
    expect(hash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('uses the domain and the SafeTx type that docs/PROTOCOL.md section 13.2 prints', () => {
    const type = TypedDataEncoder.from({ SafeTx: [...SAFE_TX_TYPES.SafeTx] }).encodeType('SafeTx');
    expect(type).toBe(
      'SafeTx(address to,uint256 value,bytes data,uint8 operation,uint256 safeTxGas,uint256 baseGas,' +
        'uint256 gasPrice,address gasToken,address refundReceiver,uint256 nonce)',
    );
    expect(id(type)).toBe('0xbb8310d486368db6bd6f849402fdd73ad53d316b5a4b2644ad6efe0f941286d8');
    expect(TypedDataEncoder.hashDomain(safeTxDomain(31337, SAFE))).toBe(
      '0x8f065e3f13d850845f1594ab1dff615053a95bf12145f4c8174cec94fc127589',
    );
  });
});
