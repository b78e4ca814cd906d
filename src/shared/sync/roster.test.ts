import { describe, expect, it } from 'vitest';
import { applyOps, MemoryFieldStore } from './fieldStore';
import { encodeHlc } from './hlc';
import {
  MEMBER_FIELD,
  memberValue,
  removalOp,
  rosterMembers,
  rosterOpRefusal,
  rosterRecords,
  type MemberValue,
} from './roster';
import { DELETED_FIELD, ROSTER_COLLECTION, type SyncOp, type SyncValue } from './syncOps';

const studio = '00000000000000a1';
const laptop = '00000000000000b2';
const mallory = '00000000000000c3';
const hex = (digit: string) => digit.repeat(64);
const entry = (name: string, keys = '1'): MemberValue => ({
  name,
  kind: 'desktop',
  sign: hex(keys),
  box: hex(keys === '1' ? '2' : '3'),
});
let wall = 1_000;
const op = (by: string, k: string, f: string, v: SyncValue): SyncOp => ({
  c: ROSTER_COLLECTION,
  k,
  f,
  v,
  t: encodeHlc({ wall: (wall += 1), counter: 0, device: by }),
});
const names: Record<string, string> = { [studio]: 'Studio', [laptop]: 'Laptop', [mallory]: 'Mallory' };
const nameOf = (id: string) => names[id] ?? 'another device';

/** A roster where the studio added the laptop, which then wrote its own entry, and the studio removed Mallory. */
function roster() {
  const store = new MemoryFieldStore();
  applyOps(store, [
    op(studio, studio, MEMBER_FIELD, memberValue(entry('Studio', '4'))),
    op(studio, laptop, MEMBER_FIELD, memberValue(entry('Laptop'))),
    op(laptop, laptop, MEMBER_FIELD, memberValue(entry('Laptop'))),
    op(studio, mallory, MEMBER_FIELD, memberValue(entry('Mallory', '5'))),
    removalOp(mallory, encodeHlc({ wall: (wall += 1), counter: 0, device: studio })),
  ]);
  return rosterRecords(store.entries());
}

describe('rosterMembers', () => {
  it('reads each entry with its keys, marking removed ones', () => {
    expect(rosterMembers(roster()).map((member) => [member.name, member.removed])).toEqual([
      ['Studio', false],
      ['Laptop', false],
      ['Mallory', true],
    ]);
  });
});

describe('rosterOpRefusal', () => {
  it('lets the adding device write a first version, the device itself rename itself, and anyone remove', () => {
    const newcomer = '00000000000000d4';
    expect(
      rosterOpRefusal(
        roster(),
        [
          op(studio, newcomer, MEMBER_FIELD, memberValue(entry('New', '6'))),
          op(newcomer, newcomer, MEMBER_FIELD, memberValue(entry('New', '6'))),
          // The adding device restating the entry exactly as it is changes nothing, so it may.
          op(studio, laptop, MEMBER_FIELD, memberValue(entry('Laptop'))),
          op(laptop, laptop, MEMBER_FIELD, memberValue(entry('Laptop (work)'))),
          op(laptop, studio, DELETED_FIELD, true),
          op(studio, mallory, DELETED_FIELD, true),
        ],
        nameOf,
      ),
    ).toBeNull();
  });

  it('refuses another device rewriting an entry, and anyone changing an entry’s keys', () => {
    const records = roster();
    expect(
      rosterOpRefusal(records, [op(studio, laptop, MEMBER_FIELD, memberValue(entry('Lap')))], nameOf),
    ).toBe('it would rewrite the entry of Laptop, which only Laptop may change');
    expect(
      rosterOpRefusal(records, [op(laptop, laptop, MEMBER_FIELD, memberValue(entry('Laptop', '7')))], nameOf),
    ).toBe('it would change the keys of Laptop, which never change');
  });

  it('refuses bringing a removed device back, or changing it, even after a later write in the same blob', () => {
    const records = roster();
    expect(rosterOpRefusal(records, [op(laptop, mallory, DELETED_FIELD, false)], nameOf)).toMatch(
      /^it would bring back Mallory, which was removed from the group/,
    );
    expect(
      rosterOpRefusal(
        records,
        [op(mallory, mallory, MEMBER_FIELD, memberValue(entry('Mallory', '5')))],
        nameOf,
      ),
    ).toMatch(/^it would change Mallory, which was removed/);
    expect(
      rosterOpRefusal(
        records,
        [
          op(studio, laptop, DELETED_FIELD, true),
          op(laptop, laptop, MEMBER_FIELD, memberValue(entry('Laptop'))),
        ],
        nameOf,
      ),
    ).toMatch(/^it would change Laptop, which was removed/);
  });

  it('refuses a roster field other than the entry, and an entry that describes no device', () => {
    const records = roster();
    expect(rosterOpRefusal(records, [op(laptop, laptop, 'name', 'x')], nameOf)).toBe(
      'it writes an entry for Laptop that describes no device',
    );
    expect(rosterOpRefusal(records, [op(laptop, laptop, MEMBER_FIELD, '{"name":1}')], nameOf)).toBe(
      'it writes an entry for Laptop that describes no device',
    );
  });

  it('looks only at the roster', () => {
    expect(rosterOpRefusal(roster(), [{ ...op(mallory, 'x', 'name', 'y'), c: 'labels' }], nameOf)).toBeNull();
  });
});
