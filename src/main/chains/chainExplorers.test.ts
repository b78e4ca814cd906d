import { describe, expect, it } from 'vitest';
import type { Chain } from '../../shared/chains/chain';
import { findChain } from '../../shared/chains/registry';
import { withExplorers } from './chainExplorers';

const ethereum = findChain(1) as Chain;
const devnet: Chain = { ...ethereum, id: 777, name: 'Devnet', rpcUrls: [], explorer: null };
const none = { ownRpc: new Set<number>(), ownExplorer: new Map<number, string>() };

describe('withExplorers', () => {
  it('keeps the registry explorer for a chain on its built-in endpoints', () => {
    expect(withExplorers([ethereum], none)[0]?.explorer).toEqual(ethereum.explorer);
  });

  it('drops the registry explorer once the chain is on the user’s own endpoint', () => {
    expect(withExplorers([ethereum], { ...none, ownRpc: new Set([1]) })[0]?.explorer).toBeNull();
  });

  it('links to the explorer the user set, whatever the endpoint', () => {
    const own = new Map([[1, 'https://eth.devnet.example']]);
    const expected = { name: 'eth.devnet.example', url: 'https://eth.devnet.example' };
    expect(withExplorers([ethereum], { ownRpc: new Set([1]), ownExplorer: own })[0]?.explorer).toEqual(
      expected,
    );
    expect(withExplorers([ethereum], { ...none, ownExplorer: own })[0]?.explorer).toEqual(expected);
  });

  it('leaves a custom network’s own explorer alone', () => {
    const withOne = { ...devnet, explorer: { name: 'scan.devnet', url: 'https://scan.devnet' } };
    expect(withExplorers([withOne, devnet], { ...none, ownRpc: new Set([777]) })).toEqual([withOne, devnet]);
  });
});
