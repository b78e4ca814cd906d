import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { ChainExplorersRepository } from './chainExplorersRepository';

describe('ChainExplorersRepository', () => {
  const temp = useTempDatabase('chain-explorers-');

  it('keeps one explorer per chain, replaced and cleared', () => {
    const explorers = new ChainExplorersRepository(temp.db);
    explorers.set(1, 'https://one.example');
    explorers.set(10, 'https://ten.example');
    explorers.set(1, 'https://uno.example');
    explorers.set(10, null);
    expect(explorers.all()).toEqual(new Map([[1, 'https://uno.example']]));
  });

  it('refuses what is not https, as a last line behind the call’s schema', () => {
    const explorers = new ChainExplorersRepository(temp.db);
    expect(() => explorers.set(1, 'http://one.example')).toThrow();
    expect(() => explorers.set(1, `https://${'a'.repeat(2048)}`)).toThrow();
    expect(explorers.all().size).toBe(0);
  });
});
