import type { PairingAttempt, PairingView } from '../../../src/shared/pairing';
import { ApiCallError } from '../../../src/renderer/api/client';
import { pairedPhone } from '../pairingFixture';
import type { DoubleWorld } from './world';
import type { FamilyHandlers } from './handlers';

type PairingChannel =
  | 'pairing.status'
  | 'pairing.start'
  | 'pairing.confirm'
  | 'pairing.cancel'
  | 'pairing.revoke'
  | 'pairing.setRelay';

export interface PairingCalls {
  handlers: FamilyHandlers<PairingChannel>;
  /** Like main: the phone is paired once both sides confirmed the code, in either order. */
  settleAttempt(change: Partial<PairingAttempt>): PairingView;
}

/** The relay, the QR code on screen and the paired phones; every change is pushed as pairing.changed. */
export function pairingCalls(double: DoubleWorld): PairingCalls {
  let attemptCount = 0;

  function settleAttempt(change: Partial<PairingAttempt>): PairingView {
    const { attempt } = double.updateAttempt(change);
    if (!attempt?.phoneConfirmed || !attempt.desktopConfirmed) return double.pairing;
    const now = Date.now();
    const phone = pairedPhone(attempt.phoneName ?? 'Phone', { pairedAt: now, lastSeenAt: now });
    return double.updatePairing({
      attempt: { ...attempt, state: 'paired' },
      phones: [...double.pairing.phones, phone],
    });
  }

  /** Like main: a new single-use code, two minutes long, replacing any earlier one. */
  function start(): PairingView {
    const id = `attempt-${++attemptCount}`;
    return double.updatePairing({
      attempt: {
        id,
        url: `http://192.168.1.20:8787/#AQ${id}`,
        expiresAt: Date.now() + 120_000,
        state: 'waiting',
        code: null,
        phoneName: null,
        phoneConfirmed: false,
        desktopConfirmed: false,
        error: null,
      },
    });
  }

  function confirm(id: string, matches: boolean): PairingView {
    const attempt = double.pairing.attempt;
    if (attempt?.id !== id || attempt.state !== 'confirming') {
      throw new ApiCallError('pairing.confirm', {
        code: 'conflict',
        message: 'This pairing is no longer waiting for a confirmation.',
      });
    }
    if (!matches) {
      return double.updateAttempt({
        state: 'failed',
        error: 'The codes did not match, so nothing was paired. Someone else may have scanned the code.',
      });
    }
    return settleAttempt({ desktopConfirmed: true });
  }

  return {
    handlers: {
      'pairing.status': () => double.pairing,
      'pairing.start': start,
      'pairing.confirm': ({ id, matches }) => confirm(id, matches),
      'pairing.cancel': () => double.updatePairing({ attempt: null }),
      'pairing.revoke': ({ fingerprint }) =>
        double.updatePairing({ phones: double.pairing.phones.filter((p) => p.fingerprint !== fingerprint) }),
      'pairing.setRelay': ({ host, port }) =>
        double.updatePairing({
          relay: {
            ...double.pairing.relay,
            host,
            port,
            url: `http://${host}:${port}/`,
            error: null,
            running: true,
          },
        }),
    },
    settleAttempt,
  };
}
