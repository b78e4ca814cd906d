import type { AccountView } from '../../shared/accounts';
import type { DeviceView } from '../../shared/devices';
import { DeviceAccountRow } from './DeviceAccountRow';
import { deviceName } from './deviceNames';
import './AccountList.css';

interface DeviceAccountListProps {
  device: DeviceView;
  accounts: AccountView[];
}

/** The accounts in this wallet that the device signs for, under its card. */
export function DeviceAccountList({ device, accounts }: DeviceAccountListProps) {
  if (accounts.length === 0) {
    return (
      <p className="account-list__empty">
        No accounts from this device yet.{' '}
        {device.connected ? 'Use “Add accounts” to pick them.' : 'Connect it to add some.'}
      </p>
    );
  }
  return (
    <ul className="account-list" aria-label={`Accounts on ${deviceName(device)}`}>
      {accounts.map((account) => (
        <DeviceAccountRow key={account.id} account={account} />
      ))}
    </ul>
  );
}
