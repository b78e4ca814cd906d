import { Plus } from 'lucide-react';
import { useState } from 'react';
import { ErrorNote } from '../controls/ErrorNote';
import { Panel } from '../portfolio/Panel';
import { Page } from '../screens/Page';
import { useWallet } from '../session/WalletContext';
import { NameDialog } from './NameDialog';
import { NameList } from './NameList';
import { byName, type NameEntry, type NameKind } from './names';
import { RemoveNameDialog } from './RemoveNameDialog';
import { useNames } from './useNames';
import './AddressBookPage.css';

const LEDE =
  'The people you send to, and names for the addresses you deal with. With sync on, your other devices have them too.';

const SECTIONS = {
  contact: {
    title: 'Contacts',
    note: 'People you send to',
    add: 'Add contact',
    empty:
      'No contacts yet. Add the people you send to, so you can tell their addresses apart by name instead of by digits.',
  },
  label: {
    title: 'Labels',
    note: 'What an address is',
    add: 'Add label',
    empty:
      'No labels yet. Label an address you deal with, such as an exchange deposit address or a contract you use, and it shows by that name.',
  },
} as const;

type Editing = { kind: NameKind; entry: NameEntry | null };

/** Contacts and labels, each with its own list, added and changed through a dialog, current with sync. */
export function AddressBookPage() {
  const { chains } = useWallet();
  const names = useNames();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<{ kind: NameKind; entry: NameEntry } | null>(null);
  const lists = names.view && {
    contact: byName(names.view.contacts),
    label: byName(names.view.labels),
  };

  return (
    <Page title="Address book" lede={LEDE}>
      {names.error && <ErrorNote outcome="Could not load the address book" message={names.error} />}
      {lists &&
        (['contact', 'label'] as const).map((kind) => {
          const section = SECTIONS[kind];
          const entries = lists[kind];
          return (
            <Panel
              key={kind}
              title={section.title}
              note={section.note}
              actions={
                <button type="button" className="button" onClick={() => setEditing({ kind, entry: null })}>
                  <Plus size={14} aria-hidden="true" />
                  {section.add}
                </button>
              }
            >
              {entries.length === 0 ? (
                <p className="address-book__empty card">{section.empty}</p>
              ) : (
                <NameList
                  kind={kind}
                  entries={entries}
                  chains={chains}
                  onEdit={(entry) => setEditing({ kind, entry })}
                  onRemove={(entry) => setRemoving({ kind, entry })}
                />
              )}
            </Panel>
          );
        })}
      {editing && <NameDialog kind={editing.kind} editing={editing.entry} onClose={() => setEditing(null)} />}
      {removing && (
        <RemoveNameDialog kind={removing.kind} entry={removing.entry} onClose={() => setRemoving(null)} />
      )}
    </Page>
  );
}
