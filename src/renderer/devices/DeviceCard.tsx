import { Plus, Trash2, Usb } from 'lucide-react';
import { useId, useState } from 'react';
import type { AccountView } from '../../shared/accounts';
import type { DeviceView } from '../../shared/devices';
import { Callout } from '../controls/Callout';
import { AddAccountsDialog } from './AddAccountsDialog';
import { DeviceAccountList } from './DeviceAccountList';
import { DeviceFacts } from './DeviceFacts';
import { deviceName } from './deviceNames';
import { DeviceRemedy } from './DeviceRemedy';
import { ForgetDeviceDialog } from './ForgetDeviceDialog';
import './DeviceCard.css';

/** States that are just a step the user takes on the device; everything else is a problem to solve. */
const CALM_STATES = new Set<DeviceView['state']>(['disconnected', 'busy', 'awaiting_confirmation']);

interface DeviceCardProps {
  device: DeviceView;
  accounts: AccountView[];
}

/** One device: what it is, what it is doing, what to do about it, and the accounts it signs for. */
export function DeviceCard({ device, accounts }: DeviceCardProps) {
  const titleId = useId();
  const [dialog, setDialog] = useState<'add' | 'forget' | null>(null);
  const name = deviceName(device);
  const ready = device.connected && device.state === 'ready';

  return (
    <section className="device-card card" aria-labelledby={titleId}>
      <header className="device-card__header">
        <span className="device-card__icon" data-connected={device.connected ? '' : undefined}>
          <Usb size={18} aria-hidden="true" />
        </span>
        <div className="device-card__heading">
          <h2 id={titleId} className="device-card__title">
            {name}
          </h2>
          {/* A device named after its model ("Ledger Nano X") needs no second line saying "Nano X". */}
          {!(device.model && name.includes(device.model)) && (
            <p className="device-card__model">{device.model ?? 'Model not reported yet'}</p>
          )}
        </div>
        <span className="badge" data-tone={device.connected ? 'success' : undefined}>
          {device.connected ? 'Connected' : 'Not connected'}
        </span>
        <div className="device-card__actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!ready || !device.fingerprint}
            title={ready ? undefined : device.message}
            onClick={() => setDialog('add')}
          >
            <Plus size={14} aria-hidden="true" />
            Add accounts
          </button>
          {device.fingerprint && (
            <button type="button" className="button button--danger" onClick={() => setDialog('forget')}>
              <Trash2 size={14} aria-hidden="true" />
              Forget
            </button>
          )}
        </div>
      </header>
      <DeviceFacts device={device} />
      {device.state === 'ready' ? (
        <p className="device-card__message">{device.message}</p>
      ) : (
        <Callout tone={CALM_STATES.has(device.state) ? 'info' : 'warning'} title={device.message}>
          {device.remedy && <DeviceRemedy remedy={device.remedy} />}
        </Callout>
      )}
      <DeviceAccountList device={device} accounts={accounts} />
      {dialog === 'add' && <AddAccountsDialog device={device} onClose={() => setDialog(null)} />}
      {dialog === 'forget' && device.fingerprint && (
        <ForgetDeviceDialog
          name={name}
          fingerprint={device.fingerprint}
          accounts={accounts.length}
          onClose={() => setDialog(null)}
        />
      )}
    </section>
  );
}
