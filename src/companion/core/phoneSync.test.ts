import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { base64urlnopad } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { HybridClock } from '../../shared/sync/hlc';
import { MEMBER_FIELD, memberValue } from '../../shared/sync/roster';
import { sealBlob } from '../../shared/sync/syncBlob';
import {
  encodeKeyRing,
  newDeviceKeys,
  newEpochKey,
  type DeviceKeys,
  type EpochKey,
} from '../../shared/sync/syncKeys';
import { DELETED_FIELD, type SyncOp, type SyncValue } from '../../shared/sync/syncOps';
import {
  applySyncBlobs,
  applySyncGroup,
  inRoster,
  MAX_SYNC_FIELDS,
  memberOf,
  nameFor,
  namesFor,
  newSyncReplica,
  SyncReplica,
  syncHas,
} from './phoneSync';

const ALICE = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
const COLD = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';

/** A desktop of the sync group: its keys, the ring, a clock, and a counter for its blobs. */
class FakeDesktop {
  readonly keys: DeviceKeys = newDeviceKeys();
  ring: EpochKey[] = [newEpochKey([])];
  readonly clock: HybridClock;
  counter = 0;
  private wall = 1_790_000_000_000;

  constructor() {
    this.clock = new HybridClock(this.keys.id, () => this.wall++);
  }

  op(c: SyncOp['c'], k: string, f: string, v: SyncValue): SyncOp {
    return { c, k, f, v, t: this.clock.tick() };
  }

  memberOp(device: Pick<DeviceKeys, 'id' | 'signPublic' | 'boxPublic'>, kind: 'desktop' | 'phone'): SyncOp {
    return this.op(
      'devices',
      device.id,
      MEMBER_FIELD,
      memberValue({
        name: kind === 'desktop' ? 'Desk' : 'Phone',
        kind,
        sign: bytesToHex(device.signPublic),
        box: bytesToHex(device.boxPublic),
      }),
    );
  }

  group(extra: SyncOp[] = []) {
    return { ring: encodeKeyRing(this.ring), roster: [this.memberOp(this.keys, 'desktop'), ...extra] };
  }

  /** Seals ops with the newest epoch key (or the one given) as the next counter. */
  blob(
    ops: SyncOp[],
    epoch: EpochKey = this.ring.at(-1) as EpochKey,
    signer: DeviceKeys = this.keys,
  ): string {
    this.counter += 1;
    return base64urlnopad.encode(sealBlob(epoch, signer, { kind: 'ops', counter: this.counter, ops }));
  }
}

function setUp() {
  const desktop = new FakeDesktop();
  const replica = newSyncReplica(desktop.group());
  return { desktop, replica };
}

