import { describe, expect, it } from 'vitest';
import { safeState, SAFE } from '../../../test/safes/safeRows';
import { testOwners } from '../../../test/safes/safeKeys';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { StoreError } from '../store/storeError';
import { SafesRepository } from './safesRepository';
import { SafeTransactionsRepository } from './safeTransactionsRepository';
import { sendFields } from '../../../test/safes/safeRows';

const DEPLOYMENT = `0x${'ab'.repeat(32)}`;

describe('SafesRepository', () => {
  const temp = useTempDatabase('safes-');

  it('adds a Safe it is creating as deploying, and keeps its on-chain state across a restart', () => {
    const safes = new SafesRepository(temp.db);
    const added = safes.add(
      {
        chainId: 1,
        address: SAFE,
        name: ' Family vault ',
        deployment: { hash: DEPLOYMENT, outgoingId: null },
      },
      1000,
    );
    expect(added).toMatchObject({ status: 'deploying', name: 'Family vault', state: null, readAt: null });
    const owners = testOwners(2).map((owner) => owner.address);
    const state = safeState(owners, 2, { balance: 2n ** 70n });
    safes.setState(added.id, state, { status: 'ready', error: null }, 2000);

    const reopened = new SafesRepository(temp.reopen());
    const read = reopened.byAddress(1, SAFE);
    expect(read).toMatchObject({ status: 'ready', readAt: 2000, updatedAt: 2000, error: null });
    expect(read?.deployment).toEqual({ hash: DEPLOYMENT, outgoingId: null });
    // Amounts beyond 2^53 survive the JSON column exactly.
    expect(read?.state).toEqual(state);
    expect(reopened.byAddress(10, SAFE)).toBeNull();
  });

  it('follows a Safe once per network, and says so in words', () => {
    const safes = new SafesRepository(temp.db);
    safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null });
    safes.add({ chainId: 10, address: SAFE, name: 'Vault on OP', deployment: null });
    expect(() => safes.add({ chainId: 1, address: SAFE, name: 'Again', deployment: null })).toThrow(
      /already follows the Safe/,
    );
    expect(safes.list().map((safe) => [safe.name, safe.status])).toEqual([
      ['Vault', 'ready'],
      ['Vault on OP', 'ready'],
    ]);
  });

  it('refuses names that are blank or too long, and renames in place', () => {
    const safes = new SafesRepository(temp.db);
    const { id } = safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null }, 10);
    expect(() => safes.rename(id, '   ')).toThrow(StoreError);
    expect(() => safes.rename(id, 'x'.repeat(41))).toThrow(/1 to 40 characters/);
    expect(safes.rename(id, 'Savings', 20)).toMatchObject({ id, name: 'Savings', updatedAt: 20 });
    expect(() => safes.rename(id + 1, 'Nothing')).toThrow(/no longer in the wallet/);
  });

  it('keeps why a read failed, and forgets the old state with it', () => {
    const safes = new SafesRepository(temp.db);
    const { id } = safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null }, 10);
    safes.setState(id, safeState([SAFE], 1), { status: 'ready', error: null }, 20);
    const failed = safes.setState(id, null, { status: 'ready', error: 'The RPC node did not answer.' }, 30);
    expect(failed).toMatchObject({ state: null, readAt: null, error: 'The RPC node did not answer.' });
  });

  it('removes a Safe with its transactions and their confirmations', () => {
    const safes = new SafesRepository(temp.db);
    const transactions = new SafeTransactionsRepository(temp.db);
    const { id } = safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null });
    const tx = transactions.add({
      safeId: id,
      safeTxHash: `0x${'01'.repeat(32)}`,
      fields: sendFields(0),
      kind: 'send',
      summary: 'Send 0.05 ETH',
      warnings: [],
    });
    expect(safes.remove(id)).toBe(true);
    expect(safes.remove(id)).toBe(false);
    expect(transactions.get(tx.id)).toBeNull();
    expect(temp.db.prepare('SELECT count(*) AS n FROM safe_confirmations').get()).toEqual({ n: 0 });
  });
});
