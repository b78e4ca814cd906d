import { describe, expect, it } from 'vitest';
import { newPhoneState, type PairedDesktop, type PhoneState } from '../core/phoneState';
import { PhoneStateWriter, revoked } from './phoneStateWriter';

const MNEMONIC = 'test test test test test test test test test test test junk';

const desktop = (id: string): PairedDesktop => ({
  id,
  name: `Desk ${id}`,
  relay: 'ws://relay.test',
  desktopKey: id,
  phoneStaticPrivate: 'aa',
  resumePsk: 'bb',
  inbox: 'cc',
  pairedAt: 1,
  lastSeenAt: 1,
  status: 'active',
});

/** A store whose saves finish in the order given by the test, to make writes overlap. */
function slowStore() {
  let state: PhoneState = newPhoneState(MNEMONIC, 'Pixel');
  const saves: PhoneState[] = [];
  return {
    store: {
      get state() {
        return state;
      },
      save: async (next: PhoneState) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        saves.push(next);
        state = next;
      },
    },
    saves,
  };
}

describe('PhoneStateWriter', () => {
  it('starts each write from the state the previous one saved, so overlapping writes all land', async () => {
    const { store, saves } = slowStore();
    const writer = new PhoneStateWriter(store);
    await Promise.all([
      writer.saveDesktop(desktop('a')),
      writer.saveDesktop(desktop('b')),
      writer.updateDesktop('a', (current) => ({ ...current, lastSeenAt: 9 })),
    ]);
    expect(saves).toHaveLength(3);
    expect(writer.state.desktops.map((entry) => [entry.id, entry.lastSeenAt])).toEqual([
      ['b', 1],
      ['a', 9],
    ]);
  });

  it('saves nothing for an update with nothing to change, and goes on after a failed write', async () => {
    const { store, saves } = slowStore();
    const writer = new PhoneStateWriter(store);
    await writer.updateDesktop('missing', (current) => current);
    await expect(
      writer.persist(() => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    await writer.settled();
    await writer.saveDesktop(desktop('a'));
    expect(saves.map((state) => state.desktops.length)).toEqual([1]);
  });

  it('remembers an answer once per request id', async () => {
    const { store } = slowStore();
    const writer = new PhoneStateWriter(store);
    const answer = { id: 'ab'.repeat(16), digest: `0x${'cd'.repeat(32)}`, signature: null, answeredAt: 5 };
    await writer.remember(answer);
    await writer.remember({ ...answer, answeredAt: 6 });
    expect(writer.state.answered).toEqual([{ ...answer, answeredAt: 6 }]);
  });
});

describe('revoked', () => {
  it('wipes the keys a resume would use and the sync replica', () => {
    const { sync: _none, ...wiped } = revoked({ ...desktop('a'), sync: undefined });
    expect(wiped).toEqual({ ...desktop('a'), status: 'revoked', resumePsk: '', phoneStaticPrivate: '' });
    expect('sync' in revoked(desktop('a'))).toBe(false);
  });
});
