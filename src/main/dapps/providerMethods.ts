import { z } from 'zod';
import { SiteOrigin } from '../../shared/dapps';
import { logFailure, type Logger } from '../log';
import type { ProviderRequest, SessionGrant } from './dappGateway';
import type { MethodTable } from './dappSession';
import { channelKey, channelOf } from './dappChannel';
import {
  chainDisconnected,
  internal,
  invalidRequest,
  ProviderError,
  unsupportedMethod,
} from './providerError';
import type { SiteLimits } from './siteLimits';
import type { ConnectedSite, Sites } from './sites';

const Method = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
/** EIP-1193: params are an array or an object, or absent. */
const Params = z.union([z.undefined(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);

export interface ProviderMethodsOptions {
  /** The extension's methods. */
  table: MethodTable;
  /** A WalletConnect session's (./walletConnectMethods). */
  walletConnectTable: MethodTable;
  sites: Pick<Sites, 'connected' | 'used'>;
  limits: Pick<SiteLimits, 'take'>;
  log: Logger;
}

/** A session's grant as the site its handlers serve; it never touches the extension's sites. */
function grantedSite(origin: string, grant: SessionGrant): ConnectedSite {
  if (!grant.chainIds.includes(grant.chainId))
    throw chainDisconnected(`This session was not granted chain ${grant.chainId}.`);
  const { accountIds, chainId, connectedAt, lastUsedAt } = grant;
  return { origin, accountIds, chainId, connectedAt, lastUsedAt };
}

/**
 * The one way in for a site's request: its shape (-32600), its site's rate (-32005), its method (4200), then
 * the method's own handler, which checks params (-32602) and permission (4100). Whatever goes wrong, the
 * site gets a ProviderError; anything else thrown is a bug of ours, logged and answered -32603. A
 * WalletConnect request is held to its session's rate and methods, and its grant stands for the site.
 */
export class ProviderMethods {
  constructor(private readonly options: ProviderMethodsOptions) {}

  async handle(request: ProviderRequest): Promise<unknown> {
    try {
      return await this.dispatch(request);
    } catch (error) {
      if (error instanceof ProviderError) throw error;
      logFailure(this.options.log, 'a dApp request failed', error);
      throw internal();
    }
  }

  private async dispatch(request: ProviderRequest): Promise<unknown> {
    const { sites, limits } = this.options;
    if (typeof request !== 'object' || request === null) throw invalidRequest();
    const origin = SiteOrigin.safeParse(request.origin);
    if (!origin.success)
      throw invalidRequest('The request does not come from a site origin the wallet serves.');
    const method = Method.safeParse(request.method);
    if (!method.success) throw invalidRequest('The request has no valid method name.');
    if (!Params.safeParse(request.params).success) {
      throw invalidRequest('The params of a request are an array or an object.');
    }
    const grant = 'session' in request ? request.session : undefined;
    limits.take(channelKey(origin.data, channelOf({ grant })));
    const table = grant ? this.options.walletConnectTable : this.options.table;
    const handler = Object.hasOwn(table, method.data) ? table[method.data] : undefined;
    if (!handler) throw unsupportedMethod(method.data);
    const call = { origin: origin.data, method: method.data, params: request.params };
    if (grant) return await handler({ ...call, site: grantedSite(origin.data, grant), grant });
    const site = sites.connected(origin.data);
    if (site) sites.used(site);
    return await handler({ ...call, site });
  }
}
