import { useState } from 'react';
import type { SyncFolderView, SyncView } from '../../shared/sync';
import { ActionStatus } from '../controls/ActionStatus';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { formatAge } from '../format/age';
import { useNow } from '../portfolio/useNow';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';

interface SyncFolderProps {
  folder: SyncFolderView;
  onChange(view: SyncView): void;
}

/**
 * The folder desktops sync through. The browser host has no native folder picker, so the path is typed;
 * main checks that it exists and is writable, and says why not.
 */
export function SyncFolder({ folder, onChange }: SyncFolderProps) {
  const { client } = useWallet();
  const now = useNow(10_000);
  // What the user typed; null while the field shows what main stored.
  const [draft, setDraft] = useState<string | null>(null);
  const save = useAction(async (path: string | null) => {
    const next = await client.call('sync.setFolder', { path });
    onChange(next);
    setDraft(null);
    return next.folder;
  });
  const working = save.state.status === 'working';
  const value = draft ?? folder.path ?? '';
  const canSave = value.trim() !== '' && value.trim() !== folder.path;

  return (
    <SettingsSection title="Sync folder">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!working && canSave) void save.run(value.trim());
        }}
      >
        <SettingRow
          label="Folder"
          description="A folder that a file-sync service or a network share keeps the same on each of your desktops. Ledgerline writes only encrypted files there."
          status={
            <ActionStatus
              state={save.state}
              working="Checking the folder…"
              done={(result) =>
                result.path
                  ? 'Saved. This desktop syncs through this folder.'
                  : 'This desktop no longer uses a sync folder.'
              }
            />
          }
          note={
            <>
              {folder.error && (
                <Callout tone="danger" role="alert" title="The sync folder cannot be used">
                  {folder.error}
                </Callout>
              )}
              {save.state.status === 'failed' && (
                <ErrorNote outcome="Not saved" message={save.state.message} />
              )}
            </>
          }
        >
          {({ labelId, descriptionId }) => (
            <>
              <input
                className="text-input sync-folder__path"
                aria-labelledby={labelId}
                aria-describedby={descriptionId}
                value={value}
                placeholder="/home/you/Sync/Ledgerline"
                onChange={(event) => {
                  setDraft(event.target.value);
                  save.clear();
                }}
                autoComplete="off"
                autoCapitalize="off"
                spellCheck={false}
              />
              <button type="submit" className="button" aria-disabled={working || !canSave}>
                Save
              </button>
            </>
          )}
        </SettingRow>
      </form>
      {folder.path !== null && (
        <SettingRow
          label="Last sync through the folder"
          description={folder.lastSyncAt === null ? 'Not synced yet' : formatAge(folder.lastSyncAt, now)}
        >
          {() => (
            <button
              type="button"
              className="button button--danger"
              aria-disabled={working}
              onClick={() => !working && void save.run(null)}
            >
              Stop using this folder
            </button>
          )}
        </SettingRow>
      )}
    </SettingsSection>
  );
}
