import { useEffect, useRef } from 'react';
import type { AccountView } from '../../shared/accounts';
import { shortAddress } from '../../shared/format/shortAddress';

/** What every signing dialog opened for an account takes. */
export interface SigningDialogProps {
  account: AccountView;
  onClose(): void;
}

/** "Main (0xa000…a000)": the account a dialog signs with, by its label where it has one. */
export function signingAccountText(account: AccountView): string {
  return account.label
    ? `${account.label} (${shortAddress(account.address)})`
    : shortAddress(account.address);
}

/** The way out once signed; the form is gone, so focus comes here rather than to the page behind the dialog. */
export function DoneButton({ onClose }: { onClose(): void }) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus(), []);
  return (
    <button ref={button} type="button" className="button button--primary" onClick={onClose}>
      Done
    </button>
  );
}
