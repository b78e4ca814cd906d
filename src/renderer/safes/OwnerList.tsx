import type { SafeOwnerView } from '../../shared/safes';
import { SIGNER_LABELS } from '../accounts/useAccounts';
import { ownerName } from './safeWords';

interface OwnerListProps {
  owners: readonly SafeOwnerView[];
  /** The device holding an account's key, by its fingerprint (see useDeviceNames). */
  deviceOf(fingerprint: string | null): string | null;
}

/** Who can sign for the Safe: each owner by its account's label and the device that holds its key. */
export function OwnerList({ owners, deviceOf }: OwnerListProps) {
  return (
    <ul className="safe-owners" aria-label="Owners">
      {owners.map((owner) => (
        <li key={owner.address} className="safe-owners__row">
          <span className="safe-owners__name">{ownerName(owner)}</span>
          <span className="safe-owners__device">
            {owner.account
              ? (deviceOf(owner.account.deviceFingerprint) ?? SIGNER_LABELS[owner.account.signer])
              : 'Not one of your accounts'}
          </span>
          <code className="safe-owners__address" title={owner.address}>
            {owner.address}
          </code>
        </li>
      ))}
    </ul>
  );
}
