import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/localData';
import { describeImport } from './describeImport';

const none: ImportSummary = {
  settings: 0,
  devices: 0,
  accounts: 0,
  labels: 0,
  addressBook: 0,
  txNotes: 0,
};

describe('describeImport', () => {
  it('names what changed and says the rest did not', () => {
    expect(describeImport({ ...none, labels: 3, addressBook: 1 })).toBe(
      'Imported 3 labels and 1 address book entry; nothing else changed.',
    );
    expect(describeImport({ ...none, accounts: 1 })).toBe('Imported 1 account; nothing else changed.');
  });

  it('lists every kind when everything changed', () => {
    expect(
      describeImport({ settings: 2, devices: 1, accounts: 4, labels: 1200, addressBook: 2, txNotes: 5 }),
    ).toBe(
      'Imported 4 accounts, 1,200 labels, 2 address book entries, 5 transaction notes, 1 device, and 2 settings.',
    );
    expect(describeImport({ ...none, txNotes: 1 })).toBe(
      'Imported 1 transaction note; nothing else changed.',
    );
  });

  it('says a repeated import added nothing', () => {
    expect(describeImport(none)).toBe('Nothing new: this backup is already in this wallet.');
  });
});
