import { describe, expect, it, vi } from 'vitest';
import { safeState, sendFields } from '../../../test/safes/safeRows';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { EventName } from '../../shared/api/contract';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import { toChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { safeTxHash } from './safeTxHash';
import { SafesRepository } from './safesRepository';
import { SafesService } from './safesService';
import { SafeTransactionsRepository } from './safeTransactionsRepository';

const temp = useTempDatabase('safes-service-');
const LEDGER = toChecksumAddress('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
const STRANGER = toChecksumAddress('0x4444444444444444444444444444444444444444');

/**
 * The service over a real store, with no chain: what it does without reading one. Reading, signing and
 * executing on a chain are the flows' (test/safes/*.flow.test.ts).
 */
function harness() {
  const repositories = createRepositories(temp.db);
  const safes = new SafesRepository(temp.db);
  const transactions = new SafeTransactionsRepository(temp.db);
  const events = createEventHub();
  const emitted: EventName[] = [];
  events.subscribe((name) => emitted.push(name));
  const onEdited = vi.fn();
  const service = new SafesService({
    safes,
    transactions,
    accounts: repositories.accounts,
    deviceName: () => null,
    connection: () => Promise.reject(new Error('this test reads no chain')),
    tx: {
      review: () => Promise.reject(new Error('this test sends nothing')),
      send: () => Promise.reject(new Error('this test sends nothing')),
    },
    signers: { signSafeTransaction: () => Promise.reject(new Error('this test signs nothing')) },
    tokens: () => undefined,
    nameOf: (address) => (address === LEDGER ? 'Ledger main' : null),
    nativeOf: () => ({ symbol: 'ETH', decimals: 18 }),
    events,
    log: createLogger('safes', () => {}),
    onEdited,
    now: () => 1_000,
  });
  // A watch-only account: owners are matched by address, whatever signs for them.
  repositories.accounts.add({
    signer: 'watch',
    deviceFingerprint: null,
    derivationScheme: null,
    derivationPath: null,
    address: LEDGER,
    label: 'Ledger main',
  });
  const row = safes.add(
    { chainId: 1, address: safeState([], 1).address, name: 'Vault', deployment: null },
    1,
  );
  const state = safeState([LEDGER, STRANGER], 2);
  safes.setState(row.id, state, { status: 'ready', error: null }, 2);
  const propose = (nonce: number) => {
    const fields = sendFields(nonce);
    const hash = safeTxHash(1, state.address, fields);
    return transactions.add({
      safeId: row.id,
      safeTxHash: hash,
      fields,
      kind: 'call',
      summary: 'x',
      warnings: [],
    });
  };
  return { service, safes, transactions, emitted, onEdited, safe: row, propose };
}

describe('SafesService without a chain', () => {
  it('lists the Safes with their owners matched, and describes each transaction as it reads now', () => {
    const h = harness();
    const tx = h.propose(0);
    const view = h.service.view();
    expect(view.safes[0]?.owners.map((owner) => owner.account?.label ?? null)).toEqual(['Ledger main', null]);
    expect(view.transactions).toEqual([
      expect.objectContaining({
        id: tx.id,
        kind: 'send',
        summary: expect.stringMatching(/^Send 0\.05 ETH to /),
        threshold: 2,
        confirmations: [],
        simulation: expect.objectContaining({ ok: false }),
      }),
    ]);
  });

  it('discards a transaction not sent, refuses one in flight, and tells the screens and sync', () => {
    const h = harness();
    const open = h.propose(0);
    const sent = h.propose(1);
    h.transactions.setStatus(sent.id, 'executing', {
      execution: { hash: `0x${'ee'.repeat(32)}`, by: LEDGER, outgoingId: null },
    });
    expect(() => h.service.discard({ id: sent.id })).toThrow(/was sent; wait until it is included/);
    expect(h.service.discard({ id: open.id }).transactions.map((tx) => tx.id)).toEqual([sent.id]);
    expect(h.emitted).toEqual(['safes.changed']);
    expect(h.onEdited).toHaveBeenCalledOnce();
    expect(() => h.service.discard({ id: open.id })).toThrow(
      'That Safe transaction is no longer in the wallet.',
    );
  });

  it('stops following a Safe, with its transactions, and says so when it is already gone', () => {
    const h = harness();
    h.propose(0);
    expect(h.service.remove({ id: h.safe.id })).toEqual({ safes: [], transactions: [] });
    expect(() => h.service.remove({ id: h.safe.id })).toThrow('That Safe is no longer in the wallet.');
  });

  it('has nothing to follow, and says nothing, when no Safe is being created or executed', async () => {
    const h = harness();
    h.propose(0);
    await h.service.track();
    expect(h.emitted).toEqual([]);
  });
});
