import { describe, expect, it } from 'vitest';
import { answeringNode, executionReceipt } from '../../../test/safes/nodeAnswers';
import { sendFields } from '../../../test/safes/safeRows';
import { toChecksumAddress } from '../store/address';
import { followExecution } from './safeFollow';
import type { SafeTxRow } from './safeTransactionsRepository';

const SAFE = toChecksumAddress('0x1111111111111111111111111111111111111111');
const SAFE_TX_HASH = `0x${'ab'.repeat(32)}`;
const SENT = `0x${'cd'.repeat(32)}`;

const tx: SafeTxRow = {
  id: 1,
  safeId: 1,
  safeTxHash: SAFE_TX_HASH,
  fields: sendFields(4),
  kind: 'send',
  summary: 'Send 0.05 ETH',
  warnings: [],
  status: 'executing',
  execution: { hash: SENT, by: SAFE, outgoingId: 7 },
  createdAt: 1,
  updatedAt: 1,
};

/**
 * Where the execution stands when its transaction's receipt is `receipt`, the Safe is at `nonce`, and the
 * node answers a lookup of the sent transaction with `known`.
 */
const follow = (receipt: unknown, nonce: number, known: unknown = null) =>
  followExecution(
    answeringNode((request) => (request.method === 'eth_getTransactionByHash' ? known : receipt)),
    SAFE,
    tx,
    nonce,
  );

describe('followExecution', () => {
  it('settles on the Safe’s own event in the receipt of the transaction it was sent in', async () => {
    const node = answeringNode(() => executionReceipt([['ExecutionSuccess', SAFE, SAFE_TX_HASH]]));
    expect(await followExecution(node, SAFE, tx, 5)).toBe('executed');
    expect(node.asked).toEqual([
      expect.objectContaining({ method: 'eth_getTransactionReceipt', params: [SENT] }),
    ]);
    expect(await follow(executionReceipt([['ExecutionFailure', SAFE, SAFE_TX_HASH]]), 5)).toBe('failed');
  });

  it('waits while nothing is included and the nonce is still free', async () => {
    expect(await follow(null, 4)).toBeNull();
  });

  it('calls it replaced when the Safe moved past its nonce without it', async () => {
    expect(await follow(null, 5)).toBe('replaced');
    expect(await follow(executionReceipt([['ExecutionSuccess', SAFE, `0x${'00'.repeat(32)}`]]), 5)).toBe(
      'replaced',
    );
  });

  it('waits when the node counts the nonce moved but still knows the execution, before its receipt', async () => {
    expect(await follow(null, 5, { hash: SENT, blockHash: null, blockNumber: null })).toBeNull();
  });

  it('says reverted when its transaction was included without reaching the Safe', async () => {
    expect(await follow(executionReceipt([]), 4)).toBe('reverted');
  });

  it('has nothing to follow for a transaction that was never sent', async () => {
    const node = answeringNode(() => null);
    expect(await followExecution(node, SAFE, { ...tx, execution: null }, 5)).toBeNull();
    expect(node.asked).toEqual([]);
  });
});
