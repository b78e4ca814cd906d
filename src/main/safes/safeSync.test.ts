import type { Database } from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncValue } from '../../shared/sync/syncOps';
import { testOwners } from '../../../test/safes/safeKeys';
import { must, RECIPIENT, SAFE, safeState, sendFields } from '../../../test/safes/safeRows';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { SafeTxFields } from '../../shared/safes';
import { type SafeSyncCollection, safeSyncCollections } from './safeSync';
import { SafesRepository } from './safesRepository';
import { SafeTransactionsRepository } from './safeTransactionsRepository';
import { safeTxHash } from './safeTxHash';

const [owner1, owner2, stranger] = testOwners(3) as [
  ReturnType<typeof testOwners>[0],
  ReturnType<typeof testOwners>[0],
  ReturnType<typeof testOwners>[0],
];
const SENT = `0x${'5e'.repeat(32)}`;

/** One desktop: its store and its two synced collections. */
function desktop(temp: { db: Database }) {
  const safes = new SafesRepository(temp.db);
  const transactions = new SafeTransactionsRepository(temp.db);
  const changes = { count: 0 };
  const [safesCollection, txCollection] = safeSyncCollections({
    safes,
    transactions,
    names: () => ({ symbolOf: () => null, nameOf: () => null }),
    onSafesChanged: () => (changes.count += 1),
    now: () => 5000,
  }) as [SafeSyncCollection, SafeSyncCollection];
  return { safes, transactions, changes, safesCollection, txCollection };
}

function propose(side: ReturnType<typeof desktop>, fields: SafeTxFields, signer = owner1) {
  const safe = must(side.safes.byAddress(1, SAFE), 'the Safe');
  const hash = safeTxHash(1, SAFE, fields);
  const tx = side.transactions.add(
    { safeId: safe.id, safeTxHash: hash, fields, kind: 'send', summary: 'Send 0.05 ETH', warnings: [] },
    1000,
    [
      {
        owner: signer.address,
        signature: signer.signHash(hash),
        signer: { kind: 'ledger', label: 'Nano X', fingerprint: 'ledger:4f2a9c' },
        mode: 'clear',
        signedAt: 900,
      },
    ],
  );
  return { hash, tx, key: `${SAFE}/1/${hash}` };
}

/** Applies records in the order the sync inbox does: by key. */
function apply(collection: SafeSyncCollection, records: Map<string, Record<string, SyncValue> | null>) {
  for (const key of [...records.keys()].toSorted()) collection.write(key, records.get(key) ?? null);
  collection.announce();
}

