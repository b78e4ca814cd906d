import { z } from 'zod';
import { Address } from './chains/chain';

/** A network interface the relay can listen on, as the user picks it. */
export const RelayInterface = z.strictObject({
  /** "wlan0", "en0", or "loopback". */
  name: z.string(),
  address: z.string(),
});
export type RelayInterface = z.infer<typeof RelayInterface>;

export const RelayView = z.strictObject({
  running: z.boolean(),
  /** The address the relay binds to and the phone reaches, e.g. 192.168.1.20. */
  host: z.string(),
  port: z.number().int().min(0).max(65535),
  /** Where the phone opens the companion, e.g. http://192.168.1.20:8787/; null while stopped. */
  url: z.string().nullable(),
  interfaces: z.array(RelayInterface),
  /** Why the relay is not running (port taken, interface gone), in words for the user. */
  error: z.string().nullable(),
});
export type RelayView = z.infer<typeof RelayView>;

/**
 * One pairing attempt, from the QR code to a paired phone. `waiting`: the QR is up; `used`: a phone knocked
 * with the code, which cannot be used again, and the desktop waits briefly for its `hello`; `confirming`: the
 * phone proved it read the code and both screens show `code`; `paired`: the user confirmed on both; `failed`
 * and `expired` end it, with `error` saying why.
 */
export const PairingAttempt = z.strictObject({
  id: z.string(),
  /** The URL the QR code carries; the invite itself is in its fragment, which browsers never send. */
  url: z.string(),
  expiresAt: z.number().int().nonnegative(),
  state: z.enum(['waiting', 'used', 'confirming', 'paired', 'failed', 'expired']),
  code: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  phoneName: z.string().nullable(),
  /** The user tapped "Codes match" on the phone. */
  phoneConfirmed: z.boolean(),
  /** The user confirmed on this desktop. */
  desktopConfirmed: z.boolean(),
  error: z.string().nullable(),
});
export type PairingAttempt = z.infer<typeof PairingAttempt>;

export const PhoneView = z.strictObject({
  fingerprint: z.string(),
  name: z.string(),
  address: Address,
  pairedAt: z.number().int().nonnegative(),
  lastSeenAt: z.number().int().nonnegative(),
  /** Connected to the relay now. */
  online: z.boolean(),
  /** `expired`: idle for 7 days; it must pair again before it can sign. */
  status: z.enum(['active', 'expired']),
  /** The account in this wallet that signs with this phone. */
  accountId: z.number().int().positive().nullable(),
});
export type PhoneView = z.infer<typeof PhoneView>;

export const PairingView = z.strictObject({
  relay: RelayView,
  attempt: PairingAttempt.nullable(),
  phones: z.array(PhoneView),
});
export type PairingView = z.infer<typeof PairingView>;

export const ConfirmPairing = z.strictObject({
  id: z.string().min(1).max(100),
  /** False when the codes differ: the attempt fails and the phone is told. */
  matches: z.boolean(),
});

export const SetRelay = z.strictObject({
  host: z.string().trim().min(1).max(100),
  port: z.number().int().min(1024).max(65535),
});

export const PhoneRef = z.strictObject({ fingerprint: z.string().min(1).max(128) });

export const SigningRequestRef = z.strictObject({ id: z.string().min(1).max(100) });
