import type { ChecksumAddress } from '../../store/address';
import type { BlockRange, HistoryProvider } from '../rawTransaction';

/**
 * A provider that can tell, for many addresses in one request, which of them had anything in a range: a
 * wallet that sees a new block every few seconds with nothing of its own in it then asks once per chain,
 * not once per account.
 */
export interface ActivityCheck {
  /**
   * The addresses among `addresses` that `transactions` could find anything for in `range`. It may name
   * more than that, never fewer: an address it leaves out is read no further.
   */
  active(
    addresses: readonly ChecksumAddress[],
    range: BlockRange,
    signal?: AbortSignal,
  ): Promise<Set<ChecksumAddress>>;
}

export function canCheckActivity(provider: HistoryProvider): provider is HistoryProvider & ActivityCheck {
  return typeof (provider as Partial<ActivityCheck>).active === 'function';
}

/** Nodes cap the alternatives a filter or batch may carry (geth: 1,000); a check asks in parts this big. */
export const ADDRESSES_PER_CHECK = 25;
