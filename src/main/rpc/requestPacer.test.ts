import { describe, expect, it } from 'vitest';
import { RequestPacer } from './requestPacer';

function clocked() {
  let now = 0;
  const slept: number[] = [];
  const pacer = new RequestPacer({
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
    },
  });
  return { pacer, slept, advance: (ms: number) => (now += ms) };
}

describe('RequestPacer', () => {
  it('lets requests through at once until the endpoint refuses one', async () => {
    const { pacer, slept } = clocked();
    for (let i = 0; i < 30; i++) await pacer.take();
    expect(slept).toEqual([]);
    expect(pacer.perSecond).toBeNull();
  });

  it('then spaces them a little under the rate that was refused', async () => {
    const { pacer, slept, advance } = clocked();
    for (let i = 0; i < 10; i++) {
      await pacer.take();
      advance(50);
    }
    pacer.refused();
    expect(pacer.perSecond).toBe(8);
    for (let i = 0; i < 3; i++) await pacer.take();
    expect(slept).toEqual([125, 125, 125]);
  });

  it('creeps back up while nothing is refused, and never learns a rate above one it learned', async () => {
    const { pacer, advance } = clocked();
    for (let i = 0; i < 5; i++) await pacer.take();
    pacer.refused();
    expect(pacer.perSecond).toBe(4);
    advance(25_000);
    expect(pacer.perSecond).toBe(6);
    // A refusal after a quiet spell: one request in the last second still allows one a second.
    await pacer.take();
    pacer.refused();
    expect(pacer.perSecond).toBe(1);
  });

  it('serves callers in the order they asked, and lets one that gave up go', async () => {
    const { pacer } = clocked();
    await pacer.take();
    pacer.refused();
    const controller = new AbortController();
    controller.abort();
    const served: string[] = [];
    const gaveUp = pacer.take(controller.signal);
    await Promise.all([
      expect(gaveUp).rejects.toMatchObject({ name: 'AbortError' }),
      ...['a', 'b'].map((name) => pacer.take().then(() => served.push(name))),
    ]);
    expect(served).toEqual(['a', 'b']);
  });
});
