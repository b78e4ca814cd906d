import { base64urlnopad } from '@scure/base';
import { describe, expect, it, vi } from 'vitest';
import type { DesktopMessage } from '../../shared/pairing/messages';
import type { SyncPeer } from '../sync/syncService';
import { PhoneSyncBridge, type PhoneSync } from './phoneSyncBridge';
import type { PhoneSession } from './phoneSessions';
import { quietLog } from '../../../test/pairing/pairingParts';

const PHONE = 'aaaa0000aaaa0000';
const MEMBER = 'd'.repeat(32);
const GROUP = { ring: 'ring-1', roster: [] };

function setup(options: { sync?: boolean } = {}) {
  const peers: SyncPeer[] = [];
  const detach = vi.fn();
  const sync = {
    groupFor: vi.fn(async () => GROUP),
    addPhone: vi.fn(async () => undefined),
    attachPeer: vi.fn((peer: SyncPeer) => (peers.push(peer), detach)),
    receive: vi.fn(async () => undefined),
    removePhone: vi.fn(async () => undefined),
  } satisfies PhoneSync;
  const sent: DesktopMessage[] = [];
  const log = quietLog();
  const bridge = new PhoneSyncBridge({
    sync: options.sync === false ? undefined : sync,
    transmit: (_session, message) => void sent.push(message),
    phoneName: () => 'Alice’s phone',
    log,
  });
  const session = { fingerprint: PHONE, lastFrameAt: 1 } as PhoneSession;
  return { bridge, sync, sent, log, session, peers, detach };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PhoneSyncBridge', () => {
  it('sends a newly paired phone the group to join', async () => {
    const { bridge, sent, session } = setup();
    await bridge.welcome(session);
    expect(sent).toEqual([{ t: 'syncGroup', ...GROUP }]);
  });

  it('answers each hello with the group, then attaches the phone as a peer in place of the last', async () => {
    const { bridge, sync, sent, session, peers, detach } = setup();
    bridge.received(session, PHONE, { t: 'syncHello', has: { [MEMBER]: 4 } });
    await settle();
    expect(sent).toEqual([{ t: 'syncGroup', ...GROUP }]);
    expect(sync.attachPeer).toHaveBeenCalledWith(expect.objectContaining({ fingerprint: PHONE }), {
      [MEMBER]: 4,
    });
    bridge.received(session, PHONE, { t: 'syncHello', has: {} });
    await settle();
    expect(detach).toHaveBeenCalledOnce();
    expect(peers).toHaveLength(2);
  });

  it('sends what sync writes in messages of at most 32 blobs', async () => {
    const { bridge, sent, session, peers } = setup();
    bridge.received(session, PHONE, { t: 'syncHello', has: {} });
    await settle();
    const blobs = Array.from({ length: 70 }, (_, index) => new Uint8Array([index]));
    peers[0]?.send(blobs);
    const batches = sent.slice(1).map((message) => (message.t === 'syncBlobs' ? message.blobs : []));
    expect(batches.map((batch) => batch.length)).toEqual([32, 32, 6]);
    expect(batches.flat().map((blob) => base64urlnopad.decode(blob)[0])).toEqual(
      blobs.map((blob) => blob[0]),
    );
  });

  it('adds the phone to the group under its name, and passes on the blobs it sends', async () => {
    const { bridge, sync, session } = setup();
    bridge.received(session, PHONE, {
      t: 'syncMember',
      id: MEMBER,
      sign: 'a'.repeat(64),
      box: 'b'.repeat(64),
    });
    const blob = new Uint8Array(512).fill(7);
    bridge.received(session, PHONE, { t: 'syncBlobs', blobs: [base64urlnopad.encode(blob)] });
    await settle();
    expect(sync.addPhone).toHaveBeenCalledWith({
      id: MEMBER,
      name: 'Alice’s phone',
      sign: 'a'.repeat(64),
      box: 'b'.repeat(64),
      fingerprint: PHONE,
    });
    expect(sync.receive).toHaveBeenCalledWith([blob], 'relay');
  });

  it('logs a sync failure instead of throwing it at the phone’s session', async () => {
    const { bridge, sync, log, session } = setup();
    sync.receive.mockRejectedValueOnce(new Error('disk full'));
    sync.removePhone.mockRejectedValueOnce(new Error('locked'));
    bridge.received(session, PHONE, { t: 'syncBlobs', blobs: [] });
    bridge.removed(PHONE);
    await settle();
    expect(log.warn).toHaveBeenCalledWith('a phone sync message failed', { error: 'Error: disk full' });
    expect(log.warn).toHaveBeenCalledWith('the revoked phone could not be removed from sync', {
      error: 'Error: locked',
    });
  });

  it('does nothing where sync is not wired', async () => {
    const { bridge, sent, session } = setup({ sync: false });
    await bridge.welcome(session);
    bridge.received(session, PHONE, { t: 'syncHello', has: {} });
    bridge.removed(PHONE);
    await settle();
    expect(sent).toEqual([]);
  });
});
