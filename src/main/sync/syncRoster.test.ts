import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { applyOps } from '../../shared/sync/fieldStore';
import { encodeHlc } from '../../shared/sync/hlc';
import { MEMBER_FIELD, memberValue, type MemberValue } from '../../shared/sync/roster';
import { newDeviceKeys, type DeviceKeys } from '../../shared/sync/syncKeys';
import { DELETED_FIELD, ROSTER_COLLECTION, type SyncOp } from '../../shared/sync/syncOps';
import { SyncFieldsRepository } from './syncFieldsRepository';
import { desktopMember, SyncRoster } from './syncRoster';

const temp = useTempDatabase('sync-roster-');
const stamp = (wall: number) => encodeHlc({ wall, counter: 0, device: '00000000000000aa' });

const desk = newDeviceKeys();
const laptop = newDeviceKeys();
const phone = newDeviceKeys();

function joined(device: DeviceKeys, member: MemberValue, wall: number): SyncOp {
  return { c: ROSTER_COLLECTION, k: device.id, f: MEMBER_FIELD, v: memberValue(member), t: stamp(wall) };
}

function roster(...ops: SyncOp[]) {
  const fields = new SyncFieldsRepository(temp.db);
  applyOps(fields, ops);
  return new SyncRoster(fields);
}

const group = [
  joined(desk, desktopMember('Desk', desk), 1),
  joined(laptop, desktopMember('Laptop', laptop), 2),
  joined(
    phone,
    {
      name: 'Phone',
      kind: 'phone',
      sign: bytesToHex(phone.signPublic),
      box: bytesToHex(phone.boxPublic),
      fingerprint: 'f1',
    },
    3,
  ),
  { c: ROSTER_COLLECTION, k: laptop.id, f: DELETED_FIELD, v: true, t: stamp(4) } satisfies SyncOp,
];

describe('SyncRoster', () => {
  it('lists every member, removed ones marked; active() and others() leave them out', () => {
    const members = roster(...group);
    expect(
      members
        .members()
        .map(({ name, kind, removed, fingerprint }) => [name, kind, removed, fingerprint])
        .toSorted(),
    ).toEqual([
      ['Desk', 'desktop', false, null],
      ['Laptop', 'desktop', true, null],
      ['Phone', 'phone', false, 'f1'],
    ]);
    expect(
      members
        .active()
        .map((member) => member.name)
        .toSorted(),
    ).toEqual(['Desk', 'Phone']);
    expect(members.others(desk.id).map((member) => member.name)).toEqual(['Phone']);
    expect(
      members
        .others(null)
        .map((member) => member.name)
        .toSorted(),
    ).toEqual(['Desk', 'Phone']);
  });

  it('knows the signing key of active members only, and names removed ones too', () => {
    const members = roster(...group);
    expect(members.signPublicOf(desk.id)).toEqual(desk.signPublic);
    expect(members.signPublicOf(laptop.id)).toBeUndefined();
    expect(members.nameOf(laptop.id)).toBe('Laptop');
    expect(members.nameOf('0000000000000000')).toBe('another device');
  });

  it('ops() answers the roster with its stamps, which merged elsewhere give the same roster', () => {
    const ops = roster(...group).ops();
    expect(ops).toHaveLength(group.length);
    expect(ops).toEqual(expect.arrayContaining(group));
    const expected = roster(...group).members();
    new SyncFieldsRepository(temp.db).clear();
    expect(roster(...ops).members()).toEqual(expected);
  });

  it('is empty before anyone joined', () => {
    expect(roster().members()).toEqual([]);
    expect(roster().ops()).toEqual([]);
  });
});

describe('desktopMember', () => {
  it('describes this desktop by its name and public keys', () => {
    expect(desktopMember('Desk', desk)).toEqual({
      name: 'Desk',
      kind: 'desktop',
      sign: bytesToHex(desk.signPublic),
      box: bytesToHex(desk.boxPublic),
    });
  });
});
