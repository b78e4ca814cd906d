import { describe, expect, it } from 'vitest';
import { FrameQueues, QUEUED_FRAME_OVERHEAD, queuedCost, type QueueAccount } from './frameQueue';

const frame = (value: number, size = 10) => new Uint8Array(size).fill(value);
/** What a 10-byte frame is charged. */
const unit = queuedCost(frame(0));
const limits = {
  framesPerRoute: 3,
  bytesPerRoute: 10 * unit,
  ttlMs: 1000,
  bytesTotal: 25 * unit,
  framesTotal: 100,
};
const account = (limit = Infinity): QueueAccount => ({ bytes: 0, limit });

describe('FrameQueues', () => {
  it('charges a frame its length plus a fixed overhead, so an empty frame is not free', () => {
    const queues = new FrameQueues(limits);
    queues.push('r', new Uint8Array(0), [], 0);
    expect(queues.bytes).toBe(QUEUED_FRAME_OVERHEAD);
    expect(unit).toBe(10 + QUEUED_FRAME_OVERHEAD);
  });

  it('returns a route’s frames in order, once', () => {
    const queues = new FrameQueues(limits);
    queues.push('r', frame(1), [], 0);
    queues.push('s', frame(9), [], 0);
    queues.push('r', frame(2), [], 1);
    expect(queues.take('r', 2)).toEqual([frame(1), frame(2)]);
    expect(queues.take('r', 2)).toEqual([]);
    expect({ frames: queues.frames, bytes: queues.bytes }).toEqual({ frames: 1, bytes: unit });
  });

  it('refuses frames past the per-route count and byte limits', () => {
    const queues = new FrameQueues(limits);
    for (const value of [1, 2, 3]) expect(queues.push('r', frame(value), [], 0)).toBe(true);
    expect(queues.push('r', frame(4, 0), [], 0)).toBe(false);
    expect(queues.push('s', frame(1, 5 * unit), [], 0)).toBe(true);
    expect(queues.push('s', frame(2, 5 * unit), [], 0)).toBe(false);
    expect(queues.push('t', frame(2, 10 * unit - QUEUED_FRAME_OVERHEAD + 1), [], 0)).toBe(false);
    expect(queues.take('r', 0)).toHaveLength(3);
    expect(queues.take('t', 0)).toEqual([]);
  });

  it('charges every account a frame is pushed with, refuses past any of their limits, and refunds them', () => {
    const queues = new FrameQueues(limits);
    const [socket, address] = [account(2 * unit), account(3 * unit)];
    expect(queues.push('a', frame(1), [socket, address], 0)).toBe(true);
    expect(queues.push('b', frame(2), [socket, address], 0)).toBe(true);
    expect(queues.push('c', frame(3), [socket, address], 0)).toBe(false);
    const other = account();
    expect(queues.push('c', frame(3), [other, address], 0)).toBe(true);
    expect(queues.push('d', frame(4), [other, address], 0)).toBe(false);
    expect([socket.bytes, address.bytes, other.bytes]).toEqual([2 * unit, 3 * unit, unit]);
    queues.take('a', 0);
    queues.drop('c');
    queues.sweep(1000);
    expect([socket.bytes, address.bytes, other.bytes]).toEqual([0, 0, 0]);
  });

  it('drops the oldest frames of any route past the total byte cap', () => {
    const queues = new FrameQueues({ ...limits, bytesTotal: 3 * unit });
    const payer = account();
    queues.push('a', frame(1), [payer], 0);
    queues.push('b', frame(2), [payer], 1);
    queues.push('a', frame(3), [payer], 2);
    queues.push('c', frame(4), [payer], 3);
    expect(queues.bytes).toBe(3 * unit);
    expect(payer.bytes).toBe(3 * unit);
    expect(queues.take('a', 4)).toEqual([frame(3)]);
    queues.push('d', frame(5), [], 5);
    queues.push('d', frame(6), [], 6);
    expect(queues.take('b', 7)).toEqual([]);
    expect(queues.take('c', 7)).toEqual([frame(4)]);
  });

  it('drops the oldest frames past the total frame cap', () => {
    const queues = new FrameQueues({ ...limits, framesTotal: 2 });
    queues.push('a', frame(1, 0), [], 0);
    queues.push('b', frame(2, 0), [], 1);
    queues.push('c', frame(3, 0), [], 2);
    expect(queues.frames).toBe(2);
    expect(queues.take('a', 3)).toEqual([]);
    expect(queues.take('c', 3)).toEqual([frame(3, 0)]);
  });

  it('expires frames lazily and on sweep', () => {
    const queues = new FrameQueues(limits);
    queues.push('r', frame(1), [], 0);
    queues.push('r', frame(2), [], 500);
    queues.push('s', frame(3), [], 0);
    expect(queues.take('r', 1000)).toEqual([frame(2)]);
    queues.sweep(999);
    expect(queues.frames).toBe(1);
    queues.sweep(1000);
    expect({ frames: queues.frames, bytes: queues.bytes }).toEqual({ frames: 0, bytes: 0 });
    expect(queues.take('s', 1000)).toEqual([]);
  });

  it('frees a dropped route’s frames', () => {
    const queues = new FrameQueues(limits);
    queues.push('r', frame(1), [], 0);
    queues.drop('r');
    queues.drop('r');
    expect({ frames: queues.frames, bytes: queues.bytes }).toEqual({ frames: 0, bytes: 0 });
  });

  it('keeps its bookkeeping bounded over many pushes and takes', () => {
    const queues = new FrameQueues({ ...limits, bytesTotal: 1_000_000_000, framesTotal: 100_000 });
    const payer = account();
    for (let i = 0; i < 10_000; i += 1) {
      queues.push(`r${i % 7}`, frame(i % 256, 1), [payer], i);
      if (i % 3 === 0) queues.take(`r${i % 7}`, i);
      if (i % 100 === 0) queues.sweep(i);
    }
    queues.sweep(20_000);
    expect({ frames: queues.frames, bytes: queues.bytes, charged: payer.bytes }).toEqual({
      frames: 0,
      bytes: 0,
      charged: 0,
    });
  });
});
