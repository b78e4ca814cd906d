import { calls } from '../../../src/shared/api/contract';
import { type AddCustomChain, type Chain, explorerAt } from '../../../src/shared/chains/chain';
import { CHAINS } from '../../../src/shared/chains/registry';
import type { TokenView } from '../../../src/shared/portfolio';
import { ApiCallError } from '../../../src/renderer/api/client';
import { tokenKey } from '../../../src/renderer/portfolio/portfolioModel';
import type { DoubleWorld } from './world';
import { type FamilyHandlers, routerParse } from './handlers';

type ChainChannel =
  | 'chains.list'
  | 'chains.status'
  | 'chains.setRpc'
  | 'chains.setExplorer'
  | 'chains.addCustom'
  | 'chains.removeCustom'
  | 'portfolio.get'
  | 'portfolio.refresh'
  | 'portfolio.valueHistory'
  | 'tokens.add'
  | 'tokens.setHidden';

/** Networks, their endpoints and the portfolio read from them. */
export function chainCalls(double: DoubleWorld): FamilyHandlers<ChainChannel> {
  /** Like main: refuses a known chain id, stores the endpoint, pushes the new list and enables the network. */
  function addCustomChain(input: AddCustomChain): Chain {
    const known = double.chains.find((chain) => chain.id === input.chainId);
    if (known) {
      throw new ApiCallError('chains.addCustom', {
        code: 'conflict',
        message: `Chain ${input.chainId} is already in this wallet, as ${known.name}.`,
      });
    }
    const chain = customChain(input);
    double.chains = [...double.chains, chain];
    double.rpcUrls.set(chain.id, [input.rpcUrl]);
    double.emit('chains.changed', [...double.chains]);
    double.pushSettings({
      ...double.settings,
      enabledChainIds: [...double.settings.enabledChainIds, chain.id],
    });
    return chain;
  }

  /** Like main: only user-added networks; disables it, forgets its endpoint and pushes the new list. */
  function removeCustomChain(chainId: number): null {
    const builtIn = CHAINS.find((chain) => chain.id === chainId);
    if (builtIn || !double.chains.some((chain) => chain.id === chainId)) {
      throw new ApiCallError('chains.removeCustom', {
        code: 'not_found',
        message: builtIn
          ? `${builtIn.name} is built in, not a network you added, so it cannot be removed.`
          : `Chain ${chainId} is not a network this wallet knows.`,
      });
    }
    const enabled = double.settings.enabledChainIds;
    if (enabled.includes(chainId)) {
      double.pushSettings({ ...double.settings, enabledChainIds: enabled.filter((id) => id !== chainId) });
    }
    double.chains = double.chains.filter((chain) => chain.id !== chainId);
    double.rpcUrls.delete(chainId);
    double.emit('chains.changed', [...double.chains]);
    return null;
  }

  /** Like main: the chain with its new explorer (none for null), pushed to every screen. */
  function setExplorer(chainId: number, explorerUrl: string | null): Chain {
    const known = double.chains.find((chain) => chain.id === chainId);
    if (!known) {
      throw new ApiCallError('chains.setExplorer', {
        code: 'invalid_request',
        message: `Chain ${chainId} is not a network this wallet knows.`,
      });
    }
    const chain = { ...known, explorer: explorerUrl ? explorerAt(explorerUrl) : null };
    double.chains = double.chains.map((each) => (each === known ? chain : each));
    double.emit('chains.changed', [...double.chains]);
    return chain;
  }

  /** Like main: one progress event per chain as it finishes, then the chains' status. */
  function refresh() {
    const chains = double.portfolio.chains;
    chains.forEach((chain, index) =>
      double.emit('portfolio.progress', { chainId: chain.chainId, done: index + 1, total: chains.length }),
    );
    return chains;
  }

  function addToken(chainId: number, address: string): TokenView {
    const token: TokenView = {
      chainId,
      address,
      symbol: 'NEW',
      name: 'New Token',
      decimals: 18,
      source: 'user',
      hidden: false,
      tags: [],
      logoURI: null,
    };
    double.portfolio = { ...double.portfolio, tokens: [...double.portfolio.tokens, token] };
    return token;
  }

  function setHidden(chainId: number, address: string, hidden: boolean): TokenView {
    const key = tokenKey(chainId, address);
    const token = double.portfolio.tokens.find((t) => tokenKey(t.chainId, t.address) === key);
    if (!token) throw new ApiCallError('tokens.setHidden', { code: 'not_found', message: 'No such token.' });
    const updated = { ...token, hidden };
    double.portfolio = {
      ...double.portfolio,
      tokens: double.portfolio.tokens.map((t) => (t === token ? updated : t)),
    };
    return updated;
  }

  return {
    'chains.list': () => [...double.chains],
    'chains.status': () => double.portfolio.chains,
    'chains.setRpc': ({ chainId, urls }) => {
      double.rpcUrls.set(chainId, urls);
      return null;
    },
    'chains.setExplorer': (request) => {
      const { chainId, explorerUrl } = routerParse(
        'chains.setExplorer',
        calls['chains.setExplorer'].request,
        request,
      );
      return setExplorer(chainId, explorerUrl);
    },
    // Main's router fills the schema's defaults before the request reaches the service.
    'chains.addCustom': (request) =>
      addCustomChain(routerParse('chains.addCustom', calls['chains.addCustom'].request, request)),
    'chains.removeCustom': ({ chainId }) => removeCustomChain(chainId),
    'portfolio.get': () => double.portfolio,
    'portfolio.refresh': refresh,
    'portfolio.valueHistory': () => double.valueHistory,
    'tokens.add': ({ chainId, address }) => addToken(chainId, address),
    'tokens.setHidden': ({ chainId, address, hidden }) => setHidden(chainId, address, hidden),
  };
}

/** A user-added network as main describes it: no built-in endpoints, the explorer only if one was given. */
function customChain({ chainId, name, symbol, decimals, explorerUrl }: AddCustomChain): Chain {
  return {
    id: chainId,
    name,
    shortName: `chain-${chainId}`,
    family: 'other',
    nativeCurrency: { name: symbol, symbol, decimals },
    explorer: explorerUrl ? explorerAt(explorerUrl) : null,
    rpcUrls: [],
    multicall3: { address: '0xcA11bde05977b3631167028862bE2a173976CA11', blockCreated: 0 },
  };
}
