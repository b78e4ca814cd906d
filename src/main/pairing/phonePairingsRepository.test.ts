import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { StoreError } from '../store/storeError';
import { createRepositories } from '../store/repositories';
import { PhonePairingsRepository, type PhonePairing } from './phonePairingsRepository';

const FP_A = 'phone:aaaa01';
const FP_B = 'phone:bbbb02';
const KEY_A = 'a'.repeat(64);
const KEY_B = 'b'.repeat(64);
const ADDRESS_A = `0x${'1'.repeat(40)}`;
const ADDRESS_B = `0x${'2'.repeat(40)}`;
const INBOX_1 = '1'.repeat(32);
const INBOX_2 = '2'.repeat(32);
const INBOX_3 = '3'.repeat(32);
const INBOX_4 = '4'.repeat(32);

describe('PhonePairingsRepository', () => {
  const temp = useTempDatabase('phone-pairings-');

  function setup(...fingerprints: string[]) {
    const repositories = createRepositories(temp.db);
    for (const fingerprint of fingerprints)
      repositories.devices.recordSeen({ fingerprint, kind: 'phone', name: 'Pixel', model: null }, 1000);
    return { repositories, pairings: new PhonePairingsRepository(temp.db) };
  }

  const A: Omit<PhonePairing, 'previousInbox'> = {
    fingerprint: FP_A,
    phoneKey: KEY_A,
    address: ADDRESS_A,
    inbox: INBOX_1,
  };
  const B: Omit<PhonePairing, 'previousInbox'> = {
    fingerprint: FP_B,
    phoneKey: KEY_B,
    address: ADDRESS_B,
    inbox: INBOX_2,
  };

  it('adds pairings and reads them back with get() and list(), also after a reopen', () => {
    const { pairings } = setup(FP_B, FP_A);
    expect(pairings.list()).toEqual([]);
    expect(pairings.get(FP_A)).toBeUndefined();
    pairings.add(B);
    pairings.add(A);
    expect(pairings.get(FP_A)).toEqual({ ...A, previousInbox: null });
    expect(pairings.list()).toEqual([
      { ...A, previousInbox: null },
      { ...B, previousInbox: null },
    ]);
    const reopened = new PhonePairingsRepository(temp.reopen());
    expect(reopened.list()).toEqual([
      { ...A, previousInbox: null },
      { ...B, previousInbox: null },
    ]);
  });

  it('refuses a pairing for a device that is not stored', () => {
    const { pairings } = setup();
    expect(() => pairings.add(A)).toThrow(expect.objectContaining({ name: 'StoreError', code: 'conflict' }));
  });

  it('refuses a second pairing for the same phone, phone key or inbox', () => {
    const { pairings } = setup(FP_A, FP_B);
    pairings.add(A);
    expect(() => pairings.add({ ...A, phoneKey: KEY_B, inbox: INBOX_2 })).toThrow(StoreError);
    expect(() => pairings.add({ ...B, phoneKey: KEY_A })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(() => pairings.add({ ...B, inbox: INBOX_1 })).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    expect(pairings.list()).toEqual([{ ...A, previousInbox: null }]);
  });

  it('rotate() makes the new inbox current and keeps the used one as previous', () => {
    const { pairings } = setup(FP_A);
    pairings.add(A);
    pairings.rotate(FP_A, INBOX_3, INBOX_1);
    expect(pairings.get(FP_A)).toEqual({ ...A, inbox: INBOX_3, previousInbox: INBOX_1 });
    // The phone never got the answer and knocked on INBOX_1 again: that one stays the fallback.
    pairings.rotate(FP_A, INBOX_4, INBOX_1);
    expect(pairings.get(FP_A)).toEqual({ ...A, inbox: INBOX_4, previousInbox: INBOX_1 });
  });

  it('byInbox() finds a pairing by its current and its previous inbox', () => {
    const { pairings } = setup(FP_A, FP_B);
    pairings.add(A);
    pairings.add(B);
    expect(pairings.byInbox(INBOX_1)?.fingerprint).toBe(FP_A);
    expect(pairings.byInbox(INBOX_2)?.fingerprint).toBe(FP_B);
    pairings.rotate(FP_A, INBOX_3, INBOX_1);
    expect(pairings.byInbox(INBOX_3)).toEqual({ ...A, inbox: INBOX_3, previousInbox: INBOX_1 });
    expect(pairings.byInbox(INBOX_1)?.fingerprint).toBe(FP_A);
    expect(pairings.byInbox(INBOX_4)).toBeUndefined();
  });

  it('forgetPrevious() closes the old inbox', () => {
    const { pairings } = setup(FP_A);
    pairings.add(A);
    pairings.rotate(FP_A, INBOX_3, INBOX_1);
    pairings.forgetPrevious(FP_A);
    expect(pairings.get(FP_A)).toEqual({ ...A, inbox: INBOX_3, previousInbox: null });
    expect(pairings.byInbox(INBOX_1)).toBeUndefined();
    expect(pairings.byInbox(INBOX_3)?.fingerprint).toBe(FP_A);
  });

  it('deleting the device deletes its pairing', () => {
    const { repositories, pairings } = setup(FP_A, FP_B);
    pairings.add(A);
    pairings.add(B);
    repositories.devices.remove(FP_A);
    expect(pairings.get(FP_A)).toBeUndefined();
    expect(pairings.byInbox(INBOX_1)).toBeUndefined();
    expect(pairings.list()).toEqual([{ ...B, previousInbox: null }]);
  });

  it('relay() is empty until setRelay(), which then upserts', () => {
    const { pairings } = setup();
    expect(pairings.relay()).toBeUndefined();
    pairings.setRelay({ host: '192.168.1.20', port: 8787 });
    expect(pairings.relay()).toEqual({ host: '192.168.1.20', port: 8787 });
    pairings.setRelay({ host: '127.0.0.1', port: 0 });
    expect(pairings.relay()).toEqual({ host: '127.0.0.1', port: 0 });
    expect(temp.db.prepare('SELECT count(*) AS n FROM relay_config').get()).toEqual({ n: 1 });
  });

  it('refuses a relay port or host out of range', () => {
    const { pairings } = setup();
    expect(() => pairings.setRelay({ host: 'h', port: 65536 })).toThrow(
      expect.objectContaining({ name: 'StoreError', code: 'invalid_request' }),
    );
    expect(() => pairings.setRelay({ host: '', port: 80 })).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    expect(pairings.relay()).toBeUndefined();
  });

  it('CHECK constraints refuse a bad phone key, address or inbox length', () => {
    const { pairings } = setup(FP_A);
    for (const bad of [
      { ...A, phoneKey: 'a'.repeat(63) },
      { ...A, phoneKey: 'a'.repeat(65) },
      { ...A, address: '0x1234' },
      { ...A, inbox: '1'.repeat(31) },
    ]) {
      expect(() => pairings.add(bad)).toThrow(
        expect.objectContaining({ name: 'StoreError', code: 'invalid_request' }),
      );
    }
    pairings.add(A);
    expect(() => pairings.rotate(FP_A, 'short', INBOX_1)).toThrow(
      expect.objectContaining({ code: 'invalid_request' }),
    );
    expect(pairings.get(FP_A)).toEqual({ ...A, previousInbox: null });
  });
});
