import { z } from 'zod';
import { type AccountLookup, exposedAccount, HexAddress, HexQuantity, parseParams } from './signingParams';
import type { ConnectedSite } from './sites';

const Params = z.union([z.tuple([HexAddress]), z.tuple([HexAddress, z.array(HexQuantity).max(100)])]);

/** Per chain, what this wallet can do with a batch: an ordinary account runs calls one by one. */
export type Capabilities = Record<string, { atomic: { status: 'unsupported' } }>;

/**
 * `wallet_getCapabilities` [address, chainIds?] (EIP-5792 2.0.0): for each enabled chain the site asks
 * about (all of them when it names none), keyed by hex chain id. Only for an account the site was given.
 */
export function capabilities(
  params: unknown,
  site: ConnectedSite,
  accounts: AccountLookup,
  enabledChainIds: readonly number[],
): Capabilities {
  const [address, asked] = parseParams(Params, params, 'wallet_getCapabilities');
  exposedAccount(address, site, accounts);
  const wanted = asked && new Set(asked);
  return Object.fromEntries(
    enabledChainIds
      .filter((chainId) => !wanted || wanted.has(BigInt(chainId)))
      .map((chainId) => [`0x${chainId.toString(16)}`, { atomic: { status: 'unsupported' as const } }]),
  );
}
