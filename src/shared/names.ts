import { z } from 'zod';
import { Address, ChainId } from './chains/chain';

/**
 * The user's names for addresses: labels (what an address is, for history and warnings) and the address book
 * (who the user sends to). Both are synced between the user's devices.
 */
export const LabelView = z.strictObject({
  address: Address,
  /** `null`: on every chain. A contract label must name its chain. */
  chainId: ChainId.nullable(),
  kind: z.enum(['eoa', 'contract']),
  name: z.string().trim().min(1).max(100),
  note: z.string().max(1000),
});
export type LabelView = z.infer<typeof LabelView>;

export const ContactView = z.strictObject({
  address: Address,
  chainId: ChainId.nullable(),
  name: z.string().trim().min(1).max(100),
  note: z.string().max(1000),
});
export type ContactView = z.infer<typeof ContactView>;

/** One label or contact, by what makes it unique. */
export const NameRef = z.strictObject({ address: Address, chainId: ChainId.nullable() });
export type NameRef = z.infer<typeof NameRef>;

export const NamesView = z.strictObject({
  labels: z.array(LabelView),
  contacts: z.array(ContactView),
});
export type NamesView = z.infer<typeof NamesView>;
