import { describe, expect, it } from 'vitest';
import type { PriceSourceView } from '../../shared/portfolio';
import { formatDuration, provenance } from './priceSource';

const NOW = 1_800_000_000_000;
const SECONDS = NOW / 1000;
const chainName = (chainId: number) => (chainId === 1 ? 'Ethereum' : `Chain ${chainId}`);
const ETH_USD: PriceSourceView = {
  kind: 'oracle',
  pair: 'ETH/USD',
  chainId: 1,
  feed: '0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419',
  heartbeatSeconds: 3600,
  updatedAt: SECONDS - 240,
};
const EUR_USD: PriceSourceView = {
  ...ETH_USD,
  pair: 'EUR/USD',
  feed: '0xb49f677943BC038e9857d61E7d053CaA2C1734C1',
  heartbeatSeconds: 86_400,
  updatedAt: SECONDS - 3 * 3600,
};
const COINGECKO: PriceSourceView = { kind: 'service', name: 'CoinGecko', updatedAt: SECONDS - 120 };

describe('formatDuration', () => {
  it('uses the largest unit that divides it', () => {
    expect(formatDuration(3600)).toBe('1 h');
    expect(formatDuration(86_400)).toBe('24 h');
    expect(formatDuration(1200)).toBe('20 min');
    expect(formatDuration(45)).toBe('45 s');
  });
});

describe('provenance', () => {
  it('names a feed by its pair and dates it', () => {
    const { line, detail } = provenance([ETH_USD], chainName, NOW);
    expect(line).toBe('ETH/USD feed · 4 min ago');
    expect(detail).toContain('ETH/USD feed on Ethereum at 0x5f4eC3Df9cbd43714FE2740f5E3616155c5b8419');
    expect(detail).toContain('heartbeat 1 h');
    expect(detail).toContain('(4 min ago)');
  });

  it('dates a price in minutes, the first one as a whole', () => {
    const fresh = { ...ETH_USD, updatedAt: SECONDS - 42 };
    expect(provenance([fresh], chainName, NOW).line).toBe('ETH/USD feed · under 1 min ago');
    expect(provenance([fresh], chainName, NOW).detail).toContain('(under 1 min ago)');
    expect(provenance([{ ...fresh, updatedAt: SECONDS - 60 }], chainName, NOW).line).toBe(
      'ETH/USD feed · 1 min ago',
    );
  });

  it('names the price service', () => {
    expect(provenance([COINGECKO], chainName, NOW).line).toBe('CoinGecko · 2 min ago');
    expect(provenance([COINGECKO], chainName, NOW).detail).toMatch(/^CoinGecko, the optional price service/);
  });

  it('dates a converted value by its oldest price, and lists each source on its own line', () => {
    const { line, detail } = provenance([ETH_USD, EUR_USD], chainName, NOW);
    expect(line).toBe('ETH/USD, EUR/USD feeds · 3 h ago');
    expect(detail.split('\n')).toHaveLength(2);
    expect(provenance([COINGECKO, EUR_USD], chainName, NOW).line).toBe('CoinGecko, EUR/USD feed · 3 h ago');
  });
});
