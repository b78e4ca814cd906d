import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkState, type LinkStatus } from './linkState';

function fakeClient() {
  let report: (status: LinkStatus) => void = () => undefined;
  const client = {
    connect: vi.fn(async () => undefined),
    onStatus: (listener: (status: LinkStatus) => void) => {
      report = listener;
      return () => undefined;
    },
  };
  return { client, report: (status: LinkStatus) => report(status) };
}

describe('LinkState', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('answers at once when online or unpaired', async () => {
    const { client, report } = fakeClient();
    const state = new LinkState(client, 'unpaired');
    await expect(state.usable()).resolves.toBe('unpaired');
    report('online');
    await expect(state.usable()).resolves.toBe('online');
    expect(client.connect).not.toHaveBeenCalled();
  });

  it('waits for an opening socket, and gives up after the wait', async () => {
    const { client, report } = fakeClient();
    const state = new LinkState(client, 'connecting');
    const soon = state.usable(1000);
    report('online');
    await expect(soon).resolves.toBe('online');
    report('connecting');
    const never = state.usable(1000);
    vi.advanceTimersByTime(1000);
    await expect(never).resolves.toBe('connecting');
  });

  it('answers as soon as an attempt fails, without waiting out the timer', async () => {
    const { client, report } = fakeClient();
    const state = new LinkState(client, 'connecting');
    const failed = state.usable(60_000);
    report('offline');
    await expect(failed).resolves.toBe('offline');
  });

  it('tries the desktop once, not once per request, when offline', async () => {
    const { client, report } = fakeClient();
    const state = new LinkState(client, 'offline');
    const first = state.usable(1000);
    const second = state.usable(1000);
    expect(client.connect).toHaveBeenCalledOnce();
    report('connecting');
    report('online');
    await expect(Promise.all([first, second])).resolves.toEqual(['online', 'online']);
  });

  it('tells listeners of each change, once', () => {
    const { client, report } = fakeClient();
    const state = new LinkState(client, 'connecting');
    const seen: LinkStatus[] = [];
    const stop = state.onChange((status) => seen.push(status));
    report('offline');
    report('offline');
    state.set('unpaired');
    stop();
    report('online');
    expect(seen).toEqual(['offline', 'unpaired']);
    expect(state.status).toBe('online');
  });
});
