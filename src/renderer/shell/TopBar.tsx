import { AccountButton } from './AccountButton';
import { NetworkSwitcher } from './NetworkSwitcher';
import { SyncStatus } from './SyncStatus';
import './TopBar.css';

export function TopBar() {
  return (
    <header className="topbar">
      <AccountButton />
      <span className="topbar__divider" aria-hidden="true" />
      <NetworkSwitcher />
      <SyncStatus />
    </header>
  );
}
