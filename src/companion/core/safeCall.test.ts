import { Interface, MaxUint256 } from 'ethers';
import { describe, expect, it } from 'vitest';
import { describeSafeCall } from './safeCall';

const SAFE = '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0';
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const BOB = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ZERO = '0x0000000000000000000000000000000000000000';
const ETH = { symbol: 'ETH', decimals: 18 };
const abi = new Interface([
  'function transfer(address,uint256)',
  'function approve(address,uint256)',
  'function addOwnerWithThreshold(address,uint256)',
  'function removeOwner(address,address,uint256)',
  'function swapOwner(address,address,address)',
  'function changeThreshold(uint256)',
  'function enableModule(address)',
]);
const call = (overrides: Partial<Parameters<typeof describeSafeCall>[0]>) =>
  describeSafeCall(
    {
      chainId: 1,
      safe: SAFE,
      to: ALICE,
      value: 0n,
      data: '0x',
      operation: 0,
      gasPrice: 0n,
      gasToken: ZERO,
      refundReceiver: ZERO,
      ...overrides,
    },
    ETH,
  );
const codes = (view: ReturnType<typeof call>) => view.warnings.map((warning) => warning.code);

describe('describeSafeCall', () => {
  it('reads a native send', () => {
    expect(call({ value: 50_000_000_000_000_000n })).toEqual({
      kind: 'send',
      summary: `Send 0.05 ETH to ${ALICE}`,
      warnings: [],
    });
  });

  it('reads ERC-20 transfers and approvals with the token the phone knows, and warns on unlimited ones', () => {
    const transfer = call({ to: USDC, data: abi.encodeFunctionData('transfer', [BOB, 2_500_000n]) });
    expect(transfer).toMatchObject({ kind: 'token-send', summary: `Send 2.5 USDC to ${BOB}`, warnings: [] });
    const revoke = call({ to: USDC, data: abi.encodeFunctionData('approve', [BOB, 0n]) });
    expect(revoke).toMatchObject({ kind: 'revoke', summary: `Revoke ${BOB}'s allowance of USDC` });
    const unlimited = call({ to: USDC, data: abi.encodeFunctionData('approve', [BOB, MaxUint256]) });
    expect(unlimited.summary).toBe(`Allow ${BOB} to spend an unlimited amount of USDC`);
    expect(codes(unlimited)).toEqual(['unlimited_approval']);
    const unknown = call({ to: BOB, data: abi.encodeFunctionData('transfer', [ALICE, 7n]) });
    expect(unknown.summary).toBe(`Send 7 (raw units) to ${ALICE}`);
    expect(codes(unknown)).toEqual(['unknown_token']);
  });

  it('names each owner change on the Safe itself, with the strong warning', () => {
    const on = (data: string) => call({ to: SAFE, data });
    const add = on(abi.encodeFunctionData('addOwnerWithThreshold', [BOB, 2n]));
    expect(add.summary).toBe(`Add owner ${BOB} and require 2 signatures`);
    expect(add.kind).toBe('owners');
    expect(add.warnings[0]?.message).toMatch(/^This changes who controls the Safe/);
    expect(on(abi.encodeFunctionData('removeOwner', [ALICE, BOB, 1n])).summary).toBe(
      `Remove owner ${BOB} and require 1 signature`,
    );
    expect(on(abi.encodeFunctionData('swapOwner', [ALICE, BOB, USDC])).summary).toBe(
      `Replace owner ${BOB} with ${USDC}`,
    );
    expect(on(abi.encodeFunctionData('changeThreshold', [3n])).summary).toBe('Require 3 signatures');
    // The same call to another contract is not an owner change of this Safe.
    expect(call({ to: BOB, data: abi.encodeFunctionData('changeThreshold', [3n]) }).kind).toBe('call');
  });

  it('warns on any other call to the Safe, on delegatecall, on malformed data and on gas refunds', () => {
    const module = call({ to: SAFE, data: abi.encodeFunctionData('enableModule', [BOB]) });
    expect(module.summary).toBe(`Call 0x610b5925 on ${SAFE}`);
    expect(codes(module)).toEqual(['self_call']);
    const delegate = call({ to: BOB, data: '0x8d80ff0a', operation: 1 });
    expect(delegate.summary).toBe(`Call 0x8d80ff0a on ${BOB}`);
    expect(codes(delegate)).toEqual(['delegatecall']);
    expect(codes(call({ to: USDC, data: '0xa9059cbb1234' }))).toEqual(['unreadable_call']);
    expect(codes(call({ to: SAFE, data: '0x694e80c3' }))).toEqual(['owner_change', 'unreadable_call']);
    expect(codes(call({ data: '0x12' }))).toEqual(['unreadable_call']);
    const refund = call({ value: 1n, data: '0x12345678', gasPrice: 5n, refundReceiver: BOB });
    expect(refund.summary).toBe(`Call 0x12345678 on ${ALICE}, also sending 0.000000000000000001 ETH`);
    expect(refund.warnings.at(-1)?.message).toBe(
      `The Safe pays ${BOB} a gas refund in ETH, at a price of 5 per gas.`,
    );
  });
});
