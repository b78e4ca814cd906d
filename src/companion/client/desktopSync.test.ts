import { describe, expect, it } from 'vitest';
import { newPhoneState, type PairedDesktop, type PhoneState } from '../core/phoneState';
import { applyDesktopBlobs, joinSyncGroup } from './desktopSync';

const MNEMONIC = 'test test test test test test test test test test test junk';
const paired: PairedDesktop = {
  id: 'd1',
  name: 'Work laptop',
  relay: 'ws://relay.test',
  desktopKey: 'd1',
  phoneStaticPrivate: 'aa',
  resumePsk: 'bb',
  inbox: 'cc',
  pairedAt: 1,
  lastSeenAt: 1,
  status: 'active',
};
const state = (desktop: PairedDesktop): PhoneState => ({
  ...newPhoneState(MNEMONIC, 'Pixel'),
  desktops: [desktop],
});

// The sync test of PhoneClient runs a real group and real blobs; these are the cases where nothing applies.
describe('joinSyncGroup', () => {
  it('changes nothing for a desktop that is unknown or no longer active', () => {
    const group = { t: 'syncGroup', ring: 'unused', roster: [] } as Parameters<typeof joinSyncGroup>[2];
    expect(joinSyncGroup(state(paired), 'other', group)).toEqual({ next: null, announce: null });
    const gone = state({ ...paired, status: 'revoked' });
    expect(joinSyncGroup(gone, 'd1', group)).toEqual({ next: null, announce: null });
  });
});

describe('applyDesktopBlobs', () => {
  it('says blobs that arrive before the sync keys are ignored, and saves nothing', () => {
    expect(applyDesktopBlobs(state(paired), 'd1', ['AAAA'])).toEqual({
      next: null,
      refused: ['Synced data arrived before the sync keys, so it was ignored; it comes again next time.'],
    });
  });

  it('changes nothing for a desktop that is unknown or no longer active', () => {
    expect(applyDesktopBlobs(state(paired), 'other', ['AAAA'])).toEqual({ next: null, refused: [] });
    const gone = state({ ...paired, status: 'expired' });
    expect(applyDesktopBlobs(gone, 'd1', ['AAAA'])).toEqual({ next: null, refused: [] });
  });
});
