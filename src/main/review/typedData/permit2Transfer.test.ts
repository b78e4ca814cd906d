import { describe, expect, it } from 'vitest';
import {
  context,
  domainType,
  MAX_UINT256,
  NOW,
  PERMIT2,
  ROUTER,
  STRANGER,
  USDC,
  WETH,
} from '../../../../test/review/typedData/typedDataFixtures';
import type { TypedDataInput } from './typedDataValue';
import { reviewTypedData } from './reviewTypedData';

const PERMISSIONS = [
  { name: 'token', type: 'address' },
  { name: 'amount', type: 'uint256' },
];

/** A SignatureTransfer permit, with a UniswapX-style witness when `witness` is given. */
function transfer(permitted: object | object[], witness?: object): TypedDataInput {
  const batch = Array.isArray(permitted);
  const primaryType = `Permit${batch ? 'Batch' : ''}${witness ? 'Witness' : ''}TransferFrom`;
  return {
    domain: { name: 'Permit2', chainId: 1, verifyingContract: PERMIT2 },
    types: {
      EIP712Domain: domainType('name', 'chainId', 'verifyingContract'),
      [primaryType]: [
        { name: 'permitted', type: batch ? 'TokenPermissions[]' : 'TokenPermissions' },
        { name: 'spender', type: 'address' },
        { name: 'nonce', type: 'uint256' },
        { name: 'deadline', type: 'uint256' },
        ...(witness ? [{ name: 'witness', type: 'ExclusiveDutchOrder' }] : []),
      ],
      TokenPermissions: PERMISSIONS,
      ...(witness
        ? {
            ExclusiveDutchOrder: [
              { name: 'reactor', type: 'address' },
              { name: 'inputAmount', type: 'uint256' },
            ],
          }
        : {}),
    },
    primaryType,
    message: {
      permitted,
      spender: ROUTER,
      nonce: '1993353165',
      deadline: NOW + 600,
      ...(witness ? { witness } : {}),
    },
  };
}

describe('Permit2 PermitTransferFrom', () => {
  it('reads a one-time transfer of a set amount, until its deadline', () => {
    const result = reviewTypedData(transfer({ token: USDC, amount: '25000000' }), context());
    expect(result.kind).toBe('permit2-transfer');
    expect(result.summary).toBe('Allow Uniswap Universal Router to spend 25 USDC once, until 6 Dec 2026');
    expect(result.grants[0]).toMatchObject({
      amount: { value: '25000000', unlimited: false },
      expires: NOW + 600,
    });
    expect(result.findings).toEqual([]);
  });

  it('warns that a maximum amount takes the whole balance in one go', () => {
    const result = reviewTypedData(transfer({ token: USDC, amount: MAX_UINT256 }), context());
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'unlimited-approval', severity: 'warning' }),
    ]);
    expect(result.findings[0]?.message).toMatch(/take all of your USDC in one transfer/);
  });

  it('keeps a witness in the tree, field by field', () => {
    const witness = { reactor: STRANGER, inputAmount: '25000000' };
    const result = reviewTypedData(transfer({ token: USDC, amount: '25000000' }, witness), context());
    expect(result.kind).toBe('permit2-transfer');
    expect(result.tree.find((node) => node.name === 'witness')?.value).toEqual([
      { name: 'reactor', type: 'address', value: STRANGER },
      { name: 'inputAmount', type: 'uint256', value: '25000000' },
    ]);
  });

  it('takes no extra field in a type without a witness', () => {
    const data = transfer({ token: USDC, amount: '1' });
    data.types = {
      ...data.types,
      PermitTransferFrom: [...(data.types.PermitTransferFrom ?? []), { name: 'memo', type: 'string' }],
    };
    data.message = { ...data.message, memo: 'hi' };
    expect(reviewTypedData(data, context()).kind).toBe('unknown');
  });
});

describe('Permit2 PermitBatchTransferFrom', () => {
  it('reads each token of the batch', () => {
    const permitted = [
      { token: USDC, amount: '25000000' },
      { token: WETH, amount: '10000000000000000' },
    ];
    const result = reviewTypedData(transfer(permitted), context());
    expect(result.kind).toBe('permit2-batch-transfer');
    expect(result.summary).toBe(
      'Allow Uniswap Universal Router to spend 25 USDC and 0.01 WETH once, until 6 Dec 2026',
    );
    expect(result.grants.map((grant) => grant.token.address)).toEqual([USDC, WETH]);
  });
});
