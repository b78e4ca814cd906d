import type { Chain } from '../../shared/chains/chain';
import type { ContactView, LabelView, NameRef } from '../../shared/names';

/** Contacts are who the user sends to; labels say what an address is. */
export type NameKind = 'contact' | 'label';

export type NameEntry = ContactView | LabelView;

/** What makes a label or contact unique: the address (in any case) on a chain, or on every chain. */
export function nameKey({ address, chainId }: NameRef): string {
  return `${address.toLowerCase()}:${chainId ?? '*'}`;
}

export function scopeName(chainId: number | null, chains: readonly Chain[]): string {
  if (chainId === null) return 'All networks';
  return chains.find((chain) => chain.id === chainId)?.name ?? `Chain ${chainId}`;
}

/** By name, as a person looks for one; the same name on several networks keeps a stable order. */
export function byName<T extends NameEntry>(entries: readonly T[]): T[] {
  return [...entries].sort(
    (a, b) =>
      a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || (a.chainId ?? 0) - (b.chainId ?? 0),
  );
}

export const KIND_NAMES: Record<LabelView['kind'], string> = { eoa: 'Account', contract: 'Contract' };
