import { z } from 'zod';

export const HardwareKind = z.enum(['ledger', 'trezor']);
export type HardwareKind = z.infer<typeof HardwareKind>;

/** Everything that can sign: the hardware devices and a paired phone. */
export const SigningKind = z.enum(['ledger', 'trezor', 'phone']);
export type SigningKind = z.infer<typeof SigningKind>;
