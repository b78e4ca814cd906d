// Which OS family and CPU a native module was built for, from its ELF header (the System V gABI layout).
import { closeSync, openSync, readSync } from 'node:fs';

const MACHINES = new Map([
  [0x03, 'x86'],
  [0x28, 'arm'],
  [0x3e, 'x86-64'],
  [0xb7, 'aarch64'],
  [0xf3, 'riscv'],
]);

/**
 * @param {Uint8Array} header the file's first 20 bytes (or more)
 * @returns {{ elf: false } | { elf: true; bits: 32 | 64 | null; machine: string }}
 */
export function elfTarget(header) {
  const isElf =
    header.length >= 20 && header[0] === 0x7f && String.fromCharCode(...header.subarray(1, 4)) === 'ELF';
  if (!isElf) return { elf: false };
  const bits = header[4] === 2 ? 64 : header[4] === 1 ? 32 : null;
  const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
  const code = view.getUint16(18, header[5] === 1); // e_machine, in the byte order EI_DATA names (1: little)
  return { elf: true, bits, machine: MACHINES.get(code) ?? `machine 0x${code.toString(16)}` };
}

export function readElfTarget(file) {
  const header = new Uint8Array(20);
  const fd = openSync(file, 'r');
  try {
    return elfTarget(header.subarray(0, readSync(fd, header, 0, 20, 0)));
  } finally {
    closeSync(fd);
  }
}
