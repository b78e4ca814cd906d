import { ApiError } from '../../shared/api/envelope';
import type { SyncInvite } from '../../shared/sync';
import type { SyncOp } from '../../shared/sync/syncOps';
import type { SyncFolder } from './syncFolder';
import {
  INVITE_TTL_MS,
  InvitePayload,
  inviteKeys,
  JoinPayload,
  newInviteCode,
  openWithCode,
  sealWithCode,
  type InviteKeys,
} from './syncInvite';

/**
 * Another desktop joining through the sync folder: the invite this desktop leaves there under a code, the
 * joiner's answer, and the invites still open here, which live only as long as this process.
 */
export class SyncFolderInvites {
  private readonly open = new Map<string, { keys: InviteKeys; expiresAt: number }>();

  constructor(private readonly now: () => number) {}

  /** Leaves the group's key ring and roster in the folder, sealed under a new code. */
  async create(folder: SyncFolder, ring: string, roster: SyncOp[]): Promise<SyncInvite> {
    const code = newInviteCode();
    const keys = inviteKeys(code);
    const expiresAt = this.now() + INVITE_TTL_MS;
    const payload: InvitePayload = { v: 1, ring, roster, expiresAt };
    await folder.write(keys.inviteName, sealWithCode(keys, payload));
    this.open.set(keys.inviteName, { keys, expiresAt });
    return { code, expiresAt };
  }

  /** The joining side: the invite another desktop left under this code, while it has not expired. */
  async read(folder: SyncFolder, code: string): Promise<{ keys: InviteKeys; invite: InvitePayload }> {
    const keys = inviteKeys(code);
    const sealed = await folder.read(keys.inviteName);
    if (!sealed) {
      throw new ApiError(
        'not_found',
        'No invite for this code is in the sync folder yet. Check the code, and that the folder has synced.',
      );
    }
    const invite = openWithCode(keys, sealed, InvitePayload);
    if (invite.expiresAt < this.now()) {
      throw new ApiError('invalid_request', 'This invite code expired. Make a new one on the other desktop.');
    }
    return { keys, invite };
  }

  /** The joining side: its public keys, sealed under the same code, for the inviter to find. */
  async answer(folder: SyncFolder, keys: InviteKeys, join: JoinPayload): Promise<void> {
    await folder.write(keys.joinName, sealWithCode(keys, join));
  }

  /** Each answered invite's joiner goes to onJoin, then the invite is gone; expired ones are cleared. */
  async collect(folder: SyncFolder, onJoin: (join: JoinPayload) => void): Promise<void> {
    for (const [name, invite] of this.open) {
      if (invite.expiresAt < this.now()) {
        this.open.delete(name);
        await folder.remove(name);
        continue;
      }
      const sealed = await folder.read(invite.keys.joinName);
      if (!sealed) continue;
      onJoin(openWithCode(invite.keys, sealed, JoinPayload));
      this.open.delete(name);
      await folder.remove(invite.keys.inviteName);
      await folder.remove(invite.keys.joinName);
    }
  }
}
