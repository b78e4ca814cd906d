import type { AccountView } from '../../shared/accounts';
import type { NamesView } from '../../shared/names';
import type { TokenView } from '../../shared/portfolio';
import type { OutgoingView } from '../../shared/tx';
import { exactAmount } from './txWords';

/** Where the value went: a token transfer's recipient (its `to` is the token contract), else `to`. */
export function recipientOf(tx: Pick<OutgoingView, 'to' | 'transfer'>): string | null {
  return tx.transfer?.recipient ?? tx.to;
}

/**
 * What a sent transaction moved, exact: "1.5 USDC", "0.01 ETH". A token the wallet does not list is given
 * in base units by its address rather than with guessed decimals; null when nothing moved.
 */
export function sentAmount(
  tx: Pick<OutgoingView, 'chainId' | 'value' | 'transfer'>,
  native: { decimals: number; symbol: string },
  tokens: readonly TokenView[],
): string | null {
  const { transfer } = tx;
  if (transfer) {
    const token = tokens.find(
      (candidate) =>
        candidate.chainId === tx.chainId && candidate.address.toLowerCase() === transfer.token.toLowerCase(),
    );
    return token
      ? exactAmount(transfer.amount, token.decimals, token.symbol)
      : `${transfer.amount} base units of ${transfer.token}`;
  }
  return BigInt(tx.value) > 0n ? exactAmount(tx.value, native.decimals, native.symbol) : null;
}

/**
 * The user's name for an address on a chain, as History names counterparties: one of their accounts' labels
 * first, then a contact, then a label (one for this chain before one for every chain); null when unnamed.
 */
export function nameFor(
  address: string,
  chainId: number,
  accounts: readonly Pick<AccountView, 'address' | 'label'>[],
  names: NamesView | null,
): string | null {
  const same = (other: string) => other.toLowerCase() === address.toLowerCase();
  const account = accounts.find((candidate) => same(candidate.address) && candidate.label);
  if (account) return account.label;
  const scoped = <T extends { address: string; chainId: number | null; name: string }>(list: readonly T[]) =>
    list.find((entry) => same(entry.address) && entry.chainId === chainId) ??
    list.find((entry) => same(entry.address) && entry.chainId === null);
  return (scoped(names?.contacts ?? []) ?? scoped(names?.labels ?? []))?.name ?? null;
}
