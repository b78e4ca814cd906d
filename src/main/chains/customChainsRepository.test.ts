import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { CustomChainsRepository } from './customChainsRepository';

const devnet = { chainId: 777, name: 'Devnet', symbol: 'DEV', decimals: 18, explorerUrl: null };

describe('CustomChainsRepository', () => {
  const temp = useTempDatabase('custom-chains-');

  it('lists networks in the order they were added, then by id', () => {
    const chains = new CustomChainsRepository(temp.db);
    chains.add({ ...devnet, chainId: 900 }, 2);
    chains.add({ ...devnet, chainId: 800, explorerUrl: 'https://explorer.example' }, 1);
    chains.add(devnet, 2);
    expect(chains.all()).toEqual([
      { ...devnet, chainId: 800, explorerUrl: 'https://explorer.example' },
      devnet,
      { ...devnet, chainId: 900 },
    ]);
  });

  it('deletes one network and keeps the others', () => {
    const chains = new CustomChainsRepository(temp.db);
    chains.add(devnet, 1);
    chains.add({ ...devnet, chainId: 778 }, 2);
    chains.delete(777);
    expect(chains.all().map((row) => row.chainId)).toEqual([778]);
  });

  it('replaces or clears a network’s explorer, and keeps it https', () => {
    const chains = new CustomChainsRepository(temp.db);
    chains.add(devnet, 1);
    chains.setExplorer(777, 'https://scan.devnet.example');
    expect(chains.all()[0]?.explorerUrl).toBe('https://scan.devnet.example');
    expect(() => chains.setExplorer(777, 'http://scan.devnet.example')).toThrow();
    chains.setExplorer(777, null);
    expect(chains.all()[0]?.explorerUrl).toBeNull();
  });

  it('refuses the same network twice', () => {
    const chains = new CustomChainsRepository(temp.db);
    chains.add(devnet, 1);
    expect(() => chains.add(devnet, 2)).toThrow();
  });
});
