import { ChevronDown, UserRound } from 'lucide-react';
import { useEffect, useId, useRef, useState } from 'react';
import { AddWatchButton } from '../accounts/AddWatchButton';
import { accountName, SIGNER_LABELS, useAccounts } from '../accounts/useAccounts';
import { shortAddress } from '../../shared/format/shortAddress';
import { routeHref } from '../routing/routes';
import { SignMessageButton } from '../signing/SignMessageButton';
import './TopBar.css';

function countLabel(count: number): string {
  if (count === 0) return 'No accounts';
  return count === 1 ? '1 account' : `${count} accounts`;
}

/**
 * The accounts the wallet knows, one click away from every screen, with the ways to add one. It is a
 * disclosure rather than an ARIA menu: the panel holds a list and buttons, which Tab reaches as usual.
 */
export function AccountButton() {
  const { list } = useAccounts();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const accounts = list ?? [];

  useEffect(() => {
    if (!open) return;
    // A press anywhere else closes the panel, as a native popup would; the add and sign dialogs render inside
    // it. A press in a modal dialog (the signing sheet above the sign dialog) is not "elsewhere": closing the
    // panel then would drop the signature the user is waiting for.
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element;
      if (!root.current?.contains(target) && !target.closest('dialog')) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div
      className="account-menu"
      ref={root}
      onKeyDown={(event) => {
        // The dialog handles its own Escape; this one only closes the panel when focus is in it.
        if (event.key !== 'Escape' || !open || (event.target as Element).closest('dialog')) return;
        setOpen(false);
        trigger.current?.focus();
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="topbar-chip"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
      >
        <span className="topbar-chip__avatar" data-empty={accounts.length === 0 ? '' : undefined}>
          <UserRound size={14} aria-hidden="true" />
        </span>
        <span>{countLabel(accounts.length)}</span>
        <ChevronDown className="topbar-chip__trailing" size={14} aria-hidden="true" />
      </button>
      {open && (
        <div id={panelId} className="account-menu__panel" role="group" aria-label="Accounts">
          {accounts.length > 0 ? (
            <ul className="account-menu__list">
              {accounts.map((account) => (
                <li key={account.id} className="account-menu__item" title={account.address}>
                  <span className="account-menu__name">{accountName(account)}</span>
                  {account.label && (
                    <code className="account-menu__address">{shortAddress(account.address)}</code>
                  )}
                  <span className="badge account-menu__signer">{SIGNER_LABELS[account.signer]}</span>
                  <SignMessageButton account={account} compact />
                </li>
              ))}
            </ul>
          ) : (
            <p className="account-menu__empty">
              No accounts yet. Watch an address, or connect a hardware wallet in Devices.
            </p>
          )}
          <div className="account-menu__actions">
            <AddWatchButton />
            <a className="button" href={routeHref('devices')} onClick={() => setOpen(false)}>
              Devices
            </a>
          </div>
        </div>
      )}
    </div>
  );
}
