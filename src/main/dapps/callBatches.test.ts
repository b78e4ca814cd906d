import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { RpcReceipt } from '../rpc/jsonRpc';
import type { OutgoingView } from '../../shared/tx';
import { CallBatches, CALLS_STATUS } from './callBatches';

const temp = useTempDatabase('call-batches-');
const ORIGIN = 'https://app.example.org';
const batchId = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;
const hashOf = (id: number) => `0x${'0'.repeat(62)}${id.toString(16).padStart(2, '0')}`;

function receipt(hash: string, status: bigint): RpcReceipt {
  return {
    transactionHash: hash,
    blockHash: `0x${'bb'.repeat(32)}`,
    blockNumber: 7n,
    status,
    gasUsed: 21_000n,
    contractAddress: null,
    logs: [{ address: '0x00000000000000000000000000000000000000aa', topics: [], data: '0x01', logIndex: 0n }],
  };
}

function harness(statuses: Map<string, bigint> = new Map()) {
  const views: OutgoingView[] = [];
  const batches = new CallBatches({
    db: temp.db,
    outgoing: () => views,
    chain: {
      receipts: async (_chainId, hashes) =>
        hashes.map((hash) => {
          const status = statuses.get(hash);
          return status === undefined ? null : receipt(hash, status);
        }),
    },
    log: { warn: () => {} },
    now: Date.now,
    pollMs: 5,
    timeoutMs: 200,
  });
  let next = 1;
  const sendNext = async () => {
    const id = next++;
    const view = { id, hash: hashOf(id) } as OutgoingView;
    views.push(view);
    return view;
  };
  const settle = (id: string) =>
    expect.poll(async () => (await batches.status(id, ORIGIN)).status).not.toBe(100);
  return { batches, sendNext, statuses, settle };
}

describe('CallBatches', () => {
  it('sends each call after the one before is mined, and reports both receipts', async () => {
    const { batches, sendNext, statuses } = harness();
    const sendOrder: number[] = [];
    const id = batches.start({ id: batchId(1), origin: ORIGIN, chainId: 1, calls: 2 }, async () => {
      const view = await sendNext();
      sendOrder.push(view.id);
      return view;
    });
    expect((await batches.status(id, ORIGIN)).status).toBe(CALLS_STATUS.pending);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(sendOrder).toEqual([1]);
    statuses.set(hashOf(1), 1n);
    await expect.poll(() => sendOrder).toEqual([1, 2]);
    expect((await batches.status(id, ORIGIN)).status).toBe(CALLS_STATUS.pending);
    statuses.set(hashOf(2), 1n);
    await expect.poll(async () => (await batches.status(id, ORIGIN)).status).toBe(CALLS_STATUS.confirmed);
    const status = await batches.status(id, ORIGIN);
    expect(status).toMatchObject({ version: '2.0.0', id, chainId: '0x1', atomic: false });
    expect(status.receipts).toEqual([
      expect.objectContaining({
        transactionHash: hashOf(1),
        status: '0x1',
        blockNumber: '0x7',
        gasUsed: '0x5208',
      }),
      expect.objectContaining({
        transactionHash: hashOf(2),
        logs: [{ address: expect.any(String), topics: [], data: '0x01' }],
      }),
    ]);
  });

  it('stops at a call that was not sent, and says what happened', async () => {
    const { batches, sendNext, statuses, settle } = harness();
    const none = batches.start({ id: batchId(2), origin: ORIGIN, chainId: 1, calls: 2 }, async () => {
      throw new Error('The review blocks this transaction.');
    });
    await settle(none);
    expect((await batches.status(none, ORIGIN)).status).toBe(CALLS_STATUS.failedOffchain);

    let calls = 0;
    const partial = batches.start({ id: batchId(3), origin: ORIGIN, chainId: 1, calls: 2 }, async () => {
      calls += 1;
      if (calls === 2) throw new Error('Rejected on the device.');
      const view = await sendNext();
      statuses.set(view.hash, 1n);
      return view;
    });
    await settle(partial);
    expect(await batches.status(partial, ORIGIN)).toMatchObject({
      status: CALLS_STATUS.partial,
      receipts: [expect.anything()],
    });
  });

  it('reports a batch whose every call reverted, and stops after a revert', async () => {
    const { batches, sendNext, statuses, settle } = harness();
    let calls = 0;
    const id = batches.start({ id: batchId(4), origin: ORIGIN, chainId: 1, calls: 2 }, async () => {
      calls += 1;
      const view = await sendNext();
      statuses.set(view.hash, 0n);
      return view;
    });
    await settle(id);
    expect(calls).toBe(1);
    expect((await batches.status(id, ORIGIN)).status).toBe(CALLS_STATUS.reverted);
  });

  it('knows its ids across a restart, and a batch a quit interrupted reads as such', async () => {
    const { batches } = harness();
    const id = batches.start(
      { id: batchId(5), origin: ORIGIN, chainId: 1, calls: 1 },
      () => new Promise(() => {}),
    );
    temp.reopen();
    const after = harness().batches;
    expect(after.isTaken(id)).toBe(true);
    expect((await after.status(id, ORIGIN)).status).toBe(CALLS_STATUS.failedOffchain);
    expect(() =>
      after.start({ id, origin: ORIGIN, chainId: 1, calls: 1 }, () => new Promise(() => {})),
    ).toThrow(expect.objectContaining({ code: 5720 }));
  });

  it('answers 5730 for an id another site sent, or none did', async () => {
    const { batches } = harness();
    const id = batches.start(
      { id: batchId(6), origin: ORIGIN, chainId: 1, calls: 1 },
      () => new Promise(() => {}),
    );
    await expect(batches.status(id, 'https://other.example.org')).rejects.toMatchObject({ code: 5730 });
    await expect(batches.status(batchId(7), ORIGIN)).rejects.toMatchObject({ code: 5730 });
  });
});
