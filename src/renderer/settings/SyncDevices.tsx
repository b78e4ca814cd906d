import { Monitor, Smartphone, Trash2 } from 'lucide-react';
import { useState } from 'react';
import type { SyncDeviceView, SyncView } from '../../shared/sync';
import { ActionStatus } from '../controls/ActionStatus';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { formatAge } from '../format/age';
import { useNow } from '../portfolio/useNow';
import { routeHref } from '../routing/routes';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { RemoveDesktopDialog } from './RemoveDesktopDialog';
import { SettingRow } from './SettingRow';
import { SettingsSection } from './SettingsSection';

interface SyncDevicesProps {
  view: SyncView;
  onChange(view: SyncView): void;
}

/** What a device's state means for the user; nothing when it is in step. */
function DeviceNotice({ device }: { device: SyncDeviceView }) {
  if (device.state === 'behind') {
    return (
      <Callout tone="warning">
        Some changes from {device.name} have not arrived: the folder or relay may be holding them back.
        {device.detail && <> {device.detail}</>}
      </Callout>
    );
  }
  if (device.state === 'rolled_back') {
    return (
      <Callout tone="danger" title={`The folder or relay served an older state from ${device.name}`}>
        {device.detail ?? 'It was not applied; what this desktop already had is kept.'}
      </Callout>
    );
  }
  return null;
}

function syncedSummary(view: SyncView): string {
  const lagging = view.devices.filter((device) => device.state !== 'ok');
  if (lagging.length === 0) return 'Synced. Every device is up to date.';
  return `Synced, but ${lagging.map((device) => device.name).join(' and ')} need${lagging.length === 1 ? 's' : ''} attention: see below.`;
}

/** Sync now, and the devices of the group: when each last synced and whether anything is held back. */
export function SyncDevices({ view, onChange }: SyncDevicesProps) {
  const { client } = useWallet();
  const now = useNow(10_000);
  const [removing, setRemoving] = useState<SyncDeviceView | null>(null);
  const syncNow = useAction(async () => {
    const next = await client.call('sync.now');
    onChange(next);
    return next;
  });
  const working = syncNow.state.status === 'working';
  const alone = view.devices.every((device) => device.self);

  return (
    <SettingsSection title="Sync">
      <SettingRow
        label="Sync now"
        description="Writes what changed here and reads what your other devices wrote, end-to-end encrypted, through the sync folder and the relay."
        status={<ActionStatus state={syncNow.state} working="Syncing…" done={syncedSummary} />}
        note={
          syncNow.state.status === 'failed' && (
            <ErrorNote outcome="Not synced" message={syncNow.state.message} />
          )
        }
      >
        {() => (
          <button
            type="button"
            className="button"
            aria-disabled={working}
            onClick={() => !working && void syncNow.run()}
          >
            Sync now
          </button>
        )}
      </SettingRow>
      <ul className="sync-devices" aria-label="Devices in the sync group">
        {view.devices.map((device) => {
          const Icon = device.kind === 'phone' ? Smartphone : Monitor;
          return (
            <li key={device.id} className="sync-devices__row" aria-label={device.name}>
              <div className="sync-devices__identity">
                <Icon className="sync-devices__icon" size={16} aria-hidden="true" />
                <span className="sync-devices__name">{device.name}</span>
                <span className="visually-hidden">, {device.kind}</span>
                {device.self && <span className="badge">This desktop</span>}
              </div>
              <p className="sync-devices__fact">
                {device.self
                  ? null
                  : device.lastSyncAt === null
                    ? 'Not synced yet'
                    : `Last sync ${formatAge(device.lastSyncAt, now)}`}
              </p>
              <div className="sync-devices__actions">
                {!device.self && device.kind === 'desktop' && (
                  <button type="button" className="button button--danger" onClick={() => setRemoving(device)}>
                    <Trash2 size={14} aria-hidden="true" />
                    Remove
                  </button>
                )}
                {device.kind === 'phone' && (
                  <p className="sync-devices__hint">
                    Phones are removed from <a href={routeHref('pairing')}>Pairing</a>.
                  </p>
                )}
              </div>
              {device.state !== 'ok' && (
                <div className="sync-devices__notice">
                  <DeviceNotice device={device} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {alone && (
        <p className="sync-section__hint">
          Only this desktop is in the group. Add another desktop below, or pair a phone in{' '}
          <a href={routeHref('pairing')}>Pairing</a>.
        </p>
      )}
      {removing && (
        <RemoveDesktopDialog device={removing} onRemoved={onChange} onClose={() => setRemoving(null)} />
      )}
    </SettingsSection>
  );
}
