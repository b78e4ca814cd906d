import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { elfTarget, readElfTarget } from './elfTarget.mjs';

/** An ELF header as the gABI lays it out: class, byte order, and e_machine at offset 18. */
function header({ bits = 64, littleEndian = true, machine = 0x3e } = {}) {
  const bytes = new Uint8Array(64);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, bits === 64 ? 2 : 1, littleEndian ? 1 : 2, 1]);
  new DataView(bytes.buffer).setUint16(18, machine, littleEndian);
  return bytes;
}

describe('elfTarget', () => {
  it('reads a 64-bit x86-64 module', () => {
    expect(elfTarget(header())).toEqual({ elf: true, bits: 64, machine: 'x86-64' });
  });

  it('tells other CPUs and 32-bit builds apart', () => {
    expect(elfTarget(header({ machine: 0xb7 }))).toEqual({ elf: true, bits: 64, machine: 'aarch64' });
    expect(elfTarget(header({ bits: 32, machine: 0x28 }))).toEqual({ elf: true, bits: 32, machine: 'arm' });
    expect(elfTarget(header({ bits: 32, machine: 0x03 }))).toEqual({ elf: true, bits: 32, machine: 'x86' });
    expect(elfTarget(header({ machine: 0x1234 }))).toEqual({
      elf: true,
      bits: 64,
      machine: 'machine 0x1234',
    });
  });

  it('reads e_machine in the byte order the header names', () => {
    expect(elfTarget(header({ littleEndian: false, machine: 0x3e }))).toMatchObject({ machine: 'x86-64' });
  });

  it('says a Mach-O, a PE or a short file is no ELF', () => {
    const macho = new Uint8Array([0xcf, 0xfa, 0xed, 0xfe, ...new Array(60).fill(0)]);
    const pe = new Uint8Array([0x4d, 0x5a, ...new Array(62).fill(0)]);
    expect(elfTarget(macho)).toEqual({ elf: false });
    expect(elfTarget(pe)).toEqual({ elf: false });
    expect(elfTarget(header().subarray(0, 19))).toEqual({ elf: false });
  });

  it('reads the header of a file, and of the Node binary running this test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'elf-'));
    try {
      writeFileSync(join(dir, 'arm.node'), header({ machine: 0xb7 }));
      expect(readElfTarget(join(dir, 'arm.node'))).toMatchObject({ machine: 'aarch64' });
      writeFileSync(join(dir, 'empty.node'), '');
      expect(readElfTarget(join(dir, 'empty.node'))).toEqual({ elf: false });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const expected = { x64: 'x86-64', arm64: 'aarch64' }[process.arch];
    if (process.platform === 'linux' && expected) {
      expect(readElfTarget(process.execPath)).toEqual({ elf: true, bits: 64, machine: expected });
    }
  });
});
