import { useState } from 'react';
import {
  USER_COLLECTIONS,
  type SyncCollections as Collections,
  type SyncView,
  type UserCollection,
} from '../../shared/sync';
import { ErrorNote } from '../controls/ErrorNote';
import { Switch } from '../controls/Switch';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';

const COLLECTIONS: Record<UserCollection, { label: string; description: string }> = {
  labels: { label: 'Labels', description: 'What an address is, as history and warnings show it.' },
  addressBook: { label: 'Address book', description: 'The people you send to.' },
  tokens: { label: 'Tokens', description: 'Tokens you added, and which of them you hid.' },
  networks: {
    label: 'Networks',
    description: 'Which networks are enabled, and the networks you added (without their endpoints).',
  },
  rpcs: {
    label: 'RPC endpoints',
    description: 'Only between your own paired devices; they may contain API keys. Off until you turn it on.',
  },
  txNotes: { label: 'Transaction notes', description: 'The notes you wrote on transactions in History.' },
  safes: { label: 'Safes', description: 'The Safes you follow, and the names you gave them.' },
  safeTransactions: {
    label: 'Pending Safe transactions',
    description: 'Safe transactions and the signatures collected so far, so another desktop can add its own.',
  },
  preferences: {
    label: 'Preferences',
    description: 'Theme, currency, and whether history may come from block explorers.',
  },
};

interface SyncCollectionsProps {
  collections: Collections;
  onChange(view: SyncView): void;
}

/** One switch per kind of data, so the user decides what leaves this desktop at all. */
export function SyncCollections({ collections, onChange }: SyncCollectionsProps) {
  const { client } = useWallet();
  // Shown at once while main saves it, so the switch does not spring back under the pointer.
  const [pending, setPending] = useState<Partial<Collections>>({});
  const [failed, setFailed] = useState<UserCollection | null>(null);
  const save = useAction(async (name: UserCollection, on: boolean) => {
    try {
      onChange(await client.call('sync.setCollections', { [name]: on }));
    } finally {
      setPending(({ [name]: _, ...rest }) => rest);
    }
  });

  async function toggle(name: UserCollection, on: boolean) {
    setPending((current) => ({ ...current, [name]: on }));
    setFailed(null);
    if (!(await save.run(name, on))) setFailed(name);
  }

  return (
    <SettingsSection title="What syncs">
      {USER_COLLECTIONS.map((name) => {
        const { label, description } = COLLECTIONS[name];
        return (
          <SettingRow
            key={name}
            label={label}
            description={description}
            note={
              failed === name &&
              save.state.status === 'failed' && <ErrorNote outcome="Not saved" message={save.state.message} />
            }
          >
            {({ labelId, descriptionId }) => (
              <Switch
                aria-labelledby={labelId}
                aria-describedby={descriptionId}
                aria-busy={name in pending}
                checked={pending[name] ?? collections[name]}
                onChange={(event) => void toggle(name, event.target.checked)}
              />
            )}
          </SettingRow>
        );
      })}
    </SettingsSection>
  );
}
