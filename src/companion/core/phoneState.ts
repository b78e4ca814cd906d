import { z } from 'zod';
import { validateMnemonic } from './phoneKeys';
import { SyncReplica } from './phoneSync';

/** Only the newest answers are kept: enough to answer a desktop's retries, not a history of everything. */
export const MAX_ANSWERED = 200;

const hex = (bytes: number) =>
  z.string().regex(new RegExp(`^[0-9a-f]{${bytes * 2}}$`), `${bytes} bytes of hex`);
const Time = z.number().int().nonnegative();
/** Empty once the desktop is revoked: the phone wipes the keys it would resume with. */
const wipeable = (bytes: number) => hex(bytes).or(z.literal(''));

export const PairedDesktop = z.strictObject({
  /** Hex of the desktop's static X25519 public key. */
  id: hex(32),
  name: z.string().min(1).max(64),
  relay: z.string().regex(/^wss?:\/\/\S+$/, 'a ws:// or wss:// address'),
  desktopKey: hex(32),
  phoneStaticPrivate: wipeable(32),
  /** The psk of the next resume handshake; replaced after each one. */
  resumePsk: wipeable(32),
  /** The rendezvous id of the next resume handshake. */
  inbox: hex(16),
  pairedAt: Time,
  lastSeenAt: Time,
  status: z.enum(['active', 'revoked', 'expired']),
  /** This phone's replica of the desktop's sync group; absent until the desktop sends it, wiped on revoke. */
  sync: SyncReplica.optional(),
});
export type PairedDesktop = z.infer<typeof PairedDesktop>;

export const AnsweredRequest = z.strictObject({
  id: z.string().regex(/^[0-9a-f]{32}$/),
  digest: z.string().regex(/^0x[0-9a-f]{64}$/),
  /** Null when the user rejected the request. */
  signature: z
    .strictObject({
      r: z.string().regex(/^0x[0-9a-f]{64}$/),
      s: z.string().regex(/^0x[0-9a-f]{64}$/),
      yParity: z.union([z.literal(0), z.literal(1)]),
    })
    .nullable(),
  answeredAt: Time,
});
export type AnsweredRequest = z.infer<typeof AnsweredRequest>;

export const PhoneState = z.strictObject({
  version: z.literal(1),
  mnemonic: z.string().refine(validateMnemonic, 'a valid BIP39 English recovery phrase'),
  phoneName: z.string().min(1).max(40),
  backedUp: z.boolean(),
  desktops: z.array(PairedDesktop),
  answered: z.array(AnsweredRequest).max(MAX_ANSWERED),
});
export type PhoneState = z.infer<typeof PhoneState>;

export function newPhoneState(mnemonic: string, phoneName: string): PhoneState {
  return PhoneState.parse({ version: 1, mnemonic, phoneName, backedUp: false, desktops: [], answered: [] });
}

/** Adds an answer, replacing one with the same id, and drops the oldest beyond the cap. */
export function recordAnswer(state: PhoneState, answer: AnsweredRequest): PhoneState {
  const others = state.answered.filter((existing) => existing.id !== answer.id);
  return { ...state, answered: [...others, answer].slice(-MAX_ANSWERED) };
}
