import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519 } from '@noble/curves/ed25519.js';
import { concatBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOB_BUCKETS, blobName, openBlob, sealBlob, type OpenedBlob } from './syncBlob';
import { SyncBlobError } from './syncBlobError';
import { derivedKeys, newDeviceKeys, newEpochKey, type DeviceKeys, type EpochKey } from './syncKeys';
import type { SyncOp } from './syncOps';

const alice = newDeviceKeys();
const bob = newDeviceKeys();
const roster = new Map([
  [alice.id, alice.signPublic],
  [bob.id, bob.signPublic],
]);
const signPublicOf = (id: string) => roster.get(id);
const epoch1 = newEpochKey([]);
const epoch2 = newEpochKey([epoch1]);

function labelOp(device: DeviceKeys, index = 0, name = 'Savings'): SyncOp {
  return {
    c: 'labels',
    k: `0x${index.toString(16).padStart(40, '0')}:1`,
    f: 'name',
    v: name,
    t: `018f2c3a4b5c-${index.toString(16).padStart(6, '0')}-${device.id}`,
  };
}

const code = (value: SyncBlobError['code']) => expect.objectContaining({ code: value });

/** Builds a blob by hand from the documented layout, to reach checks that sealBlob would never fail. */
function sealRaw(key: EpochKey, json: Uint8Array, signer: DeviceKeys, length = json.length): Uint8Array {
  const inner = new Uint8Array(512 - 41);
  const context = utf8ToBytes('ledgerline/sync 1 blob\0');
  inner.set(ed25519.sign(concatBytes(context, json), signer.signSecret), 0);
  new DataView(inner.buffer).setUint32(64, length, false);
  inner.set(json, 68);
  const nonce = randomBytes(24);
  const version = Uint8Array.of(1);
  return concatBytes(version, nonce, xchacha20poly1305(derivedKeys(key).enc, nonce, version).encrypt(inner));
}

const isBucket = (length: number) =>
  (BLOB_BUCKETS as readonly number[]).includes(length) || length % 131072 === 0;

