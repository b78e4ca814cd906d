import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newDeviceKeys } from '../../shared/sync/syncKeys';
import { SyncFolder } from './syncFolder';
import { SyncFolderInvites } from './syncFolderInvites';
import { INVITE_TTL_MS, newInviteCode, type JoinPayload } from './syncInvite';
import { desktopMember } from './syncRoster';

let dir: string;
let folder: SyncFolder;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sync-invites-'));
  folder = new SyncFolder(dir);
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const joiner = newDeviceKeys();
const { name, sign, box } = desktopMember('Laptop', joiner);
const join_: JoinPayload = { v: 1, id: joiner.id, name, sign, box };

function clock(start = 1_000_000) {
  const time = { now: start };
  return { time, invites: new SyncFolderInvites(() => time.now) };
}

describe('SyncFolderInvites', () => {
  it('carries the ring and roster to the joiner, and the joiner’s keys back, then clears both files', async () => {
    const { invites: inviter } = clock();
    const invite = await inviter.create(folder, 'ring text', []);
    expect(invite.expiresAt).toBe(1_000_000 + INVITE_TTL_MS);
    const { invites: joining } = clock();
    const { keys, invite: payload } = await joining.read(folder, invite.code);
    expect(payload).toMatchObject({ ring: 'ring text', roster: [], expiresAt: invite.expiresAt });

    const joined: JoinPayload[] = [];
    await inviter.collect(folder, (join) => joined.push(join));
    expect(joined).toEqual([]);
    await joining.answer(folder, keys, join_);
    await inviter.collect(folder, (join) => joined.push(join));
    expect(joined).toEqual([join_]);
    expect(readdirSync(dir)).toEqual([]);
    await inviter.collect(folder, (join) => joined.push(join));
    expect(joined).toHaveLength(1);
  });

  it('tells the joiner when no invite is there for the code, or it expired', async () => {
    const { time, invites } = clock();
    const { code } = await invites.create(folder, 'ring', []);
    await expect(invites.read(folder, newInviteCode())).rejects.toMatchObject({ code: 'not_found' });
    time.now += INVITE_TTL_MS + 1;
    await expect(invites.read(folder, code)).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('clears an expired invite from the folder without waiting for an answer', async () => {
    const { time, invites } = clock();
    await invites.create(folder, 'ring', []);
    expect(readdirSync(dir)).toHaveLength(1);
    time.now += INVITE_TTL_MS + 1;
    const joined: JoinPayload[] = [];
    await invites.collect(folder, (join) => joined.push(join));
    expect(readdirSync(dir)).toEqual([]);
    expect(joined).toEqual([]);
  });
});
