import { describe, expect, it } from 'vitest';
import { encodeKeyRing, newEpochKey } from '../../shared/sync/syncKeys';
import type { AnsweredRequest } from './phoneState';
import { MAX_ANSWERED, newPhoneState, PairedDesktop, PhoneState, recordAnswer } from './phoneState';
import { newSyncReplica } from './phoneSync';

const MNEMONIC = 'test test test test test test test test test test test junk';
const answer = (n: number): AnsweredRequest => ({
  id: n.toString(16).padStart(32, '0'),
  digest: `0x${'ab'.repeat(32)}`,
  signature: null,
  answeredAt: n,
});

describe('phone state', () => {
  it('starts empty and not backed up', () => {
    expect(newPhoneState(MNEMONIC, 'Pixel')).toEqual({
      version: 1,
      mnemonic: MNEMONIC,
      phoneName: 'Pixel',
      backedUp: false,
      desktops: [],
      answered: [],
    });
  });

  it('refuses an invalid mnemonic and malformed desktops', () => {
    expect(() => newPhoneState('not a phrase', 'Pixel')).toThrow();
    const desktop = {
      id: 'aa'.repeat(32),
      name: 'Laptop',
      relay: 'ws://192.168.1.20:8787',
      desktopKey: 'aa'.repeat(32),
      phoneStaticPrivate: 'bb'.repeat(32),
      resumePsk: 'cc'.repeat(32),
      inbox: 'dd'.repeat(16),
      pairedAt: 1,
      lastSeenAt: 2,
      status: 'active',
    };
    expect(PairedDesktop.parse(desktop)).toEqual(desktop);
    expect(PairedDesktop.safeParse({ ...desktop, inbox: 'dd'.repeat(32) }).success).toBe(false);
    expect(PairedDesktop.safeParse({ ...desktop, relay: 'http://x' }).success).toBe(false);
    expect(PairedDesktop.safeParse({ ...desktop, id: `0x${'aa'.repeat(31)}` }).success).toBe(false);
    // A desktop saved before sync existed has no replica and still parses; a malformed replica does not.
    expect(PairedDesktop.parse(desktop).sync).toBeUndefined();
    const sync = newSyncReplica({ ring: encodeKeyRing([newEpochKey([])]), roster: [] });
    expect(PairedDesktop.parse({ ...desktop, sync })).toEqual({ ...desktop, sync });
    expect(PairedDesktop.safeParse({ ...desktop, sync: { ...sync, ledger: { nope: 1 } } }).success).toBe(
      false,
    );
    expect(
      PairedDesktop.safeParse({ ...desktop, sync: { ...sync, device: { ...sync.device, signSecret: '00' } } })
        .success,
    ).toBe(false);
  });

  it('keeps the newest answers only, and one per id', () => {
    let state = newPhoneState(MNEMONIC, 'Pixel');
    for (let n = 1; n <= MAX_ANSWERED + 5; n++) state = recordAnswer(state, answer(n));
    expect(state.answered).toHaveLength(MAX_ANSWERED);
    expect(state.answered[0]?.answeredAt).toBe(6);
    state = recordAnswer(state, { ...answer(100), answeredAt: 999 });
    expect(state.answered.filter((a) => a.id === answer(100).id)).toEqual([
      { ...answer(100), answeredAt: 999 },
    ]);
    expect(PhoneState.parse(state)).toEqual(state);
  });
});
