import { PenLine } from 'lucide-react';
import { AccountSignButton, type AccountSignButtonProps } from './AccountSignButton';
import { SignMessageDialog } from './SignMessageDialog';

/** "Sign message" for an account whose key is on a device; a watch-only account has no key, so no button. */
export function SignMessageButton(props: AccountSignButtonProps) {
  return (
    <AccountSignButton
      {...props}
      label="Sign message"
      icon={PenLine}
      dialog={(onClose) => <SignMessageDialog account={props.account} onClose={onClose} />}
    />
  );
}
