import { z } from 'zod';
import type { DappRequestDetail } from '../../shared/dapps';
import { readTokenFacts } from '../review/simulation/tokenFacts';
import { toChecksumAddress } from '../store/address';
import type { DappSession, MethodCall, MethodTable } from './dappSession';
import { chainDisconnected, invalidParams, unauthorized } from './providerError';
import { HexAddress, parseParams } from './providerParams';

/** EIP-747; the site's own symbol, decimals and image are read and not trusted: the token's contract says. */
const Asset = z.strictObject({
  type: z.string().max(32),
  options: z.object({
    address: HexAddress,
    symbol: z.string().max(32).optional(),
    decimals: z.number().int().min(0).max(77).optional(),
    image: z.string().max(4096).optional(),
  }),
});
/** Libraries send the asset itself, a few wrap it in an array. */
const WatchParams = z.union([Asset, z.tuple([Asset])]);

/** `wallet_watchAsset`: an ERC-20 on the site's network, named by what its contract answers. */
export function watchAssetMethods(session: DappSession): MethodTable {
  return {
    async wallet_watchAsset(call: MethodCall) {
      const parsed = parseParams(WatchParams, call.params, call.method);
      const asset = Array.isArray(parsed) ? parsed[0] : parsed;
      if (asset.type !== 'ERC20') throw invalidParams('The wallet watches ERC20 tokens only.');
      const site = call.site;
      if (!site) throw unauthorized();
      const client = session.wallet.client(site.chainId);
      if (!client) {
        throw chainDisconnected(`The site's network (chain ${site.chainId}) is not enabled in the wallet.`);
      }
      const address = toChecksumAddress(asset.options.address);
      const facts = (await readTokenFacts(client, [address])).get(address);
      if (!facts) {
        throw invalidParams(`${address} does not answer as an ERC20 token on ${client.chainName}.`);
      }
      const detail: DappRequestDetail = { type: 'watch-asset', chainId: site.chainId, address, ...facts };
      return session.ask(call, detail);
    },
  };
}

/** The user approved: the token is in the wallet (already being there is as good). */
export async function approveWatchAsset(
  session: DappSession,
  detail: Extract<DappRequestDetail, { type: 'watch-asset' }>,
): Promise<true> {
  try {
    await session.wallet.addToken(detail.chainId, detail.address);
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'conflict')) throw error;
  }
  return true;
}
