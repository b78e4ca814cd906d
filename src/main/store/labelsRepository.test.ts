import { describe, expect, it } from 'vitest';
import { ALICE, BOB } from '../../../test/store/fixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { type LabelInput, LabelsRepository } from './labelsRepository';

const everywhere: LabelInput = { address: ALICE, chainId: null, kind: 'eoa', name: 'Alice', note: '' };
const router: LabelInput = { address: BOB, chainId: 42161, kind: 'contract', name: 'Router', note: 'v3' };

describe('LabelsRepository', () => {
  const temp = useTempDatabase();

  it('keeps one label per address and chain scope, and updates it in place', () => {
    const labels = new LabelsRepository(temp.db);
    labels.set(everywhere, 1000);
    labels.set({ ...everywhere, chainId: 10, name: 'Alice on OP' }, 1000);
    expect(labels.set({ ...everywhere, note: 'friend' }, 2000)).toMatchObject({
      note: 'friend',
      createdAt: 1000,
      updatedAt: 2000,
    });
    expect(new LabelsRepository(temp.reopen()).forAddress(ALICE).map((l) => [l.chainId, l.name])).toEqual([
      [null, 'Alice'],
      [10, 'Alice on OP'],
    ]);
  });

  it('refuses a contract label without a chain and bad fields, and changes nothing', () => {
    const labels = new LabelsRepository(temp.db);
    labels.set(router);
    const before = labels.list();
    expect(() => labels.set({ ...router, chainId: null })).toThrow(/contract label needs its chain/);
    expect(() => labels.set({ ...router, name: '' })).toThrow(/name must be 1 to 100 characters/);
    expect(() => labels.set({ ...router, chainId: 0 })).toThrow(/chain id must be a positive integer/);
    expect(labels.list()).toEqual(before);
  });

  it('writes a bulk list in one transaction: a bad row leaves none of it behind', () => {
    const labels = new LabelsRepository(temp.db);
    expect(() => labels.setMany([everywhere, { ...router, note: 'x'.repeat(1001) }])).toThrow(
      /at most 1,000 characters/,
    );
    expect(labels.list()).toEqual([]);
    labels.setMany([everywhere, router], 5);
    expect(labels.list()).toHaveLength(2);
  });

  it('removes a label by address and scope', () => {
    const labels = new LabelsRepository(temp.db);
    labels.setMany([everywhere, router]);
    labels.remove(ALICE, null);
    expect(() => labels.remove(ALICE, null)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => labels.remove(BOB, 1)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(labels.list().map((l) => l.name)).toEqual(['Router']);
  });

  it('merges the newer label and reports no change the second time', () => {
    const labels = new LabelsRepository(temp.db);
    labels.set(everywhere, 1000);
    expect(labels.merge({ ...everywhere, name: 'Stale', createdAt: 1, updatedAt: 999 })).toBe(false);
    const newer = { ...everywhere, name: 'Alice B.', createdAt: 1, updatedAt: 3000 };
    expect(labels.merge(newer)).toBe(true);
    expect(labels.merge(newer)).toBe(false);
    expect(labels.list()).toEqual([{ ...newer, createdAt: 1000 }]);
  });
});
