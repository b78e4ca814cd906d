import { Plus, UserRound } from 'lucide-react';
import { routeHref } from '../routing/routes';
import './TopBar.css';

/**
 * Accounts come only from a signer, and no signer can be connected yet, so this says so and leads to the
 * screen where accounts will be added rather than pretending to be a picker.
 */
export function AccountButton() {
  return (
    <a
      className="topbar-chip"
      href={routeHref('devices')}
      title="Accounts come from a Ledger, Trezor or paired phone. Add them in Devices."
    >
      <span className="topbar-chip__avatar">
        <UserRound size={14} aria-hidden="true" />
      </span>
      <span>No accounts</span>
      <Plus className="topbar-chip__trailing" size={14} aria-hidden="true" />
    </a>
  );
}
