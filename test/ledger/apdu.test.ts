import { describe, expect, it } from 'vitest';
import { parseApdu, parsePath, readPath, statusOnly, versionNumbers } from './apdu';
import { serializedLength } from './emulatorSigning';

describe('APDU framing', () => {
  it('reads the header, the data it announces, and a BIP-32 path', () => {
    const apdu = parseApdu(Buffer.from('e0040000090280000000000000017f', 'hex'));
    expect(apdu).toMatchObject({ cla: 0xe0, ins: 0x04, p1: 0, p2: 0 });
    expect(apdu.data).toHaveLength(9);
    expect(readPath(apdu.data)).toEqual({ path: [0x80000000, 1], rest: Buffer.alloc(0) });
    expect(parsePath("m/44'/60'/0'/0/3")).toEqual([0x8000002c, 0x8000003c, 0x80000000, 0, 3]);
  });

  it('writes status words big-endian and reads versions with pre-release tags', () => {
    expect(statusOnly(0x6a80).toString('hex')).toBe('6a80');
    expect(versionNumbers('1.10.3-rc1')).toEqual([1, 10, 3]);
  });

  it('knows a transaction is complete from its RLP header, typed or not', () => {
    expect(serializedLength(Buffer.from('c3010203', 'hex'))).toBe(4);
    expect(serializedLength(Buffer.from('02c3', 'hex'))).toBe(5);
    expect(serializedLength(Buffer.from('f9', 'hex'))).toBeNull();
    expect(serializedLength(Buffer.from('f90100', 'hex'))).toBe(3 + 0x100);
  });
});
