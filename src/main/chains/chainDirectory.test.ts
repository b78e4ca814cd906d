import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { CHAINS } from '../../shared/chains/registry';
import { Chain } from '../../shared/chains/chain';
import { ChainDirectory } from './chainDirectory';

const devnet = { chainId: 777, name: 'Devnet', symbol: 'DEV', decimals: 18, explorerUrl: null };

describe('ChainDirectory', () => {
  const temp = useTempDatabase('chains-directory-');

  it('lists the registry, then the networks the user added, each a valid Chain', () => {
    const directory = new ChainDirectory(temp.db);
    directory.addCustom(devnet);
    directory.addCustom({ ...devnet, chainId: 778, name: 'Other', explorerUrl: 'https://explorer.example' });
    const all = directory.all();
    expect(all.map((c) => c.id)).toEqual([...CHAINS.map((c) => c.id), 777, 778]);
    expect(all.every((chain) => Chain.safeParse(chain).success)).toBe(true);
    expect(directory.find(778)?.explorer).toEqual({
      name: 'explorer.example',
      url: 'https://explorer.example',
    });
    expect(directory.isCustom(777)).toBe(true);
    expect(directory.isCustom(1)).toBe(false);
  });

  it('refuses a chain it already knows, built-in or added', () => {
    const directory = new ChainDirectory(temp.db);
    expect(() => directory.addCustom({ ...devnet, chainId: 1 })).toThrow(
      /already in this wallet, as Ethereum/,
    );
    directory.addCustom(devnet);
    expect(() => directory.addCustom(devnet)).toThrow(/already in this wallet/);
  });

  it('removes only networks the user added', () => {
    const directory = new ChainDirectory(temp.db);
    directory.addCustom(devnet);
    directory.removeCustom(777);
    expect(directory.find(777)).toBeUndefined();
    expect(() => directory.removeCustom(1)).toThrow(/not a network you added/);
  });

  it('keeps impossible values out with the schema’s own constraints', () => {
    const directory = new ChainDirectory(temp.db);
    expect(() => directory.addCustom({ ...devnet, decimals: 99 })).toThrow();
    expect(directory.find(777)).toBeUndefined();
  });
});