describe('phone sync replica', () => {
  it('creates an identity and takes the ring and roster; the roster lists the phone once the desktop adds it', () => {
    const { desktop, replica } = setUp();
    expect(SyncReplica.parse(replica)).toEqual(replica);
    expect(replica.device.id).toMatch(/^[0-9a-f]{16}$/);
    expect(memberOf(replica.device)).toEqual({
      id: replica.device.id,
      sign: replica.device.signPublic,
      box: replica.device.boxPublic,
    });
    expect(inRoster(replica)).toBe(false);
    expect(syncHas(replica)).toEqual({});

    const phone = {
      id: replica.device.id,
      signPublic: hexToBytes(replica.device.signPublic),
      boxPublic: hexToBytes(replica.device.boxPublic),
    };
    const next = applySyncGroup(replica, desktop.group([desktop.memberOp(phone, 'phone')]));
    expect(inRoster(next)).toBe(true);
    expect(next.device).toEqual(replica.device);
  });

  it('refuses a damaged ring and keeps the replica as it was', () => {
    const { desktop, replica } = setUp();
    expect(() => applySyncGroup(replica, { ring: 'nope', roster: [] })).toThrow(/sync keys are damaged/);
    expect(() => newSyncReplica({ ring: '{"v":1,"keys":[{}]}', roster: desktop.group().roster })).toThrow();
  });

  it('shows labels and contacts from blobs, and a deletion removes one', () => {
    const { desktop, replica: start } = setUp();
    const blobs = [
      desktop.blob([
        desktop.op('labels', `${COLD}/*`, 'name', 'Cold storage'),
        desktop.op('labels', `${COLD}/*`, 'kind', 'eoa'),
        desktop.op('labels', `${COLD}/*`, 'note', 'Ledger in the safe'),
        desktop.op('tokens', 'x', 'symbol', 'FOO'),
      ]),
      desktop.blob([
        desktop.op('addressBook', `${ALICE}/1`, 'name', 'Alice'),
        desktop.op('addressBook', `${ALICE}/1`, 'note', ''),
      ]),
    ];
    const { replica, report } = applySyncBlobs(start, blobs);
    expect(report).toEqual({ applied: 2, duplicates: 0, refused: [], changed: 5 });
    expect(namesFor(replica)).toEqual({
      labels: [
        { address: COLD, chainId: null, name: 'Cold storage', note: 'Ledger in the safe', kind: 'eoa' },
      ],
      contacts: [{ address: ALICE, chainId: 1, name: 'Alice', note: '' }],
    });
    // Other collections are not kept on the phone.
    expect(replica.fields.some((op) => op.c === 'tokens')).toBe(false);
    expect(syncHas(replica)).toEqual({ [desktop.keys.id]: 2 });
    expect(SyncReplica.parse(replica)).toEqual(replica);

    const gone = applySyncBlobs(replica, [
      desktop.blob([desktop.op('labels', `${COLD}/*`, DELETED_FIELD, true)]),
    ]);
    expect(namesFor(gone.replica).labels).toEqual([]);
    expect(namesFor(gone.replica).contacts).toHaveLength(1);
  });

  it('applies a blob seen twice once, and in any order', () => {
    const { desktop, replica: start } = setUp();
    const first = desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice')]);
    const second = desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice B.')]);
    const once = applySyncBlobs(start, [second, first]);
    expect(once.report).toMatchObject({ applied: 2, duplicates: 0, refused: [] });
    const twice = applySyncBlobs(once.replica, [first, second]);
    expect(twice.report).toMatchObject({ applied: 0, duplicates: 2, refused: [] });
    expect(twice.replica.fields).toEqual(once.replica.fields);
    expect(nameFor(twice.replica, ALICE, 1)).toEqual({ name: 'Alice B.', source: 'addressBook' });
    expect(syncHas(twice.replica)).toEqual({ [desktop.keys.id]: 2 });
  });

  it('knows a blob the relay held back from a later one, and asks for it again', () => {
    const { desktop, replica: start } = setUp();
    const first = desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice')]);
    desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'note', 'withheld')]);
    const third = desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice B.')]);
    const { replica } = applySyncBlobs(start, [first, third]);
    expect(replica.ledger[desktop.keys.id]).toEqual({ contiguous: 1, above: [3], known: 3 });
    // syncHello asks from the gap on.
    expect(syncHas(replica)).toEqual({ [desktop.keys.id]: 1 });
  });

  it('reads a replica saved by version 2, whose ledger held the highest head', () => {
    const { desktop, replica } = setUp();
    const saved = { ...replica, ledger: { [desktop.keys.id]: { contiguous: 1, above: [], head: 3 } } };
    const parsed = SyncReplica.parse(JSON.parse(JSON.stringify(saved)));
    const blob = desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice')]);
    expect(applySyncBlobs(parsed, [blob]).replica.ledger[desktop.keys.id]).toEqual({
      contiguous: 1,
      above: [],
      known: 3,
    });
  });

  it('refuses a blob sealed under an epoch the phone lacks, and reads it once the new ring arrives', () => {
    const { desktop, replica: start } = setUp();
    const newer = newEpochKey(desktop.ring);
    const blob = desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice')], newer);
    const refused = applySyncBlobs(start, [blob]);
    expect(refused.report.applied).toBe(0);
    expect(refused.report.refused).toEqual([
      { code: 'unreadable', message: expect.stringMatching(/could not be decrypted/) as unknown },
    ]);
    expect(refused.replica.fields).toEqual(start.fields);
    expect(syncHas(refused.replica)).toEqual({});

    desktop.ring = [...desktop.ring, newer];
    const rotated = applySyncGroup(refused.replica, desktop.group());
    const read = applySyncBlobs(rotated, [blob]);
    expect(read.report).toMatchObject({ applied: 1, refused: [] });
    expect(nameFor(read.replica, ALICE, 1)?.name).toBe('Alice');
  });

  it('refuses a tampered blob and an unreadable string, and keeps everything it had', () => {
    const { desktop, replica: start } = setUp();
    const good = applySyncBlobs(start, [
      desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice')]),
    ]);
    const bytes = base64urlnopad.decode(
      desktop.blob([desktop.op('addressBook', `${ALICE}/*`, 'name', 'Mallory')]),
    );
    bytes[40] = (bytes[40] as number) ^ 1;
    const after = applySyncBlobs(good.replica, [base64urlnopad.encode(bytes), 'A']);
    expect(after.report.applied).toBe(0);
    expect(after.report.refused.map((entry) => entry.code)).toEqual(['unreadable', 'unreadable']);
    expect(after.replica.fields).toEqual(good.replica.fields);
    expect(nameFor(after.replica, ALICE, 1)?.name).toBe('Alice');
  });

  it('refuses blobs from a device removed from the roster, and from one never in it', () => {
    const { desktop, replica: start } = setUp();
    const other = newDeviceKeys();
    const joined = applySyncGroup(start, desktop.group([desktop.memberOp(other, 'desktop')]));
    const fromOther = (name: string) => {
      const op: SyncOp = {
        c: 'addressBook',
        k: `${ALICE}/*`,
        f: 'name',
        v: name,
        t: new HybridClock(other.id).tick(),
      };
      return base64urlnopad.encode(
        sealBlob(desktop.ring[0] as EpochKey, other, { kind: 'ops', counter: 1, ops: [op] }),
      );
    };
    expect(applySyncBlobs(joined, [fromOther('Alice')]).report).toMatchObject({ applied: 1, refused: [] });

    const removal = applySyncBlobs(joined, [
      desktop.blob([desktop.op('devices', other.id, DELETED_FIELD, true)]),
    ]);
    const after = applySyncBlobs(removal.replica, [fromOther('Mallory')]);
    expect(after.report.refused).toEqual([
      { code: 'unknown_device', message: expect.any(String) as unknown },
    ]);
    expect(nameFor(after.replica, ALICE, 1)).toBeNull();

    const stranger = newDeviceKeys();
    const op: SyncOp = {
      c: 'labels',
      k: `${ALICE}/*`,
      f: 'name',
      v: 'X',
      t: new HybridClock(stranger.id).tick(),
    };
    const blob = base64urlnopad.encode(
      sealBlob(desktop.ring[0] as EpochKey, stranger, { kind: 'ops', counter: 1, ops: [op] }),
    );
    expect(applySyncBlobs(start, [blob]).report.refused.map((entry) => entry.code)).toEqual([
      'unknown_device',
    ]);
  });

  it('refuses a member rewriting another member’s entry or undoing a removal, and applies nothing of it', () => {
    const { desktop, replica: start } = setUp();
    const other = newDeviceKeys();
    const gone = newDeviceKeys();
    const joined = applySyncGroup(
      start,
      desktop.group([desktop.memberOp(other, 'desktop'), desktop.memberOp(gone, 'desktop')]),
    );
    const removed = applySyncBlobs(joined, [
      desktop.blob([desktop.op('devices', gone.id, DELETED_FIELD, true)]),
    ]);
    const clock = new HybridClock(other.id, () => 1_800_000_000_000);
    const byOther = (counter: number, ops: Omit<SyncOp, 't'>[]) =>
      base64urlnopad.encode(
        sealBlob(desktop.ring[0] as EpochKey, other, {
          kind: 'ops',
          counter,
          ops: ops.map((op) => ({ ...op, t: clock.tick() })),
        }),
      );
    const takeover = memberValue({
      name: 'Desk',
      kind: 'desktop',
      sign: bytesToHex(other.signPublic),
      box: bytesToHex(other.boxPublic),
    });
    const { replica, report } = applySyncBlobs(removed.replica, [
      byOther(1, [
        { c: 'labels', k: `${ALICE}/*`, f: 'name', v: 'Mallory' },
        { c: 'devices', k: desktop.keys.id, f: MEMBER_FIELD, v: takeover },
      ]),
      byOther(2, [{ c: 'devices', k: gone.id, f: DELETED_FIELD, v: false }]),
    ]);
    expect(report.refused).toEqual([
      { code: 'malformed', message: expect.stringMatching(/rewrite the entry of Desk/) as unknown },
      { code: 'malformed', message: expect.stringMatching(/bring back Desk, which was removed/) as unknown },
    ]);
    expect(nameFor(replica, ALICE, 1)).toBeNull();
    expect(
      applySyncBlobs(replica, [desktop.blob([desktop.op('labels', `${ALICE}/*`, 'name', 'Alice')])]).report,
    ).toMatchObject({ applied: 1, refused: [] });
  });

  it('names an address: contact on the chain, contact everywhere, label on the chain, label everywhere', () => {
    const { desktop, replica: start } = setUp();
    const lower = ALICE.toLowerCase();
    const step = (replica: SyncReplica, ops: SyncOp[]) =>
      applySyncBlobs(replica, [desktop.blob(ops)]).replica;
    let replica = step(start, [desktop.op('labels', `${ALICE}/*`, 'name', 'Any-chain label')]);
    expect(nameFor(replica, lower, 1)).toEqual({ name: 'Any-chain label', source: 'label' });
    replica = step(replica, [desktop.op('labels', `${ALICE}/1`, 'name', 'Mainnet label')]);
    expect(nameFor(replica, lower, 1)).toEqual({ name: 'Mainnet label', source: 'label' });
    expect(nameFor(replica, lower, 10)).toEqual({ name: 'Any-chain label', source: 'label' });
    replica = step(replica, [desktop.op('addressBook', `${ALICE}/*`, 'name', 'Alice')]);
    expect(nameFor(replica, lower, 1)).toEqual({ name: 'Alice', source: 'addressBook' });
    replica = step(replica, [desktop.op('addressBook', `${ALICE}/1`, 'name', 'Alice on mainnet')]);
    expect(nameFor(replica, lower, 1)).toEqual({ name: 'Alice on mainnet', source: 'addressBook' });
    expect(nameFor(replica, ALICE, 10)).toEqual({ name: 'Alice', source: 'addressBook' });
    expect(nameFor(replica, COLD, 1)).toBeNull();
    expect(nameFor(undefined, ALICE, 1)).toBeNull();
  });

  it('does not parse a replica with a bad identity or key ring', () => {
    const { replica } = setUp();
    expect(SyncReplica.safeParse({ ...replica, ring: 'x' }).success).toBe(false);
    expect(SyncReplica.safeParse({ ...replica, device: { ...replica.device, id: 'xyz' } }).success).toBe(
      false,
    );
    expect(SyncReplica.safeParse({ ...replica, extra: 1 }).success).toBe(false);
  });
});

describe('phone sync limits', () => {
  it('refuses a blob that would take the replica past the field cap, and does not count it as held', () => {
    const desktop = new FakeDesktop();
    const start = newSyncReplica(desktop.group());
    const filler: SyncOp[] = Array.from({ length: MAX_SYNC_FIELDS - start.fields.length }, (_, i) =>
      desktop.op('labels', `${ALICE}/${i + 1}`, 'name', 'x'),
    );
    const full = { ...start, fields: [...start.fields, ...filler] };
    const { replica, report } = applySyncBlobs(full, [
      desktop.blob([desktop.op('labels', `${COLD}/*`, 'name', 'One too many')]),
    ]);
    expect(report.refused.map((entry) => entry.message)).toEqual([
      expect.stringMatching(/past 50000 synced fields/) as unknown,
    ]);
    expect(syncHas(replica)).toEqual({});
    expect(replica.fields).toHaveLength(MAX_SYNC_FIELDS);
  });
});
