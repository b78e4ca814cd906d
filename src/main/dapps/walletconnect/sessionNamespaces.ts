import type { ProposalTypes, SessionTypes } from '@walletconnect/types';
import { buildApprovedNamespaces } from '@walletconnect/utils';
import type { SessionGrant } from '../dappGateway';
import type { WalletAccount } from '../dappWallet';
import { accountOf, caipAccount, caipChain, chainIdOf } from './caip';

/** The events the wallet emits into a session. */
export const SESSION_EVENTS = ['accountsChanged', 'chainChanged'];

/** What a session was granted, read back from its namespaces: chains, and addresses (lower case). */
export interface SessionScope {
  chainIds: number[];
  addresses: string[];
}

/**
 * The namespaces the wallet answers a proposal with: every chosen account on every chosen chain, the methods
 * the proposal was cut to, and the wallet's events. WalletConnect's own builder checks them against what the
 * dApp required (it throws when something required is missing).
 */
export function approvedNamespaces(
  proposal: ProposalTypes.Struct,
  grant: { chainIds: number[]; addresses: string[]; methods: string[] },
): SessionTypes.Namespaces {
  const chains = grant.chainIds.map(caipChain);
  const accounts = grant.chainIds.flatMap((chainId) =>
    grant.addresses.map((address) => caipAccount(chainId, address)),
  );
  return buildApprovedNamespaces({
    proposal,
    supportedNamespaces: { eip155: { chains, methods: grant.methods, events: SESSION_EVENTS, accounts } },
  });
}

/** The same namespaces with the accounts cut to `addresses` (accounts removed from the wallet drop out). */
export function withAddresses(
  namespaces: SessionTypes.Namespaces,
  addresses: string[],
): SessionTypes.Namespaces {
  const kept = new Set(addresses.map((address) => address.toLowerCase()));
  return Object.fromEntries(
    Object.entries(namespaces).map(([key, namespace]) => [
      key,
      {
        ...namespace,
        accounts: namespace.accounts.filter((caip) => kept.has(accountOf(caip)?.address ?? '')),
      },
    ]),
  );
}

/** The EVM chains and addresses a session's namespaces hold. */
export function sessionScope(namespaces: SessionTypes.Namespaces): SessionScope {
  const chainIds = new Set<number>();
  const addresses = new Set<string>();
  for (const [key, namespace] of Object.entries(namespaces)) {
    if (key !== 'eip155' && !key.startsWith('eip155:')) continue;
    for (const chain of [...(namespace.chains ?? []), ...(key.includes(':') ? [key] : [])]) {
      const chainId = chainIdOf(chain);
      if (chainId !== undefined) chainIds.add(chainId);
    }
    for (const caip of namespace.accounts) {
      const account = accountOf(caip);
      if (!account) continue;
      chainIds.add(account.chainId);
      addresses.add(account.address);
    }
  }
  return { chainIds: [...chainIds], addresses: [...addresses] };
}

/** The wallet's accounts a session holds, by address; accounts no longer in the wallet are gone. */
export function sessionAccounts(scope: SessionScope, accounts: WalletAccount[]): WalletAccount[] {
  const granted = new Set(scope.addresses);
  return accounts.filter((account) => granted.has(account.address.toLowerCase()));
}

/** The session as its request's grant, or undefined when the request names a chain it was not granted. */
export function grantFor(
  session: {
    topic: string;
    name: string;
    verification: SessionGrant['verification'];
    connectedAt: number;
    lastUsedAt: number;
  },
  scope: SessionScope,
  accounts: WalletAccount[],
  requestChain: unknown,
): SessionGrant | undefined {
  const chainId = chainIdOf(requestChain);
  if (chainId === undefined || !scope.chainIds.includes(chainId)) return undefined;
  return {
    ...session,
    accountIds: sessionAccounts(scope, accounts).map((account) => account.id),
    chainIds: scope.chainIds,
    chainId,
  };
}
