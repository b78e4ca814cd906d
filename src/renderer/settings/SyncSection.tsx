import { ErrorNote } from '../controls/ErrorNote';
import { SettingsSection } from './SettingsSection';
import { SyncCollections } from './SyncCollections';
import { SyncDevices } from './SyncDevices';
import { SyncFolder } from './SyncFolder';
import { SyncInvite } from './SyncInvite';
import { SyncProblems } from './SyncProblems';
import { useSync } from './useSync';
import './SyncSection.css';

/**
 * Sync between the user's own devices: who is in the group and whether anything is held back, the folder
 * desktops share, what is synced at all, refusals, and bringing in another desktop.
 */
export function SyncSection() {
  const sync = useSync();
  const { view, show } = sync;

  if (!view) {
    return sync.error ? (
      <SettingsSection title="Sync">
        <div className="sync-section__error">
          <ErrorNote outcome="Could not load sync" message={sync.error} />
        </div>
      </SettingsSection>
    ) : null;
  }
  return (
    <>
      <SyncDevices view={view} onChange={show} />
      <SyncProblems problems={view.problems} />
      <SyncFolder folder={view.folder} onChange={show} />
      <SyncCollections collections={view.collections} onChange={show} />
      <SyncInvite onChange={show} />
    </>
  );
}
