import type { DappRequestView, SiteView } from '../../shared/dapps';
import type { DappWallet } from './dappWallet';
import type { RequestQueue } from './requestQueue';
import type { SiteFindings } from './siteFindings';
import type { Sites } from './sites';

export interface ViewSources {
  sites: Sites;
  queue: RequestQueue;
  wallet: DappWallet;
  /** What the wallet knows about who asks (./siteFindings), leading each request. */
  siteFindings: SiteFindings;
}

/** The Connected sites page: each live site, its accounts (removed ones drop out), network and pending. */
export function siteViews({ sites, queue, wallet }: ViewSources): SiteView[] {
  const accounts = new Map(wallet.accounts().map((account) => [account.id, account]));
  return sites.list().map((row) => ({
    origin: row.origin,
    accounts: row.accountIds.flatMap((id) => {
      const account = accounts.get(id);
      return account ? [{ accountId: id, address: account.address, label: account.label }] : [];
    }),
    chainId: row.chainId,
    chainName: wallet.chain(row.chainId)?.name ?? `Chain ${row.chainId}`,
    windowEthereum: row.windowEthereum,
    connectedAt: row.connectedAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    pending: queue.pending(row.origin),
  }));
}

/** The requests waiting for the user, oldest first, each with its site's findings. */
export function requestViews({ queue, siteFindings }: ViewSources): DappRequestView[] {
  return queue.list().map(({ id, origin, via, method, receivedAt, detail }) => ({
    id,
    origin,
    via,
    method,
    receivedAt,
    detail,
    siteFindings: siteFindings(origin, via),
  }));
}
