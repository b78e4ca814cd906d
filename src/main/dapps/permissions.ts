import { z } from 'zod';
import { ApiError } from '../../shared/api/envelope';
import type { DappSession, MethodCall, MethodTable } from './dappSession';
import type { DappWallet } from './dappWallet';
import { invalidParams } from './providerError';
import { NoParams, parseParams } from './providerParams';
import type { ConnectedSite } from './sites';

/** EIP-2255 asks for permissions by name; the wallet has one to give. */
const PermissionRequest = z.tuple([
  z.record(z.string().max(64), z.strictObject({})).refine((asked) => Object.keys(asked).length > 0, {
    message: 'name at least one permission',
  }),
]);

/** The site's accounts, in its order, lowercase as `eth_accounts` answers them; removed accounts drop out. */
export function siteAddresses(wallet: DappWallet, site: ConnectedSite): string[] {
  const byId = new Map(wallet.accounts().map((account) => [account.id, account.address.toLowerCase()]));
  return site.accountIds.flatMap((id) => byId.get(id) ?? []);
}

/** The accounts the user chose to expose, once each, all still in the wallet. */
export function chosenAccounts(wallet: DappWallet, accountIds: readonly number[]): number[] {
  const existing = new Set(wallet.accounts().map((account) => account.id));
  const chosen = [...new Set(accountIds)];
  if (chosen.some((id) => !existing.has(id))) {
    throw new ApiError('invalid_request', 'One of the chosen accounts is no longer in the wallet.');
  }
  return chosen;
}

/** EIP-2255's description of what the site was granted. */
export function sitePermissions(wallet: DappWallet, site: ConnectedSite) {
  return [
    {
      invoker: site.origin,
      parentCapability: 'eth_accounts',
      caveats: [{ type: 'restrictReturnedAccounts', value: siteAddresses(wallet, site) }],
      date: site.connectedAt,
    },
  ];
}

/** What a connect request answers once the user connected the site, in the shape its method promises. */
export function connectedAnswer(method: string, wallet: DappWallet, site: ConnectedSite): unknown {
  return method === 'wallet_requestPermissions' ? sitePermissions(wallet, site) : siteAddresses(wallet, site);
}

function onlyAccounts(call: MethodCall): void {
  const [asked] = parseParams(PermissionRequest, call.params, call.method);
  const other = Object.keys(asked).find((name) => name !== 'eth_accounts');
  if (other !== undefined)
    throw invalidParams(`The wallet grants only eth_accounts, not ${JSON.stringify(other.slice(0, 64))}.`);
}

/** Connecting, EIP-2255, and the accounts a site sees. */
export function permissionMethods(session: DappSession): MethodTable {
  const { wallet } = session;
  const connect = (call: MethodCall) =>
    call.site
      ? connectedAnswer(call.method, wallet, call.site)
      : session.ask(call, { type: 'connect', chainId: wallet.activeChainId() });
  return {
    eth_accounts(call) {
      parseParams(NoParams, call.params, call.method);
      return call.site ? siteAddresses(wallet, call.site) : [];
    },
    eth_requestAccounts(call) {
      parseParams(NoParams, call.params, call.method);
      return connect(call);
    },
    wallet_requestPermissions(call) {
      onlyAccounts(call);
      return connect(call);
    },
    wallet_getPermissions(call) {
      parseParams(NoParams, call.params, call.method);
      return call.site ? sitePermissions(wallet, call.site) : [];
    },
    wallet_revokePermissions(call) {
      onlyAccounts(call);
      // Revoking what a site does not have leaves it as it is, which is what it asked for.
      if (call.site) session.revoke(call.origin);
      return null;
    },
  };
}
