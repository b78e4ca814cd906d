import { describe, expect, it } from 'vitest';
import { ALICE, watchAccount } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { AccountsRepository } from './accountsRepository';
import { ChainCursorsRepository } from './chainCursorsRepository';

const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

describe('ChainCursorsRepository', () => {
  const temp = useTempDatabase();

  it('keeps one cursor per account, chain, kind and provider, and moves it both ways', () => {
    const { id: accountId } = new AccountsRepository(temp.db).add(watchAccount(ALICE));
    const cursors = new ChainCursorsRepository(temp.db);
    const key = { accountId, chainId: 1, kind: 'history', provider: 'rpc' };
    cursors.save({ ...key, blockNumber: 100, blockHash: hash(100) }, 1);
    cursors.save({ ...key, kind: 'tokens', blockNumber: 90, blockHash: hash(90) }, 1);
    cursors.save({ ...key, blockNumber: 95, blockHash: hash(95) }, 2); // back, after a reorg
    const reopened = new ChainCursorsRepository(temp.reopen());
    expect(reopened.get(key)).toEqual({ ...key, blockNumber: 95, blockHash: hash(95), updatedAt: 2 });
    expect(reopened.forAccount(accountId).map((c) => c.kind)).toEqual(['history', 'tokens']);
  });

  it('refuses a cursor for an unknown account or with a malformed hash', () => {
    const cursors = new ChainCursorsRepository(temp.db);
    const cursor = {
      accountId: 42,
      chainId: 1,
      kind: 'history',
      provider: 'rpc',
      blockNumber: 1,
      blockHash: hash(1),
    };
    expect(() => cursors.save(cursor)).toThrow(/account does not exist/);
    const { id } = new AccountsRepository(temp.db).add(watchAccount(ALICE));
    expect(() => cursors.save({ ...cursor, accountId: id, blockHash: '0x12' })).toThrow(/64 hexadecimal/);
    expect(() => cursors.save({ ...cursor, accountId: id, kind: 'History!' })).toThrow(/lowercase word/);
  });

  it('drops an account’s cursors with the account, and forgets a stream on request', () => {
    const accounts = new AccountsRepository(temp.db);
    const { id: accountId } = accounts.add(watchAccount(ALICE));
    const cursors = new ChainCursorsRepository(temp.db);
    const key = { accountId, chainId: 10, kind: 'history', provider: 'rpc' };
    cursors.save({ ...key, blockNumber: 1, blockHash: hash(1) });
    cursors.remove(key);
    expect(() => cursors.remove(key)).toThrow(expect.objectContaining({ code: 'not_found' }));
    cursors.save({ ...key, blockNumber: 1, blockHash: hash(1) });
    accounts.remove(accountId);
    expect(cursors.forAccount(accountId)).toEqual([]);
  });
});
