import type { LucideIcon } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';

export interface AccountSignButtonProps {
  account: AccountView;
  /**
   * Icon only, where a row has no room for the words. Its accessible name is the words with the account's
   * name, unless `inNamedRow`: a row already named after the account (a list item) adds nothing to them.
   */
  compact?: boolean;
  inNamedRow?: boolean;
  /** The row's own button class, so it matches the buttons beside it. */
  className?: string;
}

interface Props extends AccountSignButtonProps {
  /** "Sign message": the button's words, and with the account's name its accessible name when compact. */
  label: string;
  icon: LucideIcon;
  dialog(onClose: () => void): ReactNode;
}

/** A button that opens a signing dialog for an account whose key is on a device; watch-only gets none. */
export function AccountSignButton({
  account,
  compact = false,
  inNamedRow = false,
  className,
  label,
  icon: Icon,
  dialog,
}: Props) {
  const [open, setOpen] = useState(false);
  if (account.signer === 'watch') return null;
  return (
    <>
      <button
        type="button"
        className={['button', compact && 'button--icon', 'sign-message-button', className]
          .filter(Boolean)
          .join(' ')}
        aria-label={compact ? (inNamedRow ? label : `${label} with ${accountName(account)}`) : undefined}
        title={compact ? label : undefined}
        onClick={() => setOpen(true)}
      >
        <Icon size={14} aria-hidden="true" />
        {!compact && label}
      </button>
      {/* In the body, so the dialog inherits nothing from the row it was opened from (a title, a grid). */}
      {open &&
        createPortal(
          dialog(() => setOpen(false)),
          document.body,
        )}
    </>
  );
}
