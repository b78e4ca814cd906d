import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { parseEther } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafeTransactionsRepository } from '../../src/main/safes/safeTransactionsRepository';
import { safeTxHash } from '../../src/main/safes/safeTxHash';
import { openDatabase } from '../../src/main/store/database';
import type { SafeTxView, SafeView } from '../../src/shared/safes';
import { fixtureAddress } from '../anvil/chainSetup';
import { CallFailed } from '../walletconnect/coreHarness';
import { testOwner } from './safeKeys';
import {
  bothSign,
  createSafe,
  LEDGER_MAIN,
  proposeSend,
  refreshed,
  sentCount,
  useSafeWorld,
} from './safeFlowHarness';

const RECIPIENT = fixtureAddress('safe-refusals', 'recipient');

/**
 * Done when, refusals (issue 20): a non-owner's signature, a stale nonce and a tampered inner call are each
 * refused by `safes.execute` before anything is sent. The store is changed behind the service's back through
 * the same SQLite file, as a damaged disk, a bug or another program could.
 */
describe('executing a Safe transaction that must not go through', () => {
  const world = useSafeWorld('refusals');
  let safe: SafeView;
  /** A second connection to the desktop's database. */
  let db: Database;
  let store: SafeTransactionsRepository;

  beforeAll(async () => {
    safe = await createSafe(world, { name: 'Refusals', fund: parseEther('1') });
    db = openDatabase(join(world.dataDir, 'wallet.sqlite'));
    store = new SafeTransactionsRepository(db);
  }, 60_000);
  afterAll(() => db?.close());

  /** Executing is refused with `words`, and neither the executor nor the Safe has moved on chain. */
  async function refusedBeforeSending(tx: SafeTxView, words: string): Promise<void> {
    const executorNonce = await sentCount(world, LEDGER_MAIN);
    const safeNonce = (await refreshed(world, safe.id)).nonce;
    const executing = world.desktop.call('safes.execute', { id: tx.id, executorAccountId: world.ledgerId });
    await expect(executing).rejects.toBeInstanceOf(CallFailed);
    await expect(executing).rejects.toMatchObject({ failure: { message: expect.stringContaining(words) } });
    expect(await sentCount(world, LEDGER_MAIN)).toBe(executorNonce);
    expect((await refreshed(world, safe.id)).nonce).toBe(safeNonce);
    const kept = (await world.desktop.call('safes.view')).transactions.find((entry) => entry.id === tx.id);
    expect(kept?.execution).toBeNull();
  }

  it('refuses a signature from a key that is not an owner, even with enough signatures counted', async () => {
    const tx = await proposeSend(world, safe.id, RECIPIENT, '0.01');
    await world.desktop.call('safes.confirm', { id: tx.id, accountId: world.ledgerId });
    const stranger = testOwner(9);
    store.addConfirmation(tx.id, {
      owner: stranger.address,
      signature: stranger.signHash(tx.safeTxHash),
      signer: { kind: 'other', label: 'Another desktop', fingerprint: null },
      mode: 'hashed',
      signedAt: Date.now(),
    });
    await refusedBeforeSending(tx, `${stranger.address} is not an owner of this Safe`);
    await world.desktop.call('safes.discard', { id: tx.id });
  });

  it('refuses a transaction whose inner call was changed after both owners signed it', async () => {
    const tx = await proposeSend(world, safe.id, RECIPIENT, '0.01');
    expect((await bothSign(world, tx.id)).status).toBe('ready');
    db.prepare(`UPDATE safe_transactions SET fields = json_set(fields, '$.value', ?) WHERE id = ?`).run(
      parseEther('0.9').toString(),
      tx.id,
    );
    await refusedBeforeSending(tx, 'its fields no longer match the Safe transaction hash the owners signed');
    db.prepare(`UPDATE safe_transactions SET fields = json_set(fields, '$.to', ?) WHERE id = ?`).run(
      fixtureAddress('safe-refusals', 'thief'),
      tx.id,
    );
    await refusedBeforeSending(tx, 'its fields no longer match the Safe transaction hash the owners signed');
    await world.desktop.call('safes.discard', { id: tx.id });
  });

  it('refuses a transaction whose nonce another Safe transaction used first', async () => {
    const first = await proposeSend(world, safe.id, RECIPIENT, '0.01');
    // A rival at the same nonce, as another desktop could have proposed it.
    const fields = { ...first.tx, value: parseEther('0.02').toString() };
    const rival = store.add({
      safeId: safe.id,
      safeTxHash: safeTxHash(safe.chainId, safe.address, fields),
      fields,
      kind: 'send',
      summary: 'Send 0.02 ETH',
      warnings: [],
    });
    expect(rival.fields.nonce).toBe(first.tx.nonce);
    await bothSign(world, first.id);
    await bothSign(world, rival.id);
    await world.desktop.call('safes.execute', { id: rival.id, executorAccountId: world.ledgerId });
    expect((await refreshed(world, safe.id)).nonce).toBe(first.tx.nonce + 1);
    await refusedBeforeSending(first, `Nonce ${first.tx.nonce} was already used`);
  });
});
