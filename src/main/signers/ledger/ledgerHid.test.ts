import { describe, expect, it, vi } from 'vitest';
import { LedgerEmulator } from '../../../../test/ledger/ledgerEmulator';
import { modelName, nodeHidAccess } from './ledgerHid';

const nodeHid = vi.hoisted(() => ({
  loads: 0,
  observer: null as null | { next(event: unknown): void },
  opened: [] as unknown[],
}));

vi.mock('@ledgerhq/hw-transport-node-hid', () => {
  nodeHid.loads += 1;
  return {
    default: {
      listen(observer: { next(event: unknown): void }) {
        nodeHid.observer = observer;
        return { unsubscribe: () => (nodeHid.observer = null) };
      },
      open(path: unknown) {
        nodeHid.opened.push(path);
        return Promise.resolve(new LedgerEmulator());
      },
    },
  };
});

describe('nodeHidAccess', () => {
  it('loads node-hid only once a Ledger is watched, and reports its events', async () => {
    const access = nodeHidAccess();
    expect(nodeHid.loads).toBe(0);
    const added: unknown[] = [];
    const removed: unknown[] = [];
    const subscription = access.listen({
      add: (d) => added.push(d),
      remove: (d) => removed.push(d),
      error: () => undefined,
    });
    await vi.waitFor(() => expect(nodeHid.observer).not.toBeNull());
    expect(nodeHid.loads).toBe(1);
    nodeHid.observer?.next({
      type: 'add',
      descriptor: '/dev/hidraw3',
      deviceModel: { productName: 'Ledger Flex' },
    });
    nodeHid.observer?.next({ type: 'remove', descriptor: '/dev/hidraw3', deviceModel: null });
    expect(added).toEqual([{ path: '/dev/hidraw3', model: 'Flex' }]);
    expect(removed).toEqual([{ path: '/dev/hidraw3', model: null }]);
    await access.open('/dev/hidraw3');
    expect(nodeHid.opened).toEqual(['/dev/hidraw3']);
    subscription.unsubscribe();
    expect(nodeHid.observer).toBeNull();
  });

  it('names the model without the brand', () => {
    expect(modelName('Ledger Nano S Plus')).toBe('Nano S Plus');
    expect(modelName(undefined)).toBeNull();
  });
});