describe('safe sync', () => {
  const tempA = useTempDatabase('safe-sync-a-');
  const tempB = useTempDatabase('safe-sync-b-');
  let a: ReturnType<typeof desktop>;
  let b: ReturnType<typeof desktop>;

  beforeEach(() => {
    a = desktop(tempA);
    b = desktop(tempB);
    a.safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null });
  });

  it('carries a Safe and its pending transaction to another desktop, which then has nothing to echo', () => {
    const { hash, key } = propose(a, sendFields(0));
    const safes = a.safesCollection.snapshot();
    const transactions = a.txCollection.snapshot();
    expect(safes).toEqual(new Map([[`${SAFE}/1`, { name: 'Vault' }]]));
    // The transaction's key sorts right after its Safe's, so a blob with both adds the Safe first.
    expect([`${SAFE}/1`, key].toSorted()).toEqual([`${SAFE}/1`, key]);

    apply(b.safesCollection, safes);
    apply(b.txCollection, transactions);

    expect(b.safes.byAddress(1, SAFE)).toMatchObject({ name: 'Vault', status: 'ready', state: null });
    const copy = must(b.transactions.byHash(hash), 'the copy');
    // Its Safe was never read here: it is described as a plain call until it is.
    expect(copy).toMatchObject({ fields: sendFields(0), kind: 'call', status: 'collecting' });
    expect(copy.summary).toBe(`Safe transaction ${hash.slice(0, 10)}…`);
    expect(b.transactions.confirmations(copy.id)).toEqual(
      a.transactions.confirmations(must(a.transactions.byHash(hash)).id),
    );
    expect(b.safesCollection.snapshot()).toEqual(safes);
    expect(b.txCollection.snapshot()).toEqual(transactions);
    expect(b.changes.count).toBe(2);
  });

  it('merges signatures two desktops collected, one field per owner, and marks it ready at the threshold', () => {
    b.safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null });
    const { id } = must(b.safes.byAddress(1, SAFE));
    b.safes.setState(id, safeState([owner1.address, owner2.address], 2), { status: 'ready', error: null });
    const { key, hash } = propose(a, sendFields(0), owner1);
    propose(b, sendFields(0), owner2);
    const fromA = must(a.txCollection.snapshot().get(key));
    const fromB = must(b.txCollection.snapshot().get(key));
    expect(Object.keys(fromA).filter((field) => field.startsWith('c'))).toHaveLength(1);

    apply(b.txCollection, new Map([[key, { ...fromB, ...fromA }]]));

    const merged = must(b.transactions.byHash(hash));
    expect(
      b.transactions
        .confirmations(merged.id)
        .map((c) => c.owner)
        .toSorted(),
    ).toEqual([owner1.address, owner2.address].toSorted());
    expect(merged.status).toBe('ready');
  });

  it('sends call data longer than one synced value as chunks, and every value fits a sync op', () => {
    const data = `0x${'ab'.repeat(10_000)}`;
    const { hash } = propose(a, sendFields(1, '0', data));
    const record = must([...a.txCollection.snapshot().values()][0]);
    // 20,002 characters: five full chunks of 4,000 and the last two.
    expect((record.data as string[]).map((chunk) => chunk.length)).toEqual([4000, 4000, 4000, 4000, 4000, 2]);
    for (const value of Object.values(record)) expect(SyncValue.safeParse(value).success).toBe(true);
    apply(b.safesCollection, a.safesCollection.snapshot());
    apply(b.txCollection, a.txCollection.snapshot());
    expect(b.transactions.byHash(hash)?.fields.data).toBe(data);
  });

  describe('refuses in words, and stores nothing of', () => {
    let key: string;
    let hash: string;
    let record: Record<string, SyncValue>;
    beforeEach(() => {
      b.safes.add({ chainId: 1, address: SAFE, name: 'Vault', deployment: null });
      ({ key, hash } = propose(a, sendFields(0)));
      record = must(a.txCollection.snapshot().get(key));
    });
    const refused = (change: Record<string, SyncValue>, message: RegExp) => {
      expect(() => b.txCollection.write(key, { ...record, ...change })).toThrow(message);
      expect(b.transactions.list()).toEqual([]);
    };

    it('a tampered inner call', () =>
      refused({ to: stranger.address }, /do not give its Safe transaction hash/));
    it('a changed amount', () => refused({ value: '50000000000000001' }, /tampered/));
    it('a signature by another key', () => {
      const field = must(Object.keys(record).find((name) => name.startsWith('c')));
      const forged = stranger.signHash(hash);
      const [owner = null, , , , ...rest] = record[field] as (string | number | null)[];
      refused(
        { [field]: [owner, forged.r, forged.s, forged.yParity, ...rest] },
        /not made by that owner's key/,
      );
    });
    it("a confirmation filed under another owner's field", () => {
      const field = must(Object.keys(record).find((name) => name.startsWith('c')));
      refused({ [field]: null, [`c${'0'.repeat(39)}`]: record[field] ?? null }, /filed under another owner/);
    });
    it('a sent transaction without the transaction that carries it', () =>
      refused({ status: 'executed', execution: null }, /status is not valid/));
    it('a transaction of a Safe this desktop does not follow', () => {
      b.safes.remove(must(b.safes.byAddress(1, SAFE)).id);
      refused({}, /does not follow/);
    });
  });

  it('moves the status only forward, keeping the execution another desktop sent', () => {
    const { key, hash } = propose(a, sendFields(0));
    apply(b.safesCollection, a.safesCollection.snapshot());
    const record = must(a.txCollection.snapshot().get(key));
    apply(b.txCollection, new Map([[key, { ...record, status: 'executing', execution: [SENT, RECIPIENT] }]]));
    expect(b.transactions.byHash(hash)).toMatchObject({
      status: 'executing',
      execution: { hash: SENT, by: RECIPIENT, outgoingId: null },
    });
    apply(b.txCollection, new Map([[key, { ...record, status: 'executed', execution: [SENT, RECIPIENT] }]]));
    apply(b.txCollection, new Map([[key, { ...record, status: 'open', execution: null }]]));
    expect(b.transactions.byHash(hash)).toMatchObject({ status: 'executed', execution: { hash: SENT } });
  });

  it('follows a removal: a discarded transaction, then a removed Safe', () => {
    const { key, hash } = propose(a, sendFields(0));
    apply(b.safesCollection, a.safesCollection.snapshot());
    apply(b.txCollection, a.txCollection.snapshot());
    b.changes.count = 0;
    apply(b.txCollection, new Map([[key, null]]));
    expect(b.transactions.byHash(hash)).toBeNull();
    apply(b.safesCollection, new Map([[`${SAFE}/1`, null]]));
    expect(b.safes.list()).toEqual([]);
    // Removing what is already gone changes nothing, and nobody is told.
    apply(b.safesCollection, new Map([[`${SAFE}/1`, null]]));
    expect(b.changes.count).toBe(2);
  });

  it('refuses a Safe record with a bad address or name', () => {
    expect(() => b.safesCollection.write(`0x1234/1`, { name: 'Vault' })).toThrow(/Safe address is not valid/);
    expect(() => b.safesCollection.write(`${SAFE}/1`, { name: '' })).toThrow(/name is not valid/);
    expect(() => b.safesCollection.write(`${SAFE}/0`, { name: 'Vault' })).toThrow(/network is not valid/);
    expect(b.safes.list()).toEqual([]);
    expect(() => b.txCollection.write(`${SAFE}/1/0x${'0'.repeat(64)}/x`, {})).toThrow(/its key is not/);
  });
});
