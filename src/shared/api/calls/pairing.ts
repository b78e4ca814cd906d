import { z } from 'zod';
import { ConfirmPairing, PairingView, PhoneRef, SetRelay } from '../../pairing';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** Phones paired over the local relay, and the relay itself. */
export const pairingCalls = {
  'pairing.status': { request: NoRequest, response: PairingView },
  /** Shows a new QR code (and withdraws any earlier one that was not used). */
  'pairing.start': { request: NoRequest, response: PairingView },
  'pairing.confirm': { request: ConfirmPairing, response: PairingView },
  'pairing.cancel': { request: z.strictObject({ id: z.string().min(1).max(100) }), response: PairingView },
  /** Refuses the phone at once, tells it if it is online, and removes its account. */
  'pairing.revoke': { request: PhoneRef, response: PairingView },
  'pairing.setRelay': { request: SetRelay, response: PairingView },
} as const satisfies CallFamily;

export const pairingEvents = {
  'pairing.changed': PairingView,
} as const satisfies EventFamily;
