import { useSyncExternalStore } from 'react';
import { subscribeClock } from '../portfolio/sharedClock';

const SECOND_MS = 1000;
const subscribeSeconds = (listener: () => void) => subscribeClock(SECOND_MS, listener);

/**
 * Milliseconds left until `expiresAt` in whole seconds (rounded up), never below zero, re-read on each tick of
 * the page's one-second clock. It is read from the exact time rather than the clock's shared reading, which
 * may be most of a second old when a countdown appears: a five-minute deadline must not show 5:01.
 */
export function useRemaining(expiresAt: number): number {
  return useSyncExternalStore(subscribeSeconds, () => remainingAt(expiresAt, Date.now()));
}

/** Whole seconds keep the reading the same from one render to the next within a second. */
export function remainingAt(expiresAt: number, nowMs: number): number {
  return Math.max(0, Math.ceil((expiresAt - nowMs) / SECOND_MS) * SECOND_MS);
}

/** "1:54": minutes and seconds, rounded up so "0:00" only shows once the time is really up. */
export function formatCountdown(remainingMs: number): string {
  const seconds = Math.ceil(remainingMs / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
