import type { DiscoveredAccount } from '../../shared/devices';
import { ChainDot } from '../chains/ChainBadge';
import { amountWords } from '../../shared/format/amountWords';
import { Amount } from '../format/Amount';
import { useWallet } from '../session/WalletContext';

/** An address's non-zero native balances, one line per chain, and the chains that could not be read. */
export function NativeBalances({ account }: { account: DiscoveredAccount }) {
  const { chains } = useWallet();
  const chainOf = (chainId: number) => chains.find((chain) => chain.id === chainId);
  const unread = account.unreadChains.map((id) => chainOf(id)?.name ?? `chain ${id}`);

  return (
    <span className="native-balances">
      {account.balances.map(({ chainId, amount }) => {
        const chain = chainOf(chainId);
        const symbol = chain?.nativeCurrency.symbol ?? '';
        const decimals = chain?.nativeCurrency.decimals ?? 18;
        const value = BigInt(amount);
        const exact = amountWords(value, decimals, symbol).title;
        return (
          <span key={chainId} className="native-balances__line">
            <ChainDot chainId={chainId} />
            <Amount
              value={value}
              decimals={decimals}
              symbol={symbol}
              title={`${exact} on ${chain?.name ?? chainId}`}
            />
          </span>
        );
      })}
      {account.balances.length === 0 && unread.length === 0 && (
        <span className="native-balances__none">0</span>
      )}
      {unread.length > 0 && <span className="native-balances__unread">Not read on {unread.join(', ')}</span>}
    </span>
  );
}
