import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PassLoop } from './passLoop';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A pass that records when it ran and asks for the pauses given, the last one from then on. */
function recorder(pauses: number[]) {
  const ranAt: number[] = [];
  const pass = async () => {
    ranAt.push(Date.now());
    return pauses.length > 1 ? (pauses.shift() as number) : (pauses[0] as number);
  };
  return { ranAt, pass };
}

describe('PassLoop', () => {
  it('waits between passes as long as each pass asks, one pass at a time', async () => {
    const start = Date.now();
    const { ranAt, pass } = recorder([100, 100, 1000]);
    const loop = new PassLoop(pass, 100);
    loop.start(100);
    await vi.advanceTimersByTimeAsync(2300);
    expect(ranAt.map((at) => at - start)).toEqual([100, 200, 300, 1300, 2300]);
    loop.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ranAt).toHaveLength(5);
  });

  it('brings a long pause forward when hurried, and hurries the pause after a pass under way', async () => {
    const start = Date.now();
    let release: (() => void) | null = null;
    const ranAt: number[] = [];
    const loop = new PassLoop(async () => {
      ranAt.push(Date.now() - start);
      if (ranAt.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return 10_000;
    }, 100);
    loop.start(100);
    await vi.advanceTimersByTimeAsync(1000);
    expect(ranAt).toEqual([100]);
    loop.hurry();
    await vi.advanceTimersByTimeAsync(100);
    expect(ranAt).toEqual([100, 1100]);
    // Hurried while the second pass waits on its node: the next pass follows it soon, not 10 s later.
    loop.hurry();
    await vi.advanceTimersByTimeAsync(400);
    (release as unknown as () => void)();
    await vi.advanceTimersByTimeAsync(100);
    expect(ranAt).toEqual([100, 1100, 1600]);
    await vi.advanceTimersByTimeAsync(9000);
    expect(ranAt).toHaveLength(3);
    loop.stop();
  });

  it('keeps going after a pass that rejects, and stops for good when stopped mid-pass', async () => {
    let calls = 0;
    let release: (() => void) | null = null;
    const loop = new PassLoop(async () => {
      calls += 1;
      if (calls === 1) throw new Error('node down');
      await new Promise<void>((resolve) => (release = resolve));
      return 100;
    }, 50);
    loop.start(10);
    await vi.advanceTimersByTimeAsync(60);
    expect(calls).toBe(2);
    loop.stop();
    (release as unknown as () => void)();
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toBe(2);
  });
});
