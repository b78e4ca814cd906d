import { describe, expect, it } from 'vitest';
import { DeviceQueue } from './deviceQueue';

const deferred = <T>() => {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('DeviceQueue', () => {
  it('runs one request at a time per device, in order', async () => {
    const queue = new DeviceQueue();
    const order: string[] = [];
    const first = deferred<string>();
    const a = queue.run('ledger-1', async () => (order.push('a starts'), first.promise));
    const b = queue.run('ledger-1', async () => (order.push('b starts'), 'b'));
    await Promise.resolve();
    expect(order).toEqual(['a starts']);
    expect(queue.pending('ledger-1')).toBe(2);
    first.resolve('a');
    expect(await Promise.all([a, b])).toEqual(['a', 'b']);
    expect(order).toEqual(['a starts', 'b starts']);
    expect(queue.pending('ledger-1')).toBe(0);
  });

  it('frees the device after a failure, so nothing stays stuck behind it', async () => {
    const queue = new DeviceQueue();
    const failing = queue.run('ledger-1', () => Promise.reject(new Error('rejected on device')));
    const next = queue.run('ledger-1', async () => 'signed');
    await expect(failing).rejects.toThrow('rejected on device');
    expect(await next).toBe('signed');
    expect(queue.pending('ledger-1')).toBe(0);
  });

  it('lets different devices work at the same time', async () => {
    const queue = new DeviceQueue();
    const held = deferred<string>();
    const ledger = queue.run('ledger-1', () => held.promise);
    expect(await queue.run('trezor-1', async () => 'trezor answered')).toBe('trezor answered');
    held.resolve('ledger answered');
    expect(await ledger).toBe('ledger answered');
  });
});
