import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { SyncMember } from '../../shared/sync/roster';
import { SyncBlobsRepository } from './syncBlobsRepository';
import { SyncPeerTransport, type SyncPeer } from './syncPeerTransport';
import { SyncStateRepository } from './syncStateRepository';

const temp = useTempDatabase('sync-peers-');
const DESK = '00000000000000aa';
const PHONE = '00000000000000bb';
const LAPTOP = '00000000000000cc';

const member = (id: string, fingerprint: string | null, removed = false): SyncMember => ({
  id,
  name: id,
  kind: fingerprint ? 'phone' : 'desktop',
  signPublic: new Uint8Array(32),
  boxPublic: new Uint8Array(32),
  fingerprint,
  removed,
});

function setUp(members = [member(DESK, null), member(PHONE, 'f-phone'), member(LAPTOP, null, true)]) {
  const blobs = new SyncBlobsRepository(temp.db);
  const roster = { members: () => members, active: () => members.filter((m) => !m.removed) };
  const peers = new SyncPeerTransport({ blobs, roster, state: new SyncStateRepository(temp.db) });
  return { blobs, peers };
}

/** The phone paired as f-phone; it records the first byte of each blob it is sent. */
function phone(): SyncPeer & { received: number[] } {
  const received: number[] = [];
  const send = (blobs: Uint8Array[]) => void received.push(...blobs.map((blob) => blob[0] ?? -1));
  return { fingerprint: 'f-phone', received, send };
}

describe('SyncPeerTransport', () => {
  it('sends a peer that connects what it lacks of each active member', () => {
    const { blobs, peers } = setUp();
    blobs.add(DESK, 1, 1, new Uint8Array([1]));
    blobs.add(DESK, 2, 1, new Uint8Array([2]));
    blobs.add(PHONE, 1, 1, new Uint8Array([10]));
    blobs.add(LAPTOP, 1, 1, new Uint8Array([20]));
    const peer = phone();
    peers.attach(peer, { [DESK]: 1 });
    expect(peer.received).toEqual([2, 10]);
    expect(peers.connected).toBe(true);
  });

  it('pushes each blob stored since the last push once, leaving out the peer’s own', () => {
    const { blobs, peers } = setUp();
    peers.push();
    const peer = phone();
    peers.attach(peer, {});
    blobs.add(DESK, 1, 1, new Uint8Array([1]));
    blobs.add(PHONE, 1, 1, new Uint8Array([10]));
    peers.push();
    peers.push();
    blobs.add(DESK, 2, 1, new Uint8Array([2]));
    peers.push();
    expect(peer.received).toEqual([1, 2]);
  });

  it('pushes every blob again once its progress is forgotten, as after joining another group', () => {
    const { blobs, peers } = setUp();
    const peer = phone();
    peers.attach(peer, {});
    blobs.add(DESK, 1, 1, new Uint8Array([1]));
    peers.push();
    peers.forgetProgress();
    blobs.add(DESK, 2, 1, new Uint8Array([2]));
    peers.push();
    expect(peer.received).toEqual([1, 1, 2]);
  });

  it('stops pushing to a peer that detached or was dropped; a stale detach leaves the new session', () => {
    const { blobs, peers } = setUp();
    const first = phone();
    const detachFirst = peers.attach(first, {});
    const second = phone();
    peers.attach(second, {});
    detachFirst();
    blobs.add(DESK, 1, 1, new Uint8Array([1]));
    peers.push();
    expect(first.received).toEqual([]);
    expect(second.received).toEqual([1]);
    peers.drop('f-phone');
    expect(peers.connected).toBe(false);
  });

  it('pushes nothing while no peer is online, so one that connects later catches up on attach', () => {
    const { blobs, peers } = setUp();
    blobs.add(DESK, 1, 1, new Uint8Array([1]));
    peers.push();
    const peer = phone();
    peers.attach(peer, {});
    expect(peer.received).toEqual([1]);
  });
});
