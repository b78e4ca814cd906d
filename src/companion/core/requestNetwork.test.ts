import { describe, expect, it } from 'vitest';
import { requestNetwork } from './requestNetwork';

describe('requestNetwork', () => {
  it('names a known chain with its coin, and says nothing when the desktop is on it', () => {
    expect(requestNetwork(1, 1)).toEqual({
      chain: { id: 1, name: 'Ethereum', symbol: 'ETH', decimals: 18, known: true },
      desktopNetwork: { id: 1, name: 'Ethereum' },
      networkDiffers: false,
      warnings: [],
    });
  });

  it('warns of a chain the phone does not know, and of a desktop on another network', () => {
    const network = requestNetwork(777_777, 1);
    expect(network.chain).toEqual({
      id: 777_777,
      name: 'Chain 777777',
      symbol: 'native coin',
      decimals: 18,
      known: false,
    });
    expect(network.warnings).toEqual([
      {
        code: 'unknown_chain',
        message: 'The phone does not know chain 777777; amounts assume its coin has 18 decimals.',
      },
      {
        code: 'network_differs',
        message: 'The desktop is on Ethereum, but this request is for Chain 777777.',
      },
    ]);
  });
});
