import { useCallback, useSyncExternalStore } from 'react';
import type { AgeUnit } from '../format/age';
import { ageReading, datedReading, readClock, subscribeAgeSteps, subscribeClock } from './sharedClock';

const SECOND_MS = 1000;

/**
 * The current time, moving every `intervalMs` on the page's shared clock, for labels that must keep counting
 * (a countdown, "paired 3 min ago").
 */
export function useNow(intervalMs = SECOND_MS): number {
  return useSyncExternalStore(useClock(intervalMs), () => readClock(intervalMs));
}

function useClock(intervalMs: number) {
  return useCallback((listener: () => void) => subscribeClock(intervalMs, listener), [intervalMs]);
}

/**
 * The current time for "… ago" labels, the youngest dating `newestMs` (0 when none), in the steps `ageReading`
 * gives: the labels re-render only when a step passes, all of them on the same whole second.
 */
export function useAgeNow(newestMs: number): number {
  const subscribe = useCallback((listener: () => void) => subscribeAgeSteps(newestMs, listener), [newestMs]);
  return useSyncExternalStore(subscribe, () => ageReading(readClock(SECOND_MS), newestMs));
}

/**
 * The current time for "… ago" labels dating each of `datesMs` in units no finer than `finest`, moving on the
 * `intervalMs` clock but only when one of them would change its text: the page under them re-renders when a
 * label does, not at every tick.
 */
export function useDatedNow(intervalMs: number, datesMs: readonly number[], finest: AgeUnit): number {
  return useSyncExternalStore(useClock(intervalMs), () =>
    datedReading(readClock(intervalMs), datesMs, finest),
  );
}
