import { z } from 'zod';
import { ExplorerUrl } from '../../shared/chains/chain';
import type { DappRequestDetail } from '../../shared/dapps';
import type { DappSession, MethodCall, MethodTable } from './dappSession';
import { invalidParams, unauthorized, unrecognizedChain } from './providerError';
import { HexChainId, NoParams, parseParams, toHexChainId } from './providerParams';
import { probeChainId } from './rpcProbe';

/** EIP-3326's one parameter. */
export const SwitchParams = z.tuple([z.strictObject({ chainId: HexChainId })]);

/** EIP-3085's AddEthereumChainParameter; icons are accepted and not used (a site's picture proves nothing). */
const AddParams = z.tuple([
  z.object({
    chainId: HexChainId,
    chainName: z.string().trim().min(1).max(50),
    nativeCurrency: z.object({
      name: z.string().max(50),
      symbol: z.string().trim().min(1).max(12),
      // The wallet counts every native currency in 18 decimals, as EVM chains do.
      decimals: z.literal(18),
    }),
    rpcUrls: z.array(z.string().max(2048)).min(1).max(10),
    blockExplorerUrls: z.array(z.string().max(2048)).max(10).nullish(),
    iconUrls: z.array(z.string().max(2048)).max(10).nullish(),
  }),
]);

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * An endpoint the wallet will ask: https, or plain http on this machine only (a dev chain), so a site cannot
 * point the wallet at a device on the user's network, nor have its first request read on the way.
 */
function usableRpcUrl(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed || parsed.username || parsed.password) return false;
  return parsed.protocol === 'https:' || (parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname));
}

export interface ChainMethodsOptions {
  fetch: typeof fetch;
  probeTimeoutMs?: number;
}

/** The network a site is on: eth_chainId, net_version, EIP-3326 switch and EIP-3085 add. */
export function chainMethods(session: DappSession, options: ChainMethodsOptions): MethodTable {
  const { wallet } = session;
  const chainOf = (call: MethodCall) => call.site?.chainId ?? wallet.activeChainId();

  async function addChain(call: MethodCall): Promise<unknown> {
    const [asked] = parseParams(AddParams, call.params, call.method);
    const site = call.site;
    if (!site) throw unauthorized();
    const known = wallet.chain(asked.chainId);
    if (known) {
      if (known.enabled && site.chainId === asked.chainId) return null;
      return session.ask(call, { type: 'switch-chain', chainId: asked.chainId, chainName: known.name });
    }
    const rpcUrl = asked.rpcUrls.find(usableRpcUrl);
    if (!rpcUrl) {
      throw invalidParams('The network needs an https RPC address (plain http only on this computer).');
    }
    const host = new URL(rpcUrl).host;
    const rpcChainId = await probeChainId(options.fetch, rpcUrl, options.probeTimeoutMs);
    if (rpcChainId === null) {
      throw invalidParams(`The RPC at ${host} did not answer eth_chainId, so the network was not added.`);
    }
    if (rpcChainId !== asked.chainId) {
      throw invalidParams(
        `The RPC at ${host} serves chain ${rpcChainId}, not ${asked.chainId}, so the network was not added.`,
      );
    }
    const explorerUrl = asked.blockExplorerUrls?.find((url) => ExplorerUrl.safeParse(url).success) ?? null;
    const detail: DappRequestDetail = {
      type: 'add-chain',
      chainId: asked.chainId,
      chainName: asked.chainName,
      rpcUrl,
      nativeSymbol: asked.nativeCurrency.symbol,
      explorerUrl,
      rpcChainId,
    };
    return session.ask(call, detail);
  }

  return {
    eth_chainId(call) {
      parseParams(NoParams, call.params, call.method);
      return toHexChainId(chainOf(call));
    },
    net_version(call) {
      parseParams(NoParams, call.params, call.method);
      return String(chainOf(call));
    },
    wallet_switchEthereumChain(call) {
      const [{ chainId }] = parseParams(SwitchParams, call.params, call.method);
      if (!call.site) throw unauthorized();
      if (call.site.chainId === chainId) return null;
      if (!wallet.chain(chainId)?.enabled) throw unrecognizedChain(chainId);
      session.switchChain(call.origin, chainId);
      return null;
    },
    wallet_addEthereumChain: addChain,
  };
}

/** The user approved an add-chain or switch-chain request: the network is there and enabled, the site on it. */
export async function approveChain(
  session: DappSession,
  origin: string,
  detail: Extract<DappRequestDetail, { type: 'add-chain' | 'switch-chain' }>,
): Promise<null> {
  const { wallet } = session;
  if (detail.type === 'add-chain' && !wallet.chain(detail.chainId)) {
    await wallet.addChain({
      chainId: detail.chainId,
      name: detail.chainName,
      symbol: detail.nativeSymbol,
      decimals: 18,
      rpcUrl: detail.rpcUrl,
      explorerUrl: detail.explorerUrl,
    });
  } else if (!wallet.chain(detail.chainId)?.enabled) {
    wallet.enableChain(detail.chainId);
  }
  session.switchChain(origin, detail.chainId);
  return null;
}
