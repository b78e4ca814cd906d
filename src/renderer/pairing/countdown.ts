import { useNow } from '../portfolio/useNow';

/** Milliseconds left until `expiresAt`, never below zero, ticking every second. */
export function useRemaining(expiresAt: number): number {
  return Math.max(0, expiresAt - useNow());
}

/** "1:54": minutes and seconds, rounded up so "0:00" only shows once the time is really up. */
export function formatCountdown(remainingMs: number): string {
  const seconds = Math.ceil(remainingMs / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
