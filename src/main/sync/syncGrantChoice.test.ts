import { describe, expect, it } from 'vitest';
import { encodeHlc } from '../../shared/sync/hlc';
import { removalOp } from '../../shared/sync/roster';
import { newEpochKey } from '../../shared/sync/syncKeys';
import { chooseGrant } from './syncGrantChoice';
import type { OpenedGrant } from './syncGrants';

const [studio, laptop, old, phone] = [
  '000000000000000a',
  '000000000000000b',
  '000000000000000c',
  '000000000000000d',
];
const names: Record<string, string> = {
  [studio]: 'Studio',
  [laptop]: 'Laptop',
  [old]: 'Old laptop',
  [phone]: 'Phone',
};
const nameOf = (id: string) => names[id] ?? '?';
const first = newEpochKey([]);
const grant = (by: string, removed: string, key = newEpochKey([first])): OpenedGrant => ({
  by,
  key,
  removal: removalOp(removed, encodeHlc({ wall: 1, counter: 0, device: by })),
});

describe('chooseGrant', () => {
  it('takes the only grant, with its removal', () => {
    const only = grant(studio, old);
    expect(chooseGrant([only], nameOf)).toEqual({ kind: 'adopt', key: only.key, removals: [only.removal] });
  });

  it('has nothing to take without grants', () => {
    expect(chooseGrant([], nameOf)).toEqual({ kind: 'none' });
  });

  it('refuses the grant of a device another grant removes, and takes the other', () => {
    const removal = grant(studio, old);
    const planted = grant(old, phone);
    expect(chooseGrant([planted, removal], nameOf)).toEqual({
      kind: 'adopt',
      key: removal.key,
      removals: [removal.removal],
    });
  });

  it('calls two devices that removed each other a conflict, in words naming both, and takes neither', () => {
    const choice = chooseGrant([grant(studio, old), grant(old, studio)], nameOf);
    expect(choice).toEqual({
      kind: 'conflict',
      message: expect.stringContaining('(Studio removed Old laptop; Old laptop removed Studio)'),
    });
    expect(choice.kind === 'conflict' && choice.message).toMatch(/Remove the device you do not trust/);
  });

  it('calls two different keys from devices still in the group a conflict', () => {
    expect(chooseGrant([grant(studio, old), grant(laptop, phone)], nameOf).kind).toBe('conflict');
  });
});
