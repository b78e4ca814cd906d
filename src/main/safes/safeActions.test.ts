import { decodeFunctionData, encodeFunctionData, getAddress, parseEther } from 'viem';
import { describe, expect, it } from 'vitest';
import { safeState, sendFields } from '../../../test/safes/safeRows';
import { testOwner, testOwners } from '../../../test/safes/safeKeys';
import { SafeAction, type SafeTxFields } from '../../shared/safes';
import { ERC20_ABI, SAFE_ABI, SENTINEL } from './safeAbi';
import { buildSafeCall, describeSafeTx, type SafeTxNames } from './safeActions';
import type { ChecksumAddress } from '../store/address';

const [a, b, c] = testOwners(3).map((owner) => owner.address) as [
  ChecksumAddress,
  ChecksumAddress,
  ChecksumAddress,
];
// Owner 4 is not among owners 1 to 3.
const newcomer = testOwner(4).address;
const SAFE_ADDRESS = getAddress('0x5afe00000000000000000000000000000000cafe');
const RECIPIENT = getAddress('0x000000000000000000000000000000000000beef');
const USDC = getAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
const SPENDER = getAddress('0x00000000000000000000000000000000000000ab');
const ETH = { symbol: 'ETH', decimals: 18 };

const SAFE = safeState([a, b, c], 2, {
  address: SAFE_ADDRESS as ChecksumAddress,
  nonce: 3,
});

const NAMES: SafeTxNames = {
  symbolOf: (token) => (token === 'native' ? ETH : token === USDC ? { symbol: 'USDC', decimals: 6 } : null),
  nameOf: (address) => (address === RECIPIENT ? 'Rent' : null),
};

const build = (action: unknown, asset = ETH as { symbol: string; decimals: number } | null) =>
  buildSafeCall(SafeAction.parse(action), SAFE, asset);

function fieldsOf(
  call: { to: string; value: bigint; data: string },
  extra: Partial<SafeTxFields> = {},
): SafeTxFields {
  return { ...sendFields(3, call.value.toString(), call.data), to: call.to, ...extra };
}

const describeCall = (call: { to: string; value: bigint; data: string }, extra: Partial<SafeTxFields> = {}) =>
  describeSafeTx(fieldsOf(call, extra), SAFE, NAMES);

describe('buildSafeCall and describeSafeTx', () => {
  it('sends the native coin, scaled by its decimals', () => {
    const call = build({ kind: 'send', to: RECIPIENT, asset: 'native', amount: '0.05' });
    expect(call).toEqual({ to: RECIPIENT, value: parseEther('0.05'), data: '0x', operation: 0 });
    expect(describeCall(call)).toEqual({
      kind: 'send',
      summary: 'Send 0.05 ETH to Rent (0x0000…bEEF)',
      warnings: [],
    });
  });

  it('sends a token with transfer(to, amount) on the token', () => {
    const call = build(
      { kind: 'send', to: RECIPIENT, asset: USDC, amount: '12.5' },
      { symbol: 'USDC', decimals: 6 },
    );
    expect(call.to).toBe(USDC);
    expect(decodeFunctionData({ abi: ERC20_ABI, data: call.data }).args).toEqual([RECIPIENT, 12_500_000n]);
    expect(describeCall(call)).toMatchObject({
      kind: 'token-send',
      summary: 'Send 12.5 USDC to Rent (0x0000…bEEF)',
    });
  });

  it('revokes an allowance with approve(spender, 0)', () => {
    const call = build({ kind: 'revoke', token: USDC, spender: SPENDER });
    expect(decodeFunctionData({ abi: ERC20_ABI, data: call.data })).toMatchObject({
      functionName: 'approve',
      args: [SPENDER, 0n],
    });
    expect(describeCall(call)).toMatchObject({
      kind: 'revoke',
      summary: "Revoke 0x0000…00AB's USDC allowance",
    });
  });

  it('adds an owner on the Safe itself, with a strong warning', () => {
    const call = build({ kind: 'add-owner', owner: newcomer, threshold: 3 });
    expect(call.to).toBe(SAFE_ADDRESS);
    expect(decodeFunctionData({ abi: SAFE_ABI, data: call.data }).args).toEqual([newcomer, 3n]);
    const described = describeCall(call);
    expect(described.kind).toBe('add-owner');
    expect(described.summary).toMatch(/^Add owner 0x.{4}….{4} and require 3 of 4 signatures$/);
    expect(described.warnings).toEqual([expect.stringContaining(`This changes who controls the Safe`)]);
    expect(described.warnings[0]).toContain(newcomer);
  });

  it('removes an owner naming the one before it in the list (the sentinel for the first)', () => {
    const second = build({ kind: 'remove-owner', owner: b, threshold: 2 });
    expect(decodeFunctionData({ abi: SAFE_ABI, data: second.data }).args).toEqual([a, b, 2n]);
    const first = build({ kind: 'remove-owner', owner: a, threshold: 1 });
    expect(decodeFunctionData({ abi: SAFE_ABI, data: first.data }).args).toEqual([
      getAddress(SENTINEL),
      a,
      1n,
    ]);
    expect(describeCall(second)).toMatchObject({
      kind: 'remove-owner',
      summary: expect.stringMatching(/^Remove owner .* and require 2 of 2 signatures$/),
      warnings: [expect.stringContaining('This changes who controls the Safe')],
    });
  });

  it('changes the threshold, with a strong warning', () => {
    const call = build({ kind: 'change-threshold', threshold: 3 });
    expect(decodeFunctionData({ abi: SAFE_ABI, data: call.data }).args).toEqual([3n]);
    expect(describeCall(call)).toMatchObject({
      kind: 'change-threshold',
      summary: 'Require 3 of 3 signatures (now 2)',
      warnings: [expect.stringContaining('This changes who controls the Safe')],
    });
  });

  it('refuses impossible actions in words', () => {
    expect(() => build({ kind: 'add-owner', owner: a, threshold: 2 })).toThrow(`${a} is already an owner`);
    expect(() => build({ kind: 'add-owner', owner: newcomer, threshold: 5 })).toThrow(/cannot require 5/);
    expect(() => build({ kind: 'remove-owner', owner: newcomer, threshold: 1 })).toThrow(/is not an owner/);
    expect(() => build({ kind: 'remove-owner', owner: a, threshold: 3 })).toThrow(/cannot require 3/);
    expect(() => build({ kind: 'change-threshold', threshold: 4 })).toThrow(/cannot require 4/);
    expect(() => build({ kind: 'change-threshold', threshold: 2 })).toThrow(/already requires 2/);
    expect(() => build({ kind: 'send', to: 'bob.eth', asset: 'native', amount: '1' })).toThrow(
      /is not an address/,
    );
    expect(() => build({ kind: 'send', to: RECIPIENT, asset: 'native', amount: '2' })).toThrow(/holds 1 ETH/);
    expect(() => build({ kind: 'send', to: RECIPIENT, asset: 'native', amount: '0' })).toThrow(
      /greater than zero/,
    );
    expect(() => build({ kind: 'send', to: SAFE_ADDRESS, asset: 'native', amount: '1' })).toThrow(
      /Safe itself/,
    );
    expect(() => build({ kind: 'send', to: RECIPIENT, asset: USDC, amount: '1' }, null)).toThrow(
      /does not know token/,
    );
    expect(() =>
      build(
        { kind: 'send', to: RECIPIENT, asset: USDC, amount: '0.0000001' },
        { symbol: 'USDC', decimals: 6 },
      ),
    ).toThrow(/6 decimals/);
  });

  it('refuses to remove the last owner', () => {
    const lonely = { ...SAFE, owners: [a], threshold: 1 };
    expect(() =>
      buildSafeCall(SafeAction.parse({ kind: 'remove-owner', owner: a, threshold: 1 }), lonely, null),
    ).toThrow(/last owner/);
  });
});

