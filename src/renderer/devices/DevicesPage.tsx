import { Usb } from 'lucide-react';
import { AddWatchButton } from '../accounts/AddWatchButton';
import { useAccounts } from '../accounts/useAccounts';
import { ErrorNote } from '../controls/ErrorNote';
import { EmptyState } from '../screens/EmptyState';
import { Page } from '../screens/Page';
import { DeviceCard } from './DeviceCard';
import { useDevices } from './useDevices';
import { WatchAccountList } from './WatchAccountList';
import './DevicesPage.css';

const LEDE = 'The hardware wallets that hold your keys, and the accounts they sign for.';

/** Every known device with its state and accounts, and the watch-only addresses that have no device. */
export function DevicesPage() {
  const devices = useDevices();
  const accounts = useAccounts();
  const list = devices.list ?? [];
  const allAccounts = accounts.list ?? [];
  const failure = devices.error ?? accounts.error;

  return (
    <Page title="Devices" lede={LEDE} actions={<AddWatchButton />}>
      {failure && <ErrorNote outcome="Could not load your devices" message={failure} />}
      {devices.list && !list.some((device) => device.connected) && (
        <EmptyState
          icon={Usb}
          headline="No hardware wallet connected"
          guidance="Plug in your Ledger, unlock it and open the Ethereum app, or connect your Trezor. It shows up here on its own."
          actions={null}
        />
      )}
      {list.map((device) => (
        <DeviceCard
          key={device.id}
          device={device}
          accounts={allAccounts.filter((account) => account.deviceFingerprint === device.fingerprint)}
        />
      ))}
      <WatchAccountList accounts={allAccounts.filter((account) => account.signer === 'watch')} />
    </Page>
  );
}
