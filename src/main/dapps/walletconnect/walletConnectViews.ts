import type { SessionTypes } from '@walletconnect/types';
import type { WalletConnectSessionView } from '../../../shared/walletConnect';
import type { DappWallet } from '../dappWallet';
import { sessionAccounts, sessionScope } from './sessionNamespaces';
import type { SessionRow } from './walletConnectSessionsRepository';

export interface SessionViewSources {
  wallet: Pick<DappWallet, 'accounts' | 'chain'>;
  /** Requests of the session waiting for the user. */
  pending: (topic: string) => number;
}

/** The sessions WalletConnect holds that the wallet approved, as the Connected sites page lists them. */
export function sessionViews(
  active: Record<string, SessionTypes.Struct>,
  rows: SessionRow[],
  { wallet, pending }: SessionViewSources,
): WalletConnectSessionView[] {
  const accounts = wallet.accounts();
  return rows.flatMap((row) => {
    const session = active[row.topic];
    if (!session) return [];
    const scope = sessionScope(session.namespaces);
    return [
      {
        topic: row.topic,
        name: row.name,
        origin: row.origin,
        verification: row.verification,
        accounts: sessionAccounts(scope, accounts)
          .slice(0, 100)
          .map(({ id, address, label }) => ({ accountId: id, address, label })),
        chains: scope.chainIds
          .slice(0, 64)
          .map((chainId) => ({ chainId, name: wallet.chain(chainId)?.name ?? `Chain ${chainId}` })),
        connectedAt: row.connectedAt,
        lastUsedAt: row.lastUsedAt,
        expiresAt: session.expiry * 1000,
        pending: pending(row.topic),
      },
    ];
  });
}
