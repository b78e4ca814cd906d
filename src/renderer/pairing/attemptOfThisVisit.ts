import { useState } from 'react';
import type { PairingAttempt } from '../../shared/pairing';

/** Still in progress: the QR code is up, a phone knocked with it, or the codes are being compared. */
function isOpen(attempt: PairingAttempt): boolean {
  return attempt.state === 'waiting' || attempt.state === 'used' || attempt.state === 'confirming';
}

/**
 * The attempt to show, given the one main reports and the id of the last attempt this page saw open. An
 * attempt that ended before the user came back (expired, failed or paired while they were elsewhere) is
 * history: the page offers a fresh start instead of greeting them with its outcome.
 */
export function attemptToShow(
  attempt: PairingAttempt | null,
  seenOpen: string | null,
): PairingAttempt | null {
  if (!attempt) return null;
  return isOpen(attempt) || attempt.id === seenOpen ? attempt : null;
}

/** {@link attemptToShow} for the page's lifetime: remembers the attempt it saw open, one at a time like main. */
export function useAttemptOfThisVisit(attempt: PairingAttempt | null): PairingAttempt | null {
  const [seenOpen, setSeenOpen] = useState<string | null>(null);
  // Adjusting state while rendering, as React documents for values derived from props: no extra paint.
  if (attempt && isOpen(attempt) && attempt.id !== seenOpen) setSeenOpen(attempt.id);
  return attemptToShow(attempt, attempt && isOpen(attempt) ? attempt.id : seenOpen);
}
