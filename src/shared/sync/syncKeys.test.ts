import { describe, expect, it } from 'vitest';
import { SyncBlobError } from './syncBlobError';
import {
  decodeKeyRing,
  derivedKeys,
  encodeKeyRing,
  newDeviceKeys,
  newEpochKey,
  openSealed,
  sealTo,
} from './syncKeys';

const text = (value: string) => new TextEncoder().encode(value);

describe('epoch keys', () => {
  it('numbers epochs from 1, past the highest seen and any disputed one, with a fresh random key each time', () => {
    const first = newEpochKey([]);
    const second = newEpochKey([first]);
    const fifth = newEpochKey([second, { epoch: 4, key: new Uint8Array(32) }]);
    expect([first.epoch, second.epoch, fifth.epoch]).toEqual([1, 2, 5]);
    expect(newEpochKey([first], 3).epoch).toBe(4);
    expect(newEpochKey([first, second], 1).epoch).toBe(3);
    expect(first.key).toHaveLength(32);
    expect(second.key).not.toEqual(first.key);
  });

  it('derives distinct encryption and name keys, the same on every device', () => {
    const key = { epoch: 1, key: new Uint8Array(32).fill(7) };
    const { enc, name } = derivedKeys(key);
    expect(enc).toHaveLength(32);
    expect(name).toHaveLength(32);
    expect(enc).not.toEqual(name);
    expect(derivedKeys({ epoch: 1, key: new Uint8Array(32).fill(7) })).toEqual({ enc, name });
    expect(derivedKeys({ epoch: 1, key: new Uint8Array(32).fill(8) }).enc).not.toEqual(enc);
  });
});

describe('device keys', () => {
  it('makes a 16-hex-digit id and key pairs of the right sizes', () => {
    const device = newDeviceKeys();
    expect(device.id).toMatch(/^[0-9a-f]{16}$/);
    expect(device.signPublic).toHaveLength(32);
    expect(device.boxPublic).toHaveLength(32);
    expect(newDeviceKeys().id).not.toBe(device.id);
  });
});

describe('sealTo / openSealed', () => {
  it('round-trips to the recipient, with a fresh ephemeral key every time', () => {
    const recipient = newDeviceKeys();
    const sealed = sealTo(recipient.boxPublic, text('epoch 2 key'));
    expect(sealed).toHaveLength(1 + 32 + 11 + 16);
    expect(openSealed(recipient.boxSecret, sealed)).toEqual(text('epoch 2 key'));
    expect(sealTo(recipient.boxPublic, text('epoch 2 key'))).not.toEqual(sealed);
  });

  it('refuses another device, a tampered box and a truncated one as unreadable', () => {
    const recipient = newDeviceKeys();
    const sealed = sealTo(recipient.boxPublic, text('epoch 2 key'));
    const unreadable = expect.objectContaining({ code: 'unreadable' });
    expect(() => openSealed(newDeviceKeys().boxSecret, sealed)).toThrow(unreadable);
    expect(() => openSealed(newDeviceKeys().boxSecret, sealed)).toThrow(SyncBlobError);
    for (const index of [0, 5, 40]) {
      const tampered = sealed.slice();
      tampered[index] = (tampered[index] as number) ^ 0x01;
      expect(() => openSealed(recipient.boxSecret, tampered)).toThrow(unreadable);
    }
    expect(() => openSealed(recipient.boxSecret, sealed.subarray(0, 48))).toThrow(unreadable);
  });

  it('refuses a low-order ephemeral key as unreadable rather than crashing', () => {
    const recipient = newDeviceKeys();
    const sealed = sealTo(recipient.boxPublic, text('x'));
    sealed.fill(0, 1, 33);
    expect(() => openSealed(recipient.boxSecret, sealed)).toThrow(
      expect.objectContaining({ code: 'unreadable' }),
    );
  });
});

describe('key ring text', () => {
  it('round-trips, oldest epoch first', () => {
    const first = newEpochKey([]);
    const second = newEpochKey([first]);
    const text = encodeKeyRing([second, first]);
    expect(JSON.parse(text)).toMatchObject({ v: 1, keys: [{ epoch: 1 }, { epoch: 2 }] });
    expect(decodeKeyRing(text)).toEqual([first, second]);
    expect(decodeKeyRing(encodeKeyRing([]))).toEqual([]);
  });

  it('refuses damaged text as malformed', () => {
    const good = JSON.parse(encodeKeyRing([newEpochKey([])])) as {
      keys: { epoch: number; key: string }[];
    };
    const key = good.keys[0]?.key as string;
    const bad = [
      'not json',
      '',
      'null',
      JSON.stringify({ v: 2, keys: [] }),
      JSON.stringify({ v: 1, keys: [{ epoch: 0, key }] }),
      JSON.stringify({ v: 1, keys: [{ epoch: 1.5, key }] }),
      JSON.stringify({ v: 1, keys: [{ epoch: 1, key: key.slice(1) }] }),
      JSON.stringify({ v: 1, keys: [{ epoch: 1, key: `${key}A` }] }),
      JSON.stringify({ v: 1, keys: [{ epoch: 1, key: `${key.slice(0, 42)}B` }] }),
      JSON.stringify({ v: 1, keys: [{ epoch: 1, key: `${key.slice(0, 42)}=` }] }),
      JSON.stringify({
        v: 1,
        keys: [
          { epoch: 1, key },
          { epoch: 1, key },
        ],
      }),
      JSON.stringify({ v: 1, keys: [{ epoch: 1, key, extra: true }] }),
    ];
    for (const text of bad) {
      expect(() => decodeKeyRing(text), text).toThrow(expect.objectContaining({ code: 'malformed' }));
    }
  });
});
