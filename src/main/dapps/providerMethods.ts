import { z } from 'zod';
import { SiteOrigin } from '../../shared/dapps';
import { logFailure, type Logger } from '../log';
import type { ProviderRequest } from './dappGateway';
import type { MethodTable } from './dappSession';
import { internal, invalidRequest, ProviderError, unsupportedMethod } from './providerError';
import type { SiteLimits } from './siteLimits';
import type { Sites } from './sites';

const Method = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/);
/** EIP-1193: params are an array or an object, or absent. */
const Params = z.union([z.undefined(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);

export interface ProviderMethodsOptions {
  table: MethodTable;
  sites: Pick<Sites, 'connected' | 'used'>;
  limits: Pick<SiteLimits, 'take'>;
  log: Logger;
}

/**
 * The one way in for a site's request: its shape (-32600), its site's rate (-32005), its method (4200), then
 * the method's own handler, which checks params (-32602) and permission (4100). Whatever goes wrong, the
 * site gets a ProviderError; anything else thrown is a bug of ours, logged and answered -32603.
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
    const { table, sites, limits } = this.options;
    if (typeof request !== 'object' || request === null) throw invalidRequest();
    const origin = SiteOrigin.safeParse(request.origin);
    if (!origin.success)
      throw invalidRequest('The request does not come from a site origin the wallet serves.');
    const method = Method.safeParse(request.method);
    if (!method.success) throw invalidRequest('The request has no valid method name.');
    if (!Params.safeParse(request.params).success) {
      throw invalidRequest('The params of a request are an array or an object.');
    }
    limits.take(origin.data);
    const handler = Object.hasOwn(table, method.data) ? table[method.data] : undefined;
    if (!handler) throw unsupportedMethod(method.data);
    const site = sites.connected(origin.data);
    if (site) sites.used(site);
    return await handler({ origin: origin.data, method: method.data, params: request.params, site });
  }
}
