import { describe, expect, it } from 'vitest';
import { testOwners } from '../../../test/safes/safeKeys';
import { RECIPIENT, SAFE, sendFields } from '../../../test/safes/safeRows';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { SafesRepository } from './safesRepository';
import {
  type NewSafeTx,
  type SafeConfirmation,
  SafeTransactionsRepository,
} from './safeTransactionsRepository';

const HASH_A = `0x${'0a'.repeat(32)}`;
const HASH_B = `0x${'0b'.repeat(32)}`;
const SENT = `0x${'5e'.repeat(32)}`;
const [owner1, owner2] = testOwners(2) as [
  ReturnType<typeof testOwners>[0],
  ReturnType<typeof testOwners>[0],
];

function confirmation(owner: typeof owner1, hash: string, signedAt: number): SafeConfirmation {
  return {
    owner: owner.address,
    signature: owner.signHash(hash),
    signer: { kind: 'ledger', label: 'Nano X', fingerprint: 'ledger:4f2a9c' },
    mode: 'clear',
    signedAt,
  };
}

describe('SafeTransactionsRepository', () => {
  const temp = useTempDatabase('safe-transactions-');

  function setup() {
    const safes = new SafesRepository(temp.db);
    const safe = safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null });
    const send: NewSafeTx = {
      safeId: safe.id,
      safeTxHash: HASH_A,
      fields: sendFields(0),
      kind: 'send',
      summary: 'Send',
      warnings: [],
    };
    return { safes, safe, send, transactions: new SafeTransactionsRepository(temp.db) };
  }

  it('stores a transaction with its first confirmation, and both survive a restart', () => {
    const { safe, transactions } = setup();
    const fields = sendFields(3, '12345678901234567890123');
    const first = confirmation(owner1, HASH_A, 500);
    const added = transactions.add(
      { safeId: safe.id, safeTxHash: HASH_A, fields, kind: 'send', summary: 'Send', warnings: ['Careful'] },
      1000,
      [first],
    );
    expect(added).toMatchObject({ status: 'collecting', execution: null, createdAt: 1000, updatedAt: 1000 });

    const reopened = new SafeTransactionsRepository(temp.reopen());
    expect(reopened.byHash(HASH_A.toUpperCase().replace('0X', '0x'))).toEqual(added);
    expect(reopened.get(added.id)?.fields).toEqual(fields);
    expect(reopened.get(added.id)?.warnings).toEqual(['Careful']);
    expect(reopened.confirmations(added.id)).toEqual([first]);
  });

  it('keeps one confirmation per owner: a second from the same owner is ignored', () => {
    const { send, transactions } = setup();
    const { id } = transactions.add(send);
    expect(transactions.addConfirmation(id, confirmation(owner1, HASH_A, 1))).toBe(true);
    expect(transactions.addConfirmation(id, { ...confirmation(owner1, HASH_A, 2), mode: 'hashed' })).toBe(
      false,
    );
    expect(transactions.addConfirmation(id, confirmation(owner2, HASH_A, 3))).toBe(true);
    expect(transactions.confirmations(id).map((c) => [c.owner, c.signedAt, c.mode])).toEqual([
      [owner1.address, 1, 'clear'],
      [owner2.address, 3, 'clear'],
    ]);
  });

  it('stores r and s as full words, whatever leading zeros the signer dropped', () => {
    const { send, transactions } = setup();
    const { id } = transactions.add(send);
    const short = {
      ...confirmation(owner1, HASH_A, 1),
      signature: { r: '0xAB', s: `0x${'1'.repeat(64)}`, yParity: 1 as const },
    };
    transactions.addConfirmation(id, short);
    expect(transactions.confirmations(id)[0]?.signature).toEqual({
      r: `0x${'0'.repeat(62)}ab`,
      s: `0x${'1'.repeat(64)}`,
      yParity: 1,
    });
    expect(() =>
      transactions.addConfirmation(id, { ...short, signature: { r: 'ab', s: '0x1', yParity: 0 } }),
    ).toThrow(/signature part/);
  });

  it('lists newest first, and per Safe by nonce', () => {
    const { safe, send, transactions } = setup();
    transactions.add({ ...send, safeTxHash: HASH_A, fields: sendFields(5) }, 100);
    transactions.add({ ...send, safeTxHash: HASH_B, fields: sendFields(4) }, 200);
    expect(transactions.list().map((tx) => tx.safeTxHash)).toEqual([HASH_B, HASH_A]);
    expect(transactions.forSafe(safe.id).map((tx) => tx.fields.nonce)).toEqual([4, 5]);
    expect(transactions.forSafe(safe.id + 1)).toEqual([]);
  });

  it('records the execution with its status, and finds it by the sending transaction on its chain', () => {
    const { send, transactions } = setup();
    const { id } = transactions.add(send);
    expect(() => transactions.setStatus(id, 'executing')).toThrow(/needs the hash it was sent in/);
    const execution = { hash: SENT, by: RECIPIENT, outgoingId: null };
    expect(transactions.setStatus(id, 'executing', { execution }, 10)).toMatchObject({
      status: 'executing',
      execution,
    });
    // The execution stays when only the status moves on.
    expect(transactions.setStatus(id, 'executed', {}, 20)).toMatchObject({ status: 'executed', execution });
    expect(transactions.byExecutionHash(1, SENT)?.id).toBe(id);
    expect(transactions.byExecutionHash(10, SENT)).toBeNull();
    expect(() => transactions.setStatus(id + 1, 'ready')).toThrow(/no longer in the wallet/);
  });

  it('refuses a transaction for a Safe that is gone, and a hash it already has', () => {
    const { safe, send, transactions } = setup();
    transactions.add(send);
    expect(() => transactions.add(send)).toThrow();
    expect(() => transactions.add({ ...send, safeId: safe.id + 1, safeTxHash: HASH_B })).toThrow(
      /no longer follows/,
    );
    // Nothing of the refused writes stayed behind.
    expect(transactions.list()).toHaveLength(1);
  });

  it('discards a transaction with its confirmations', () => {
    const { send, transactions } = setup();
    const { id } = transactions.add(send, 1, [confirmation(owner1, HASH_A, 1)]);
    expect(transactions.remove(id)).toBe(true);
    expect(transactions.confirmations(id)).toEqual([]);
    expect(transactions.remove(id)).toBe(false);
  });
});
