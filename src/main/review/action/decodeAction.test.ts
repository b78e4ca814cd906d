import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { ReviewAction } from '../../../shared/review';
import { toChecksumAddress } from '../../store/address';
import { PartyNames } from '../parties';
import { type ActionInput, decodeAction } from './decodeAction';

const ME = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
const ALICE = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const USDC = toChecksumAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
const ODD = toChecksumAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');
const PERMIT2 = toChecksumAddress('0x000000000022d473030f116ddee9f6b43ac78ba3');
const MAX = 2n ** 256n - 1n;

const abi = new Interface([
  'function transfer(address,uint256)',
  'function transferFrom(address,address,uint256)',
  'function approve(address,uint256)',
  'function increaseAllowance(address,uint256)',
  'function setApprovalForAll(address,bool)',
  'function approve(address,address,uint160,uint48)',
  'function claim()',
]);
const call = (signature: string, args: unknown[]) => abi.encodeFunctionData(signature, args);

const parties = new PartyNames({
  accounts: [{ address: ME, label: 'Main' }],
  addressBook: [{ address: ALICE, name: 'Alice' }],
  labels: [],
  tokens: (address) => (address === USDC ? { symbol: 'USDC' } : null),
  chainId: 1,
});
const decode = (overrides: Partial<ActionInput>) => {
  const action = decodeAction({
    chainId: 1,
    from: ME,
    to: ALICE,
    value: 0n,
    data: '0x',
    native: { symbol: 'ETH', decimals: 18 },
    parties,
    token: (address) => (address === USDC ? { symbol: 'USDC', decimals: 6 } : null),
    cancelOf: null,
    ...overrides,
  });
  // Whatever it decodes fits the shared model.
  return ReviewAction.parse(action);
};
const alice = { address: ALICE, name: 'Alice', source: 'address-book' };
const usdc = { address: USDC, name: 'USDC', source: 'token-list' };