describe('describeSafeTx on transactions it did not build', () => {
  it('warns of a delegatecall', () => {
    const described = describeCall({ to: RECIPIENT, value: 0n, data: '0x12345678' }, { operation: 1 });
    expect(described.kind).toBe('call');
    expect(described.warnings[0]).toMatch(/delegatecall: .* runs as the Safe itself/);
  });

  it('warns of any other call to the Safe itself', () => {
    const data = encodeFunctionData({ abi: SAFE_ABI, functionName: 'enableModule', args: [SPENDER] });
    const described = describeCall({ to: SAFE_ADDRESS, value: 0n, data });
    expect(described).toMatchObject({ kind: 'call', summary: 'Call the Safe itself (enableModule)' });
    expect(described.warnings[0]).toMatch(/can change its owners, modules, guard or fallback handler/);
  });

  it('names addresses checksummed whatever case the synced fields use', () => {
    const call = { to: RECIPIENT.toLowerCase(), value: parseEther('1'), data: '0x' };
    expect(describeCall(call).summary).toBe('Send 1 ETH to Rent (0x0000…bEEF)');
  });

  it('shows an unknown call with its selector, and an unknown token in base units', () => {
    expect(describeCall({ to: RECIPIENT, value: 0n, data: '0xdeadbeef00' })).toMatchObject({
      kind: 'call',
      summary: 'Call Rent (0x0000…bEEF) (function 0xdeadbeef)',
    });
    const transfer = encodeFunctionData({ abi: ERC20_ABI, functionName: 'transfer', args: [RECIPIENT, 7n] });
    expect(describeCall({ to: SPENDER, value: 0n, data: transfer })).toMatchObject({
      kind: 'token-send',
      summary: 'Send 7 base units of token 0x0000…00AB to Rent (0x0000…bEEF)',
      warnings: [expect.stringContaining('does not know token')],
    });
  });

  it('warns of an unlimited approval, a gas refund, a nonce already used, and the Safe’s own warnings', () => {
    const approve = encodeFunctionData({
      abi: ERC20_ABI,
      functionName: 'approve',
      args: [SPENDER, 10n ** 30n],
    });
    const described = describeSafeTx(
      fieldsOf({ to: USDC, value: 0n, data: approve }, { gasPrice: '1', nonce: 2 }),
      { ...SAFE, warnings: ['Module 0x… can move funds'] },
      NAMES,
    );
    expect(described.kind).toBe('call');
    expect(described.warnings).toEqual([
      expect.stringContaining('could then move up to'),
      expect.stringContaining('refunds its executor'),
      'Its nonce 2 is already used by the Safe; it can never execute.',
      'Module 0x… can move funds',
    ]);
  });
});
