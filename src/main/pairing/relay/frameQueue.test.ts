import { describe, expect, it } from 'vitest';
import { FrameQueues } from './frameQueue';

const limits = { framesPerRoute: 3, bytesPerRoute: 100, ttlMs: 1000, bytesTotal: 250 };
const frame = (value: number, size = 10) => new Uint8Array(size).fill(value);

describe('FrameQueues', () => {
  it('returns a route’s frames in order, once', () => {
    const queues = new FrameQueues(limits);
    queues.push('r', frame(1), 10, 0);
    queues.push('s', frame(9), 10, 0);
    queues.push('r', frame(2), 10, 1);
    expect(queues.take('r', 2)).toEqual([frame(1), frame(2)]);
    expect(queues.take('r', 2)).toEqual([]);
    expect({ frames: queues.frames, bytes: queues.bytes }).toEqual({ frames: 1, bytes: 10 });
  });

  it('refuses frames past the per-route count and byte limits', () => {
    const queues = new FrameQueues(limits);
    for (const value of [1, 2, 3]) expect(queues.push('r', frame(value), 10, 0)).toBe(true);
    expect(queues.push('r', frame(4), 10, 0)).toBe(false);
    expect(queues.push('s', frame(1, 60), 60, 0)).toBe(true);
    expect(queues.push('s', frame(2, 50), 50, 0)).toBe(false);
    expect(queues.push('t', frame(2, 101), 101, 0)).toBe(false);
    expect(queues.take('r', 0)).toHaveLength(3);
  });

  it('drops the oldest frames of any route past the total cap', () => {
    const queues = new FrameQueues({ ...limits, bytesTotal: 30 });
    queues.push('a', frame(1), 10, 0);
    queues.push('b', frame(2), 10, 1);
    queues.push('a', frame(3), 10, 2);
    queues.push('c', frame(4), 10, 3);
    expect(queues.bytes).toBe(30);
    expect(queues.take('a', 4)).toEqual([frame(3)]);
    queues.push('d', frame(5), 10, 5);
    queues.push('d', frame(6), 10, 6);
    expect(queues.take('b', 7)).toEqual([]);
    expect(queues.take('c', 7)).toEqual([frame(4)]);
  });

  it('expires frames lazily and on sweep', () => {
    const queues = new FrameQueues(limits);
    queues.push('r', frame(1), 10, 0);
    queues.push('r', frame(2), 10, 500);
    queues.push('s', frame(3), 10, 0);
    expect(queues.take('r', 1000)).toEqual([frame(2)]);
    queues.sweep(999);
    expect(queues.frames).toBe(1);
    queues.sweep(1000);
    expect({ frames: queues.frames, bytes: queues.bytes }).toEqual({ frames: 0, bytes: 0 });
    expect(queues.take('s', 1000)).toEqual([]);
  });

  it('frees a dropped route’s frames', () => {
    const queues = new FrameQueues(limits);
    queues.push('r', frame(1), 10, 0);
    queues.drop('r');
    queues.drop('r');
    expect({ frames: queues.frames, bytes: queues.bytes }).toEqual({ frames: 0, bytes: 0 });
  });

  it('keeps its bookkeeping bounded over many pushes and takes', () => {
    const queues = new FrameQueues({ ...limits, bytesTotal: 1_000_000 });
    for (let i = 0; i < 10_000; i += 1) {
      queues.push(`r${i % 7}`, frame(i % 256, 1), 1, i);
      if (i % 3 === 0) queues.take(`r${i % 7}`, i);
      if (i % 100 === 0) queues.sweep(i);
    }
    queues.sweep(20_000);
    expect({ frames: queues.frames, bytes: queues.bytes }).toEqual({ frames: 0, bytes: 0 });
  });
});
