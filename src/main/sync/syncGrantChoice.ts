import { bytesToHex } from '@noble/hashes/utils.js';
import type { EpochKey } from '../../shared/sync/syncKeys';
import type { SyncOp } from '../../shared/sync/syncOps';
import type { OpenedGrant } from './syncGrants';

export type GrantChoice =
  | { kind: 'none' }
  | { kind: 'adopt'; key: EpochKey; removals: SyncOp[] }
  | { kind: 'conflict'; message: string };

/**
 * Which of the grants for one epoch to take. Every grant's removal counts first, so a grant signed by a device
 * that another grant removes is refused: a removed device that still writes to the folder cannot race its own
 * removal with a key of its own. What remains must agree on one key; two devices that each removed the other,
 * or two different keys from devices still in the group, are a conflict that only the user can settle.
 */
export function chooseGrant(grants: readonly OpenedGrant[], nameOf: (id: string) => string): GrantChoice {
  const removed = new Set(grants.map((grant) => grant.removal.k));
  const standing = grants.filter((grant) => !removed.has(grant.by));
  const keys = new Set(standing.map((grant) => bytesToHex(grant.key.key)));
  const [first] = standing;
  if (first && keys.size === 1) {
    return { kind: 'adopt', key: first.key, removals: standing.map((grant) => grant.removal) };
  }
  if (grants.length < 2) return { kind: 'none' };
  const what = grants.map((grant) => `${nameOf(grant.by)} removed ${nameOf(grant.removal.k)}`).join('; ');
  return {
    kind: 'conflict',
    message:
      `Devices sent different new sync keys for the same step (${what}), so none was taken. ` +
      'Remove the device you do not trust in Settings → Sync on this desktop to settle it.',
  };
}
