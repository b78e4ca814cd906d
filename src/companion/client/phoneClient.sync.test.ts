import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { describe, expect, it } from 'vitest';
import {
  decodePhoneMessage,
  encodeMessage,
  type DesktopMessage,
  type PhoneMessage,
} from '../../shared/pairing/messages';
import { generateKeyPair, NoiseHandshake } from '../../shared/pairing/noise';
import type { ConnectRelay, RelayHandlers } from '../../shared/pairing/relayLink';
import { SecureChannel } from '../../shared/pairing/secureChannel';
import { deriveSessionSecrets, handshakePrologue } from '../../shared/pairing/sessionKeys';
import { HybridClock } from '../../shared/sync/hlc';
import { MEMBER_FIELD, memberValue } from '../../shared/sync/roster';
import { sealBlob } from '../../shared/sync/syncBlob';
import { encodeKeyRing, newDeviceKeys, newEpochKey, type EpochKey } from '../../shared/sync/syncKeys';
import type { SyncOp, SyncValue } from '../../shared/sync/syncOps';
import { newPhoneState, PhoneState, type PairedDesktop } from '../core/phoneState';
import { PhoneClient } from './phoneClient';

const MNEMONIC = 'test test test test test test test test test test test junk';
const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';

/**
 * A desktop already paired with the phone, scripted over an in-memory relay: it answers the resume
 * handshake, then exchanges sealed messages the way the real one does.
 */
function setUp() {
  const desktopStatic = generateKeyPair();
  const phoneStatic = generateKeyPair();
  let psk: Uint8Array = new Uint8Array(32).fill(7);
  const inbox = new Uint8Array(16).fill(9);
  const desktopId = bytesToHex(desktopStatic.publicKey);
  const paired: PairedDesktop = {
    id: desktopId,
    name: 'Work laptop',
    relay: 'ws://relay.test',
    desktopKey: desktopId,
    phoneStaticPrivate: bytesToHex(phoneStatic.secretKey),
    resumePsk: bytesToHex(psk),
    inbox: bytesToHex(inbox),
    pairedAt: 1,
    lastSeenAt: 1,
    status: 'active',
  };
  let state: PhoneState = { ...newPhoneState(MNEMONIC, 'Pixel'), desktops: [paired] };
  const received: PhoneMessage[] = [];
  let channel: SecureChannel | null = null;
  let phone: RelayHandlers | null = null;

  const connectRelay: ConnectRelay = async (_url, handlers) => {
    phone = handlers;
    return {
      listen: () => undefined,
      unlisten: () => undefined,
      open: () => undefined,
      close: () => undefined,
      disconnect: () => undefined,
      knock: (rendezvous, replyRoute, handshake) => {
        const noise = new NoiseHandshake({
          role: 'responder',
          prologue: handshakePrologue('resume', rendezvous),
          staticKey: desktopStatic,
          psk,
        });
        noise.readMessage(handshake);
        const reply = noise.writeMessage();
        const result = noise.split();
        const secrets = deriveSessionSecrets(result);
        psk = secrets.resumePsk;
        channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
        queueMicrotask(() => handlers.deliver(replyRoute, reply));
      },
      send: (_route, frame) => {
        const bytes = channel?.open(frame);
        if (bytes) received.push(decodePhoneMessage(bytes));
      },
    };
  };

  const client = new PhoneClient({
    store: {
      get state() {
        return state;
      },
      save: async (next) => {
        await Promise.resolve();
        state = PhoneState.parse(next);
      },
    },
    connectRelay,
    pingMs: 0,
    answerTimeoutMs: 1_000,
  });

  const deliver = (message: DesktopMessage) => {
    if (!channel || !phone) throw new Error('not connected');
    for (const frame of channel.seal(encodeMessage(message))) phone.deliver(channel.route, frame);
  };
  return { client, desktopId, received, deliver, state: () => state };
}

/** The desktop's side of its sync group. */
function syncDesktop() {
  const keys = newDeviceKeys();
  const ring: EpochKey[] = [newEpochKey([])];
  const clock = new HybridClock(keys.id);
  let counter = 0;
  const op = (c: SyncOp['c'], k: string, f: string, v: SyncValue): SyncOp => ({
    c,
    k,
    f,
    v,
    t: clock.tick(),
  });
  const member = (id: string, sign: string, box: string, kind: 'desktop' | 'phone') =>
    op('devices', id, MEMBER_FIELD, memberValue({ name: kind, kind, sign, box }));
  const roster: SyncOp[] = [
    member(keys.id, bytesToHex(keys.signPublic), bytesToHex(keys.boxPublic), 'desktop'),
  ];
  return {
    keys,
    ring,
    roster,
    member,
    op,
    group: (): DesktopMessage => ({ t: 'syncGroup', ring: encodeKeyRing(ring), roster }),
    blob: (ops: SyncOp[]) =>
      base64urlnopad.encode(
        sealBlob(ring.at(-1) as EpochKey, keys, { kind: 'ops', counter: ++counter, ops }),
      ),
  };
}

