import { useCallback, useSyncExternalStore } from 'react';
import { ageReading, readClock, subscribeClock } from './sharedClock';

const SECOND_MS = 1000;

/**
 * The current time, moving every `intervalMs` on the page's shared clock, for labels that must keep counting
 * (a countdown, "paired 3 min ago").
 */
export function useNow(intervalMs = SECOND_MS): number {
  const subscribe = useCallback((listener: () => void) => subscribeClock(intervalMs, listener), [intervalMs]);
  return useSyncExternalStore(subscribe, () => readClock(intervalMs));
}

const subscribeSeconds = (listener: () => void) => subscribeClock(SECOND_MS, listener);

/**
 * The current time for "… ago" labels, the youngest dating `newestMs` (0 when none), in the steps `ageReading`
 * gives: the labels re-render only when a step passes, all of them on the same whole second.
 */
export function useAgeNow(newestMs: number): number {
  return useSyncExternalStore(subscribeSeconds, () => ageReading(readClock(SECOND_MS), newestMs));
}
