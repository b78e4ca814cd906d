import type { ImportSummary } from '../../shared/localData';

/** Each kind the summary counts, in the order the sentence names them, as a person would say one or many. */
const KINDS: readonly [kind: keyof ImportSummary, one: string, many: string][] = [
  ['accounts', 'account', 'accounts'],
  ['labels', 'label', 'labels'],
  ['addressBook', 'address book entry', 'address book entries'],
  ['txNotes', 'transaction note', 'transaction notes'],
  ['devices', 'device', 'devices'],
  ['settings', 'setting', 'settings'],
];

const list = new Intl.ListFormat('en', { type: 'conjunction' });
const count = new Intl.NumberFormat('en');

/** What an import changed, in one sentence: "Imported 3 labels and 1 address book entry; nothing else changed." */
export function describeImport(summary: ImportSummary): string {
  const changed = KINDS.filter(([kind]) => summary[kind] > 0).map(
    ([kind, one, many]) => `${count.format(summary[kind])} ${summary[kind] === 1 ? one : many}`,
  );
  if (changed.length === 0) return 'Nothing new: this backup is already in this wallet.';
  const imported = `Imported ${list.format(changed)}`;
  return changed.length < KINDS.length ? `${imported}; nothing else changed.` : `${imported}.`;
}
