import { describe, expect, it } from 'vitest';
import type { PairingAttempt } from '../../shared/pairing';
import { attemptToShow } from './attemptOfThisVisit';

function attempt(state: PairingAttempt['state'], id = 'a1'): PairingAttempt {
  return {
    id,
    url: 'http://127.0.0.1:8787/#invite',
    expiresAt: 0,
    state,
    code: null,
    phoneName: null,
    phoneConfirmed: false,
    desktopConfirmed: false,
    error: state === 'expired' ? 'The QR code expired before a phone scanned it.' : null,
  };
}

describe('attemptToShow', () => {
  it('shows an attempt in progress, whether or not this visit started it', () => {
    for (const state of ['waiting', 'used', 'confirming'] as const) {
      expect(attemptToShow(attempt(state), null)?.state).toBe(state);
    }
  });

  it('treats an attempt that ended before this visit as history', () => {
    for (const state of ['expired', 'failed', 'paired'] as const) {
      expect(attemptToShow(attempt(state), null)).toBeNull();
      expect(attemptToShow(attempt(state, 'a2'), 'a1')).toBeNull();
    }
  });

  it('shows how an attempt ended when this visit saw it in progress', () => {
    for (const state of ['expired', 'failed', 'paired'] as const) {
      expect(attemptToShow(attempt(state), 'a1')?.state).toBe(state);
    }
  });

  it('shows nothing when main has no attempt', () => {
    expect(attemptToShow(null, 'a1')).toBeNull();
  });
});
