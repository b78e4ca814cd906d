import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { OutgoingRepository } from './outgoingRepository';

const temp = useTempDatabase('outgoing-repo-');
const SENDER = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const hash = (n: number) => `0x${n.toString(16).padStart(64, '0')}`;

describe('OutgoingRepository', () => {
  it('stores a transaction as signed first, and lists what is still open', () => {
    const repository = new OutgoingRepository(temp.db);
    const first = repository.add(
      {
        address: SENDER,
        chainId: 1,
        nonce: 0,
        hash: hash(1).toUpperCase().replace('0X', '0x'),
        raw: '0x02',
        purpose: 'send',
        replaces: null,
      },
      1_000,
    );
    expect(first).toMatchObject({ status: 'signed', hash: hash(1), createdAt: 1_000, blockNumber: null });
    const second = repository.add({
      address: SENDER,
      chainId: 1,
      nonce: 0,
      hash: hash(2),
      raw: '0x02',
      purpose: 'speed-up',
      replaces: first.id,
    });

    repository.setStatus(first.id, 'pending');
    expect(repository.open().map((row) => row.id)).toEqual([first.id, second.id]);
    repository.setStatus(first.id, 'replaced', { reason: `Replaced by ${hash(2)}.` });
    repository.setStatus(second.id, 'included', { blockNumber: 12 });
    expect(repository.open()).toEqual([]);
    expect(repository.forSender(SENDER, 1).map((row) => [row.status, row.blockNumber, row.reason])).toEqual([
      ['replaced', null, `Replaced by ${hash(2)}.`],
      ['included', 12, null],
    ]);
  });

  it('refuses the same hash twice: a transaction is stored once', () => {
    const repository = new OutgoingRepository(temp.db);
    const row = {
      address: SENDER,
      chainId: 1,
      nonce: 3,
      hash: hash(9),
      raw: '0x02',
      purpose: 'send' as const,
      replaces: null,
    };
    repository.add(row);
    expect(() => repository.add(row)).toThrow(
      expect.objectContaining({ code: 'conflict', message: 'This transaction is already recorded.' }),
    );
  });
});