async function settle(check: () => boolean) {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe('PhoneClient sync', () => {
  it('says hello, joins the group once, applies blobs, names the recipient, and forgets it all on revoke', async () => {
    const { client, desktopId, received, deliver, state } = setUp();
    const desk = syncDesktop();
    let changes = 0;
    client.onChange(() => changes++);

    await client.connect(desktopId);
    await settle(() => received.some((m) => m.t === 'syncHello'));
    expect(received.map((m) => m.t)).toEqual(['resume', 'syncHello']);
    expect(received[1]).toEqual({ t: 'syncHello', has: {} });

    deliver(desk.group());
    await settle(() => received.some((m) => m.t === 'syncMember'));
    const joined = received.find((m) => m.t === 'syncMember');
    const sync = state().desktops[0]?.sync;
    expect(sync?.device).toBeDefined();
    expect(joined).toEqual({
      t: 'syncMember',
      id: sync?.device.id,
      sign: sync?.device.signPublic,
      box: sync?.device.boxPublic,
    });

    // Once the roster lists the phone, a repeated group is not answered again; the identity stays.
    desk.roster.push(
      desk.member(
        joined?.id as string,
        sync?.device.signPublic as string,
        sync?.device.boxPublic as string,
        'phone',
      ),
    );
    deliver(desk.group());
    await settle(() => state().desktops[0]?.sync?.fields.length === 2);
    expect(received.filter((m) => m.t === 'syncMember')).toHaveLength(1);
    expect(state().desktops[0]?.sync?.device).toEqual(sync?.device);

    const before = changes;
    const blob = desk.blob([desk.op('addressBook', `${ALICE}/*`, 'name', 'Alice')]);
    deliver({ t: 'syncBlobs', blobs: [blob, blob, 'AAAA'] });
    await settle(() => client.nameFor(desktopId, ALICE, 1) !== null);
    expect(changes).toBeGreaterThan(before);
    expect(client.nameFor(desktopId, ALICE.toLowerCase(), 1)).toEqual({
      name: 'Alice',
      source: 'addressBook',
    });
    expect(client.names(desktopId).contacts).toEqual([
      { address: ALICE, chainId: null, name: 'Alice', note: '' },
    ]);
    await settle(() => client.syncIssues(desktopId).length === 1);
    expect(client.syncIssues(desktopId)[0]).toMatch(/not a sync blob/);

    // A damaged ring from the desktop is noted and changes nothing.
    const kept = state().desktops[0]?.sync;
    deliver({ t: 'syncGroup', ring: 'broken', roster: [] });
    await settle(() => client.syncIssues(desktopId).length === 2);
    expect(state().desktops[0]?.sync).toEqual(kept);

    // Reconnecting reports what the phone holds.
    client.disconnect();
    await client.connect(desktopId);
    await settle(() => received.filter((m) => m.t === 'syncHello').length === 2);
    expect(received.filter((m) => m.t === 'syncHello')[1]).toEqual({
      t: 'syncHello',
      has: { [desk.keys.id]: 1 },
    });

    deliver({ t: 'revoke' });
    await settle(() => state().desktops[0]?.status === 'revoked');
    expect(state().desktops[0]?.sync).toBeUndefined();
    expect(client.names(desktopId)).toEqual({ labels: [], contacts: [] });
    expect(client.nameFor(desktopId, ALICE, 1)).toBeNull();
  });

  it('wipes the replica when the phone revokes the desktop', async () => {
    const { client, desktopId, deliver, state } = setUp();
    const desk = syncDesktop();
    await client.connect(desktopId);
    deliver(desk.group());
    await settle(() => state().desktops[0]?.sync !== undefined);
    await client.revoke(desktopId);
    expect(state().desktops[0]).toMatchObject({ status: 'revoked', resumePsk: '', phoneStaticPrivate: '' });
    expect(state().desktops[0]?.sync).toBeUndefined();
  });

  it('ignores blobs that arrive before the group, and keeps going', async () => {
    const { client, desktopId, deliver, state } = setUp();
    const desk = syncDesktop();
    await client.connect(desktopId);
    deliver({ t: 'syncBlobs', blobs: [desk.blob([desk.op('labels', `${ALICE}/*`, 'name', 'Cold')])] });
    await settle(() => client.syncIssues(desktopId).length === 1);
    expect(state().desktops[0]?.sync).toBeUndefined();
    expect(client.online(desktopId)).toBe(true);
    // The same state parses and keeps hex keys from the phone's identity.
    deliver(desk.group());
    await settle(() => state().desktops[0]?.sync !== undefined);
    expect(hexToBytes(state().desktops[0]?.sync?.device.signPublic as string)).toHaveLength(32);
  });
});
