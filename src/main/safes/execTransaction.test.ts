import { decodeFunctionData } from 'viem';
import { describe, expect, it } from 'vitest';
import { sendFields, ZERO } from '../../../test/safes/safeRows';
import type { SafeTxFields } from '../../shared/safes';
import { encodeExecTransaction, encodeGetTransactionHash } from './execTransaction';
import { SAFE_ABI } from './safeAbi';

const FIELDS: SafeTxFields = {
  ...sendFields(4, '1000', '0xa9059cbb'),
  to: '0x00000000000000000000000000000000000000aA',
  safeTxGas: '1',
  baseGas: '2',
  gasPrice: '3',
};

/** FIELDS as the contract's arguments, the nonce left out: execTransaction takes them all first. */
const ARGS = ['0x00000000000000000000000000000000000000AA', 1000n, '0xa9059cbb', 0, 1n, 2n, 3n, ZERO, ZERO];

describe('encodeExecTransaction', () => {
  it('encodes every SafeTx field but the nonce, then the signatures', () => {
    const signatures = `0x${'11'.repeat(65)}` as const;
    const data = encodeExecTransaction(FIELDS, signatures);
    expect(data.slice(0, 10)).toBe('0x6a761202'); // execTransaction's selector
    const { functionName, args } = decodeFunctionData({ abi: SAFE_ABI, data });
    expect(functionName).toBe('execTransaction');
    expect(args).toEqual([...ARGS, signatures]);
  });

  it('asks getTransactionHash with the same fields and the nonce', () => {
    const data = encodeGetTransactionHash(FIELDS);
    const { functionName, args } = decodeFunctionData({ abi: SAFE_ABI, data });
    expect(functionName).toBe('getTransactionHash');
    expect(args).toEqual([...ARGS, 4n]);
  });
});
