import type { CoreBase } from '../coreBase';
import type { Networks } from '../chains/networks';
import { toChecksumAddress } from '../store/address';
import { addressesWithCode } from './approvals/spenderCode';
import { approvalsOverview } from './approvals/approvalsOverview';
import { txHandlers } from './txHandlers';
import { TxService, type TxServiceOptions } from './txService';

export interface TxModuleDeps {
  networks: Pick<Networks, 'ready' | 'chains'>;
  sign: TxServiceOptions['sign'];
  /** The history this wallet has with each address, for the first-time-recipient warning. */
  history: {
    counterparties(account: string): string[];
    syncAfterCurrent(chainIds: readonly number[]): Promise<unknown>;
  };
}

/** Sending, following, speeding up and cancelling transactions, and token approvals with revoke. */
export function createTxModule(base: CoreBase, deps: TxModuleDeps) {
  const { db, repositories, events, log } = base;
  const { networks, history } = deps;
  const tx = new TxService({
    db,
    repositories,
    sign: deps.sign,
    connection: async (chainId) => (await networks.ready(), networks.chains.connection(chainId)),
    tokens: (chainId, address) => networks.chains.knownToken(chainId, address),
    // The catalog lists the chain's coin too, under `native`: it has no contract to send into.
    listedTokens: (chainId) =>
      networks.chains
        .tokens(chainId)
        .flatMap((token) => (token.address === 'native' ? [] : [toChecksumAddress(token.address)])),
    counterparties: (account) => history.counterparties(account).map(toChecksumAddress),
    events,
    log,
    // A transaction that left the mempool shows in history now, not at the next poll.
    onSettled: (chainIds) => void history.syncAfterCurrent(chainIds),
  });
  // All accounts on all enabled networks, read through TxService's per-account approvals.
  const overview = () =>
    approvalsOverview({
      accounts: () => repositories.accounts.list(),
      chainIds: async () => {
        await networks.ready();
        return networks.chains.connections().map(({ chain }) => chain.id);
      },
      allowances: (accountId, chainId) => tx.approvals(accountId, chainId),
      withCode: async (chainId, spenders) => {
        const { client, signal } = networks.chains.connection(chainId);
        return addressesWithCode(client, spenders, signal);
      },
      nowSeconds: () => Math.floor(Date.now() / 1000),
    });
  return { tx, handlers: txHandlers(tx, overview) };
}
