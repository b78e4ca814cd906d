import { describe, expect, it, vi } from 'vitest';
import { ALICE, BOB } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { createEventHub } from '../api/events';
import { AccountsRepository } from '../store/accountsRepository';
import { AccountsService } from './accountsService';

describe('AccountsService', () => {
  const temp = useTempDatabase('accounts-');

  function accounts() {
    const events = createEventHub();
    const announced: unknown[] = [];
    events.subscribe((name, payload) => name === 'accounts.changed' && announced.push(payload));
    const onAccountsChanged = vi.fn();
    const repository = new AccountsRepository(temp.db);
    return {
      service: new AccountsService({ accounts: repository, events, onAccountsChanged }),
      announced,
      onAccountsChanged,
    };
  }

  it('adds a watch-only account under its checksum address, announces the list and reads its balances', () => {
    const { service, announced, onAccountsChanged } = accounts();
    const added = service.addWatch({ address: ALICE.toLowerCase(), label: 'Cold' });
    expect(added).toMatchObject({ signer: 'watch', address: ALICE, label: 'Cold', derivationPath: null });
    expect(service.list()).toEqual([added]);
    expect(announced).toEqual([[added]]);
    expect(onAccountsChanged).toHaveBeenCalledOnce();
  });

  it('refuses the same address twice and keeps the first', () => {
    const { service, announced } = accounts();
    const first = service.addWatch({ address: ALICE, label: 'Cold' });
    expect(() => service.addWatch({ address: ALICE, label: 'Again' })).toThrow();
    expect(service.list()).toEqual([first]);
    expect(announced).toHaveLength(1);
  });

  it('names an unnamed watch account "Watch N" and refuses a name another account has', () => {
    const { service } = accounts();
    expect(service.addWatch({ address: ALICE, label: '' }).label).toBe('Watch 1');
    expect(() => service.addWatch({ address: BOB, label: 'watch 1' })).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: 'Another account is already named “watch 1”. Pick a different name.',
      }),
    );
    expect(service.addWatch({ address: BOB, label: '' }).label).toBe('Watch 2');
  });

  it('renames an account to a trimmed name and announces the list, without reading balances again', () => {
    const { service, announced, onAccountsChanged } = accounts();
    const { id } = service.addWatch({ address: ALICE, label: 'Cold' });
    const renamed = service.rename({ accountId: id, label: 'Savings' });
    expect(renamed).toMatchObject({ id, label: 'Savings' });
    expect(service.list()).toEqual([renamed]);
    expect(announced.at(-1)).toEqual([renamed]);
    expect(onAccountsChanged).toHaveBeenCalledOnce();
  });

  it('refuses a name another account has, whatever its case, and keeps both names', () => {
    const { service, announced } = accounts();
    const first = service.addWatch({ address: ALICE, label: 'Cold' });
    const second = service.addWatch({ address: BOB, label: 'Hot' });
    expect(() => service.rename({ accountId: second.id, label: 'cold' })).toThrow(
      expect.objectContaining({
        code: 'conflict',
        message: 'Another account is already named “cold”. Pick a different name.',
      }),
    );
    expect(service.list()).toEqual([first, second]);
    expect(announced).toHaveLength(2);
    // An account may keep its own name, or change only its case.
    expect(service.rename({ accountId: first.id, label: 'COLD' }).label).toBe('COLD');
  });

  it('refuses to rename an account that is not there', () => {
    const { service } = accounts();
    expect(() => service.rename({ accountId: 9, label: 'Ghost' })).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });

  it('removes an account and announces what is left', () => {
    const { service, announced, onAccountsChanged } = accounts();
    const { id } = service.addWatch({ address: ALICE, label: '' });
    service.remove(id);
    expect(service.list()).toEqual([]);
    expect(announced.at(-1)).toEqual([]);
    expect(onAccountsChanged).toHaveBeenCalledTimes(2);
  });
});
