import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { PhoneVault } from '../core/phoneVault';
import { pairedDesktop, TEST_MNEMONIC } from './testing/stubClient';
import { revocationSafeStore } from './vaultStore';

describe('revocationSafeStore', () => {
  it('saves a revoked desktop whose keys the client wiped to empty strings', async () => {
    const indexedDB = new IDBFactory();
    const state = {
      version: 1 as const,
      mnemonic: TEST_MNEMONIC,
      phoneName: 'My phone',
      backedUp: true,
      desktops: [pairedDesktop()],
      answered: [],
    };
    const vault = await PhoneVault.create('123456', state, { indexedDB });
    const revoked = { ...pairedDesktop(), status: 'revoked' as const, resumePsk: '', phoneStaticPrivate: '' };
    await expect(vault.save({ ...state, desktops: [revoked] })).rejects.toThrow();

    await revocationSafeStore(vault).save({ ...state, desktops: [revoked] });
    const reopened = await PhoneVault.unlock('123456', { indexedDB });
    expect(reopened.state.desktops[0]).toMatchObject({
      status: 'revoked',
      resumePsk: '0'.repeat(64),
      phoneStaticPrivate: '0'.repeat(64),
    });
  });

  it('leaves active desktops untouched', async () => {
    const saved: unknown[] = [];
    const state = {
      version: 1 as const,
      mnemonic: TEST_MNEMONIC,
      phoneName: 'My phone',
      backedUp: true,
      desktops: [pairedDesktop()],
      answered: [],
    };
    await revocationSafeStore({ state, save: async (next) => void saved.push(next) }).save(state);
    expect(saved).toEqual([state]);
  });
});
