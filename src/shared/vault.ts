import { z } from 'zod';

export const VaultStatus = z.strictObject({
  /** The OS keychain in use, as a person would name it ("macOS Keychain"). */
  backend: z.string(),
  state: z.enum(['available', 'locked', 'unavailable']),
  /** What is true now and, when the vault cannot work, what to do about it. */
  message: z.string(),
});
export type VaultStatus = z.infer<typeof VaultStatus>;
