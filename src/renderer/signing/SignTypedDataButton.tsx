import { FilePen } from 'lucide-react';
import { AccountSignButton, type AccountSignButtonProps } from './AccountSignButton';
import { SignTypedDataDialog } from './SignTypedDataDialog';

/** "Sign typed data" (EIP-712) for an account whose key is on a device, beside "Sign message". */
export function SignTypedDataButton(props: AccountSignButtonProps) {
  return (
    <AccountSignButton
      {...props}
      label="Sign typed data"
      icon={FilePen}
      dialog={(onClose) => <SignTypedDataDialog account={props.account} onClose={onClose} />}
    />
  );
}
