// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WARM_DELAY_MS, warmWhenIdle } from './warmWhenIdle';

beforeEach(() => {
  vi.useFakeTimers({
    toFake: [
      'setTimeout',
      'clearTimeout',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
    ],
  });
});
afterEach(() => vi.useRealTimers());

describe('warmWhenIdle', () => {
  it('waits for a painted frame and the delay, then runs the tasks one at a time', async () => {
    const started: string[] = [];
    let finishFirst: () => void = () => undefined;
    const first = vi.fn(() => {
      started.push('first');
      return new Promise<void>((resolve) => (finishFirst = resolve));
    });
    const second = vi.fn(() => {
      started.push('second');
      return Promise.resolve();
    });
    warmWhenIdle([first, second]);
    await vi.advanceTimersByTimeAsync(WARM_DELAY_MS - 1);
    expect(started).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toEqual(['first']);
    finishFirst();
    await vi.advanceTimersByTimeAsync(100);
    expect(started).toEqual(['first', 'second']);
  });

  it('goes on after a task fails', async () => {
    const after = vi.fn(() => Promise.resolve());
    warmWhenIdle([() => Promise.reject(new Error('chunk missing')), after]);
    await vi.advanceTimersByTimeAsync(WARM_DELAY_MS + 200);
    expect(after).toHaveBeenCalledOnce();
  });

  it('runs nothing more once cancelled', async () => {
    const task = vi.fn(() => Promise.resolve());
    const cancel = warmWhenIdle([task]);
    await vi.advanceTimersByTimeAsync(20);
    cancel();
    await vi.advanceTimersByTimeAsync(WARM_DELAY_MS * 2);
    expect(task).not.toHaveBeenCalled();
  });
});
