import { Interface, Transaction, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import type { OutgoingTransaction } from './outgoingRepository';
import { outgoingView, sentTo } from './outgoingView';

const wallet = new Wallet(`0x${'11'.repeat(32)}`);
const FRIEND = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const erc20 = new Interface(['function transfer(address to, uint256 amount)']);

async function row(
  overrides: Partial<OutgoingTransaction> = {},
  to: string | null = FRIEND,
  call: { value: bigint; data: string } = { value: 5n, data: '0x' },
) {
  const tx = Transaction.from({ type: 2, chainId: 1, nonce: 4, to, gasLimit: 21_000n, ...call });
  tx.maxFeePerGas = 2n;
  tx.maxPriorityFeePerGas = 1n;
  const raw = await wallet.signTransaction(tx);
  const base: OutgoingTransaction = {
    id: 7,
    address: wallet.address,
    chainId: 1,
    nonce: 4,
    hash: Transaction.from(raw).hash as string,
    raw,
    purpose: 'send',
    replaces: null,
    status: 'included',
    blockNumber: 100,
    reason: null,
    createdAt: 1_000,
    updatedAt: 2_000,
  };
  return { ...base, ...overrides };
}

describe('outgoingView', () => {
  it('shows the recipient and value the signed transaction carries', async () => {
    const sent = await row();
    expect(outgoingView(sent, 100, [])).toEqual({
      id: 7,
      chainId: 1,
      from: wallet.address,
      hash: sent.hash,
      nonce: 4,
      purpose: 'send',
      replaces: null,
      status: 'included',
      replacedBy: null,
      blockNumber: 100,
      confirmations: 1,
      reason: null,
      to: FRIEND,
      value: '5',
      transfer: null,
      createdAt: 1_000,
      updatedAt: 2_000,
    });
  });

  it('counts confirmations from the including block, only once included and the head is known', async () => {
    expect(outgoingView(await row(), 111, []).confirmations).toBe(12);
    expect(outgoingView(await row(), 90, []).confirmations).toBe(1);
    expect(outgoingView(await row(), undefined, []).confirmations).toBeNull();
    const pending = await row({ status: 'pending', blockNumber: null });
    expect(outgoingView(pending, 111, []).confirmations).toBeNull();
  });

  it('is being replaced while a speed-up or cancel of it is open, and no longer once that settles', async () => {
    const original = await row({ status: 'pending', blockNumber: null });
    const speedUp = await row({
      id: 8,
      purpose: 'speed-up',
      replaces: 7,
      status: 'pending',
      blockNumber: null,
    });
    expect(outgoingView(original, 100, [original, speedUp]).replacedBy).toBe(8);
    expect(outgoingView(speedUp, 100, [original, speedUp]).replacedBy).toBeNull();
    const failed = { ...speedUp, status: 'failed' as const };
    expect(outgoingView(original, 100, [original, failed]).replacedBy).toBeNull();
  });

  it('names a token transfer’s recipient and amount, not only the token contract it called', async () => {
    const data = erc20.encodeFunctionData('transfer', [FRIEND, 1_500_000n]);
    const view = outgoingView(await row({}, USDC, { value: 0n, data }), 100, []);
    expect(view).toMatchObject({ to: USDC, value: '0' });
    expect(view.transfer).toEqual({ token: USDC, recipient: FRIEND, amount: '1500000' });
    // Other calls, and data that only starts like a transfer, are no transfer.
    const approve = new Interface(['function approve(address, uint256)']).encodeFunctionData('approve', [
      FRIEND,
      1n,
    ]);
    expect(outgoingView(await row({}, USDC, { value: 0n, data: approve }), 100, []).transfer).toBeNull();
    const extra = `${data}00`;
    expect(outgoingView(await row({}, USDC, { value: 0n, data: extra }), 100, []).transfer).toBeNull();
  });

  it('has no recipient for a contract creation', async () => {
    expect(outgoingView(await row({}, null), 100, []).to).toBeNull();
  });
});

describe('sentTo', () => {
  it('lists the recipients of one sender’s transactions only', async () => {
    const mine = await row();
    const creation = await row({}, null);
    const someoneElse = await row({ address: FRIEND });
    expect(sentTo([mine, creation, someoneElse], wallet.address)).toEqual([FRIEND]);
  });

  it('counts a token transfer as sent to its recipient', async () => {
    const data = erc20.encodeFunctionData('transfer', [FRIEND, 1n]);
    expect(sentTo([await row({}, USDC, { value: 0n, data })], wallet.address)).toEqual([FRIEND]);
  });
});