describe('decodeAction', () => {
  it('reads a plain send as a native transfer', () => {
    expect(decode({ value: 10n ** 16n })).toEqual({
      type: 'native-transfer',
      to: alice,
      amount: { value: '10000000000000000', decimals: 18, symbol: 'ETH', unlimited: false },
    });
  });

  it('reads a 0-value self-send replacing a nonce as its cancel, and only that', () => {
    expect(decode({ to: ME, cancelOf: 5 })).toEqual({ type: 'cancel', nonce: 5 });
    expect(decode({ to: ME, cancelOf: 5, value: 1n }).type).toBe('native-transfer');
    expect(decode({ to: ME, cancelOf: null }).type).toBe('native-transfer');
  });

  it('reads an ERC-20 transfer and transferFrom in the token’s units', () => {
    const amount = { value: '12500000', decimals: 6, symbol: 'USDC', unlimited: false };
    expect(decode({ to: USDC, data: call('transfer', [ALICE, 12_500_000n]) })).toEqual({
      type: 'token-transfer',
      token: usdc,
      to: alice,
      amount,
    });
    expect(decode({ to: USDC, data: call('transferFrom', [ODD, ALICE, 12_500_000n]) })).toMatchObject({
      type: 'token-transfer',
      to: alice,
      amount,
    });
  });

  it('shows an unknown token’s amount in raw units that say whose they are', () => {
    expect(decode({ to: ODD, data: call('transfer', [ALICE, 5n]) })).toMatchObject({
      amount: { value: '5', decimals: 0, symbol: 'units of 0x3C44…93BC', unlimited: false },
    });
    // A token claiming more decimals than can be shown is treated as unknown.
    const boastful = decode({
      to: USDC,
      data: call('transfer', [ALICE, 5n]),
      token: () => ({ symbol: 'X', decimals: 255 }),
    });
    expect(boastful).toMatchObject({ amount: { decimals: 0 } });
  });

  it('reads approvals, unlimited from 2^255, and a revoke as an approval of 0', () => {
    expect(decode({ to: USDC, data: call('approve(address,uint256)', [ODD, MAX]) })).toEqual({
      type: 'approval',
      token: usdc,
      spender: { address: ODD, name: null, source: 'none' },
      amount: { value: MAX.toString(), decimals: 6, symbol: 'USDC', unlimited: true },
    });
    expect(decode({ to: USDC, data: call('increaseAllowance', [ODD, 1n]) })).toMatchObject({
      type: 'approval',
      amount: { value: '1' },
    });
    expect(decode({ to: USDC, data: call('approve(address,uint256)', [ODD, 0n]) })).toMatchObject({
      amount: { value: '0', unlimited: false },
    });
  });

  it('reads setApprovalForAll both ways', () => {
    expect(decode({ to: ODD, data: call('setApprovalForAll', [ALICE, true]) })).toEqual({
      type: 'approval-for-all',
      collection: { address: ODD, name: null, source: 'none' },
      operator: alice,
      approved: true,
    });
    expect(decode({ to: ODD, data: call('setApprovalForAll', [ALICE, false]) })).toMatchObject({
      approved: false,
    });
  });

  it('reads Permit2 approve as an approval of the token, unlimited at uint160 max, only on Permit2', () => {
    const data = call('approve(address,address,uint160,uint48)', [
      USDC,
      ODD,
      2n ** 160n - 1n,
      1_800_000_000n,
    ]);
    expect(decode({ to: PERMIT2, data })).toEqual({
      type: 'approval',
      token: usdc,
      spender: { address: ODD, name: null, source: 'none' },
      amount: { value: (2n ** 160n - 1n).toString(), decimals: 6, symbol: 'USDC', unlimited: true },
    });
    expect(decode({ to: ODD, data })).toMatchObject({
      type: 'contract-call',
      method: 'approve(address,address,uint160,uint48)',
    });
  });

  it('names a known method, and any other by its selector, with the coin sent', () => {
    expect(decode({ to: ODD, data: call('claim', []), value: 10n ** 18n })).toEqual({
      type: 'contract-call',
      to: { address: ODD, name: null, source: 'none' },
      method: 'claim()',
      value: { value: '1000000000000000000', decimals: 18, symbol: 'ETH', unlimited: false },
    });
    expect(decode({ to: ODD, data: '0x12345678abcd' })).toMatchObject({ method: '0x12345678' });
    expect(decode({ to: ODD, data: '0x1234' })).toMatchObject({ method: '0x1234' });
  });

  it('never decodes calldata that is not exactly the method’s arguments: it is a contract call', () => {
    const transfer = call('transfer', [ALICE, 1n]);
    const dirtyAddress = `${transfer.slice(0, 10)}${'f'.repeat(24)}${transfer.slice(34)}`;
    const badBool = call('setApprovalForAll', [ALICE, true]).replace(/1$/, '2');
    const overflow =
      call('approve(address,address,uint160,uint48)', [USDC, ODD, 1n, 1n]).slice(0, -64) + 'f'.repeat(64);
    for (const data of [transfer.slice(0, -2), `${transfer}00`, dirtyAddress, badBool]) {
      expect(decode({ to: USDC, data })).toMatchObject({ type: 'contract-call' });
    }
    expect(decode({ to: PERMIT2, data: overflow })).toMatchObject({ type: 'contract-call' });
  });

  it('does not hide coin sent along with a token call', () => {
    expect(decode({ to: USDC, data: call('transfer', [ALICE, 1n]), value: 1n })).toMatchObject({
      type: 'contract-call',
      method: 'transfer(address,uint256)',
      value: { value: '1' },
    });
  });

  it('refuses data that is not hex and a contract creation, with a sentence', () => {
    expect(() => decode({ data: '0xzz' })).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => decode({ data: '0x123' })).toThrow(/not hex bytes/);
    expect(() => decode({ to: null })).toThrow(/Creating a contract/);
    expect(() => decode({ value: 2n ** 256n })).toThrow(expect.objectContaining({ code: 'invalid_request' }));
    expect(() => decode({ value: -1n })).toThrow(/not one a transaction can carry/);
  });

  it('reads upper-case hex data as well', () => {
    expect(
      decode({ to: USDC, data: call('transfer', [ALICE, 1n]).toUpperCase().replace('0X', '0x') }),
    ).toMatchObject({
      type: 'token-transfer',
    });
  });
});