describe('sealBlob / openBlob', () => {
  it('round-trips an ops batch, and an empty one', () => {
    const ops = [labelOp(alice, 1), labelOp(alice, 2, 'Cold storage')];
    const opened = openBlob(
      [epoch1],
      signPublicOf,
      sealBlob(epoch1, alice, { kind: 'ops', counter: 3, ops }),
    );
    expect(opened).toEqual<OpenedBlob>({ kind: 'ops', origin: alice.id, counter: 3, epoch: 1, ops });
    const empty = openBlob(
      [epoch1],
      signPublicOf,
      sealBlob(epoch1, alice, { kind: 'ops', counter: 4, ops: [] }),
    );
    expect(empty).toEqual<OpenedBlob>({ kind: 'ops', origin: alice.id, counter: 4, epoch: 1, ops: [] });
  });

  it('opens a blob built by hand from the documented byte layout', () => {
    const json = utf8ToBytes(
      JSON.stringify({ v: 1, kind: 'ops', origin: bob.id, counter: 1, epoch: 1, ops: [labelOp(bob)] }),
    );
    expect(openBlob([epoch1], signPublicOf, sealRaw(epoch1, json, bob))).toMatchObject({
      kind: 'ops',
      origin: bob.id,
      counter: 1,
      ops: [labelOp(bob)],
    });
  });

  it('refuses a head blob of version 2 as malformed: no reader reads heads any more', () => {
    const json = utf8ToBytes(JSON.stringify({ v: 1, kind: 'head', origin: bob.id, counter: 3, epoch: 1 }));
    expect(() => openBlob([epoch1], signPublicOf, sealRaw(epoch1, json, bob))).toThrow(code('malformed'));
  });

  it('shows nothing but the version byte and a nonce: no origin, kind, label or epoch, and fresh bytes each time', () => {
    const content = { kind: 'ops', counter: 1, ops: [labelOp(alice)] } as const;
    const first = sealBlob(epoch1, alice, content);
    const second = sealBlob(epoch1, alice, content);
    expect(first[0]).toBe(1);
    expect(first.subarray(1)).not.toEqual(second.subarray(1));
    const visible = new TextDecoder('latin1').decode(first);
    for (const secret of [alice.id, 'labels', 'Savings', '"epoch"']) {
      expect(visible).not.toContain(secret);
    }
  });

  it('pads the sealed blob to exactly a bucket, small or large; one label op fits the smallest', () => {
    expect(sealBlob(epoch1, alice, { kind: 'ops', counter: 1, ops: [labelOp(alice)] })).toHaveLength(512);
    expect(sealBlob(epoch1, alice, { kind: 'ops', counter: 9, ops: [] })).toHaveLength(512);
    const sizes = [0, 1, 2, 5, 20, 100, 1000, 3000].map((count) => {
      const ops = Array.from({ length: count }, (_, index) => labelOp(alice, index));
      const blob = sealBlob(epoch1, alice, { kind: 'ops', counter: 1, ops });
      expect(isBucket(blob.length)).toBe(true);
      expect(openBlob([epoch1], signPublicOf, blob).ops).toEqual(ops);
      return blob.length;
    });
    expect(sizes).toEqual([512, 512, 512, 2048, 8192, 32768, 262144, 524288]);
  });

  it('refuses a tampered byte anywhere as unreadable', () => {
    const blob = sealBlob(epoch1, alice, { kind: 'ops', counter: 1, ops: [] });
    for (const index of [0, 1, 24, 25, 100, blob.length - 1]) {
      const tampered = blob.slice();
      tampered[index] = (tampered[index] as number) ^ 0x80;
      expect(() => openBlob([epoch1], signPublicOf, tampered)).toThrow(code('unreadable'));
    }
  });

  it('refuses a blob that is not a bucket long, even if otherwise intact', () => {
    const blob = sealBlob(epoch1, alice, { kind: 'ops', counter: 1, ops: [] });
    expect(() => openBlob([epoch1], signPublicOf, blob.subarray(0, 511))).toThrow(code('unreadable'));
    expect(() => openBlob([epoch1], signPublicOf, concatBytes(blob, new Uint8Array(1)))).toThrow(
      code('unreadable'),
    );
    expect(() => openBlob([epoch1], signPublicOf, new Uint8Array(0))).toThrow(code('unreadable'));
  });

  it('refuses a blob from another sync group as unreadable', () => {
    const otherGroup = newEpochKey([]);
    const blob = sealBlob(otherGroup, alice, { kind: 'ops', counter: 1, ops: [] });
    expect(() => openBlob([epoch1, epoch2], signPublicOf, blob)).toThrow(
      new SyncBlobError(
        'unreadable',
        'A sync blob could not be decrypted with any of this device’s sync keys: it is corrupt, or from another sync group.',
      ),
    );
  });

  it('keeps blobs sealed after a rotation from a device that only holds the old epoch', () => {
    const blob = sealBlob(epoch2, alice, { kind: 'ops', counter: 4, ops: [labelOp(alice)] });
    expect(() => openBlob([epoch1], signPublicOf, blob)).toThrow(code('unreadable'));
    expect(openBlob([epoch1, epoch2], signPublicOf, blob).epoch).toBe(2);
    const old = sealBlob(epoch1, alice, { kind: 'ops', counter: 3, ops: [] });
    expect(openBlob([epoch2, epoch1], signPublicOf, old).epoch).toBe(1);
  });

  it('refuses a blob signed by a device not in the roster', () => {
    const stranger = newDeviceKeys();
    const blob = sealBlob(epoch1, stranger, { kind: 'ops', counter: 1, ops: [labelOp(stranger)] });
    expect(() => openBlob([epoch1], signPublicOf, blob)).toThrow(code('unknown_device'));
  });

  it('refuses a blob whose signature is by a different device than its origin', () => {
    const forger = { id: bob.id, signSecret: alice.signSecret };
    const empty = sealBlob(epoch1, forger, { kind: 'ops', counter: 1, ops: [] });
    expect(() => openBlob([epoch1], signPublicOf, empty)).toThrow(code('bad_signature'));
    const ops = sealBlob(epoch1, forger, { kind: 'ops', counter: 1, ops: [labelOp(bob)] });
    expect(() => openBlob([epoch1], signPublicOf, ops)).toThrow(code('bad_signature'));
  });

  it('treats a roster key of the wrong shape as a bad signature, not a crash', () => {
    const blob = sealBlob(epoch1, alice, { kind: 'ops', counter: 1, ops: [] });
    expect(() => openBlob([epoch1], () => new Uint8Array(31), blob)).toThrow(code('bad_signature'));
  });

  it('refuses ops stamped by another device than the signer', () => {
    const json = utf8ToBytes(
      JSON.stringify({ v: 1, kind: 'ops', origin: alice.id, counter: 1, epoch: 1, ops: [labelOp(bob)] }),
    );
    expect(() => openBlob([epoch1], signPublicOf, sealRaw(epoch1, json, alice))).toThrow(code('malformed'));
    expect(() => sealBlob(epoch1, alice, { kind: 'ops', counter: 1, ops: [labelOp(bob)] })).toThrow(
      code('malformed'),
    );
  });

  it('refuses a blob whose signed epoch differs from the key that opened it', () => {
    const rewrapped = sealBlob({ epoch: 1, key: epoch2.key }, alice, { kind: 'ops', counter: 1, ops: [] });
    expect(() => openBlob([epoch1, epoch2], signPublicOf, rewrapped)).toThrow(code('malformed'));
  });

  it('refuses contents that are not valid JSON, not the schema, or overrun their length', () => {
    const valid = utf8ToBytes(
      JSON.stringify({ v: 1, kind: 'ops', origin: alice.id, counter: 1, epoch: 1, ops: [] }),
    );
    const cases: [Uint8Array, number?][] = [
      [utf8ToBytes('{"v":1,')],
      [Uint8Array.of(0xff, 0xfe)],
      [utf8ToBytes(JSON.stringify({ v: 2, kind: 'ops', origin: alice.id, counter: 1, epoch: 1, ops: [] }))],
      [utf8ToBytes(JSON.stringify({ v: 1, kind: 'ops', origin: 'ALICE', counter: 1, epoch: 1, ops: [] }))],
      [utf8ToBytes(JSON.stringify({ v: 1, kind: 'ops', origin: alice.id, counter: 0, epoch: 1, ops: [] }))],
      [
        utf8ToBytes(
          JSON.stringify({ v: 1, kind: 'ops', origin: alice.id, counter: 1, epoch: 1, ops: [], x: 1 }),
        ),
      ],
      [utf8ToBytes(JSON.stringify({ v: 1, kind: 'ops', origin: alice.id, counter: 1, epoch: 1 }))],
      [utf8ToBytes(JSON.stringify({ v: 1, kind: 'ops', origin: alice.id, counter: 1, epoch: 1, ops: [{}] }))],
      [valid, 512 - 41 - 68 + 1],
      [valid, 0xffffffff],
    ];
    for (const [json, length] of cases) {
      expect(() => openBlob([epoch1], signPublicOf, sealRaw(epoch1, json, alice, length))).toThrow(
        code('malformed'),
      );
    }
  });

  it('never throws anything but a SyncBlobError, whatever the bytes', () => {
    const opensOrRefuses = (bytes: Uint8Array) => {
      try {
        openBlob([epoch1, epoch2], signPublicOf, bytes);
      } catch (error) {
        if (!(error instanceof SyncBlobError)) throw error;
      }
    };
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2100 }), opensOrRefuses), { numRuns: 300 });
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 512, maxLength: 512 }), (bytes) => {
        bytes[0] = 1;
        expect(() => openBlob([epoch1], signPublicOf, bytes)).toThrow(code('unreadable'));
      }),
      { numRuns: 200 },
    );
    const blob = sealBlob(epoch1, alice, { kind: 'ops', counter: 1, ops: [labelOp(alice)] });
    fc.assert(
      fc.property(fc.nat(blob.length - 1), fc.integer({ min: 1, max: 255 }), (index, flip) => {
        const tampered = blob.slice();
        tampered[index] = (tampered[index] as number) ^ flip;
        expect(() => openBlob([epoch1], signPublicOf, tampered)).toThrow(code('unreadable'));
      }),
      { numRuns: 300 },
    );
    // Contents that decrypt but are anything at all: the JSON and schema checks must hold too.
    const contents = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc.jsonValue({ maxDepth: 4 }).map((value) => utf8ToBytes(JSON.stringify(value) ?? '').subarray(0, 400)),
    );
    fc.assert(
      fc.property(contents, fc.option(fc.nat(), { nil: undefined }), (json, length) => {
        opensOrRefuses(sealRaw(epoch1, json, alice, length));
      }),
      { numRuns: 300 },
    );
  });
});

describe('blob names', () => {
  const nameKey = derivedKeys(epoch1).name;

  it('are 32 hex digits, stable, and differ per counter, origin and epoch', () => {
    const name = blobName(nameKey, alice.id, 1);
    expect(name).toMatch(/^[0-9a-f]{32}$/);
    expect(blobName(derivedKeys(epoch1).name, alice.id, 1)).toBe(name);
    const others = [
      blobName(nameKey, alice.id, 2),
      blobName(nameKey, bob.id, 1),
      blobName(derivedKeys(epoch2).name, alice.id, 1),
    ];
    expect(new Set([name, ...others]).size).toBe(4);
  });
});
