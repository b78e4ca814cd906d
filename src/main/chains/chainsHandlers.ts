import type { chainsCalls } from '../../shared/api/calls/chains';
import type { FamilyHandlers } from '../api/router';
import type { PortfolioPricing } from './chainsService';
import type { Networks } from './networks';

export function chainsHandlers(
  networks: Networks,
  pricing: Pick<PortfolioPricing, 'value' | 'valueHistory'>,
): FamilyHandlers<typeof chainsCalls> {
  /** Reads wait until the chains service matches the latest settings and endpoints. */
  const chains = async () => (await networks.ready(), networks.chains);
  return {
    'chains.list': () => networks.list(),
    'chains.status': async () => (await chains()).status(),
    'chains.setRpc': ({ chainId, urls }) => networks.setRpc(chainId, urls),
    'chains.setExplorer': (input) => networks.setExplorer(input),
    'chains.addCustom': (input) => networks.addCustom(input),
    'chains.removeCustom': ({ chainId }) => networks.removeCustom(chainId),
    'portfolio.get': async () => {
      const portfolio = (await chains()).portfolio();
      return { ...portfolio, ...pricing.value(portfolio) };
    },
    'portfolio.refresh': async () => (await chains()).refresh(),
    'portfolio.valueHistory': () => pricing.valueHistory(),
    'tokens.add': ({ chainId, address }) => networks.addToken(chainId, address),
    'tokens.setHidden': async ({ chainId, address, hidden }) =>
      (await chains()).setTokenHidden(chainId, address, hidden),
  };
}
