import { routeHref } from '../routing/routes';
import './TopBar.css';

/** Phone sync does not exist yet; the pill says it is off and leads to where it will be turned on. */
export function SyncStatus() {
  return (
    <a className="sync-status" href={routeHref('settings')} title="Phone sync is not set up. See Settings.">
      <span className="sync-status__dot" aria-hidden="true" />
      Sync off
    </a>
  );
}
