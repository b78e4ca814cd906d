/**
 * How CoinGecko names each known network: the asset platform its token prices are listed under, and the
 * coin id of the network's own coin. Facts from CoinGecko's `/asset_platforms` and coin pages. A network not
 * listed here (a custom or local one) is never asked about.
 */
const COINGECKO_IDS: ReadonlyMap<number, { platform: string; nativeCoin: string }> = new Map([
  [1, { platform: 'ethereum', nativeCoin: 'ethereum' }],
  [42161, { platform: 'arbitrum-one', nativeCoin: 'ethereum' }],
  [10, { platform: 'optimistic-ethereum', nativeCoin: 'ethereum' }],
  [8453, { platform: 'base', nativeCoin: 'ethereum' }],
  [137, { platform: 'polygon-pos', nativeCoin: 'polygon-ecosystem-token' }],
  [56, { platform: 'binance-smart-chain', nativeCoin: 'binancecoin' }],
  [43114, { platform: 'avalanche', nativeCoin: 'avalanche-2' }],
  [100, { platform: 'xdai', nativeCoin: 'xdai' }],
]);

/** The asset platform whose `/simple/token_price/{platform}` lists the network's tokens. */
export const coinGeckoPlatform = (chainId: number): string | undefined =>
  COINGECKO_IDS.get(chainId)?.platform;

/** The coin id `/simple/price?ids=` takes for the network's own coin. */
export const coinGeckoNativeCoin = (chainId: number): string | undefined =>
  COINGECKO_IDS.get(chainId)?.nativeCoin;
