import { PenLine } from 'lucide-react';
import { useState } from 'react';
import { createPortal } from 'react-dom';
import type { AccountView } from '../../shared/accounts';
import { accountName } from '../accounts/useAccounts';
import { SignMessageDialog } from './SignMessageDialog';

interface SignMessageButtonProps {
  account: AccountView;
  /** Icon only, where a row has no room for the words; the accessible name stays the same. */
  compact?: boolean;
}

/** "Sign message" for an account whose key is on a device; a watch-only account has no key, so no button. */
export function SignMessageButton({ account, compact = false }: SignMessageButtonProps) {
  const [open, setOpen] = useState(false);
  if (account.signer === 'watch') return null;
  return (
    <>
      <button
        type="button"
        className={compact ? 'button button--icon sign-message-button' : 'button sign-message-button'}
        aria-label={compact ? `Sign message with ${accountName(account)}` : undefined}
        title={compact ? 'Sign message' : undefined}
        onClick={() => setOpen(true)}
      >
        <PenLine size={14} aria-hidden="true" />
        {!compact && 'Sign message'}
      </button>
      {/* In the body, so the dialog inherits nothing from the row it was opened from (a title, a grid). */}
      {open &&
        createPortal(<SignMessageDialog account={account} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
