import { afterEach, describe, expect, it, vi } from 'vitest';
import { PairingTracker } from './pairingTracker';

describe('PairingTracker', () => {
  afterEach(() => vi.useRealTimers());

  it('waits, then is proposed, and the timer no longer fires', () => {
    vi.useFakeTimers();
    let changes = 0;
    const tracker = new PairingTracker(
      () => changes++,
      () => 1000,
      30_000,
    );
    expect(tracker.view()).toBeNull();
    tracker.started();
    expect(tracker.view()).toEqual({ state: 'waiting', error: null, startedAt: 1000 });
    tracker.proposed();
    vi.advanceTimersByTime(60_000);
    expect(tracker.view()).toEqual({ state: 'proposed', error: null, startedAt: 1000 });
    expect(changes).toBe(2);
  });

  it('fails when the dApp stays silent, in words', () => {
    vi.useFakeTimers();
    const tracker = new PairingTracker(
      () => {},
      () => 5,
      30_000,
    );
    tracker.started();
    vi.advanceTimersByTime(29_999);
    expect(tracker.view()?.state).toBe('waiting');
    vi.advanceTimersByTime(1);
    expect(tracker.view()).toMatchObject({ state: 'failed', startedAt: 5 });
    expect(tracker.view()?.error).toMatch(/did not send a session proposal within 30 seconds/);
  });

  it('a proposal with no pairing waiting changes nothing; a failure replaces the wait', () => {
    const tracker = new PairingTracker(
      () => {},
      () => 7,
    );
    tracker.proposed();
    expect(tracker.view()).toBeNull();
    tracker.started();
    tracker.failed('The relay cannot be reached.');
    expect(tracker.view()).toEqual({ state: 'failed', error: 'The relay cannot be reached.', startedAt: 7 });
    tracker.stop();
  });
});
