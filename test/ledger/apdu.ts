/** The APDU framing and status words of the Ledger Ethereum app, shared by the emulator's parts. */

export const SW = {
  OK: 0x9000,
  LOCKED: 0x5515,
  SECURITY_NOT_SATISFIED: 0x6982,
  DENIED: 0x6985,
  DENIED_NEWER: 0x5501,
  INVALID_DATA: 0x6a80,
  CLA_NOT_SUPPORTED: 0x6e00,
  INS_NOT_SUPPORTED: 0x6d00,
  APP_NOT_OPEN: 0x6e01,
  APP_NOT_OPEN_INS: 0x6d02,
  /** The dashboard of recent firmware, and its lock screen on older firmware. */
  NO_APP_OPEN: 0x6511,
  LOCKED_OLDER: 0x6b0c,
  WRONG_APP: 0x6a15,
} as const;

export interface ExchangeLogEntry {
  cla: number;
  ins: number;
  p1: number;
  p2: number;
}

export interface Apdu extends ExchangeLogEntry {
  data: Buffer;
}

/** Thrown by a command handler: the exchange answers this status word alone. */
export class StatusWord extends Error {
  constructor(readonly status: number) {
    super(`status 0x${status.toString(16)}`);
  }
}

export function parseApdu(apdu: Buffer): Apdu {
  const [cla = 0, ins = 0, p1 = 0, p2 = 0, length = 0] = apdu;
  return { cla, ins, p1, p2, data: apdu.subarray(5, 5 + length) };
}

export function readPath(data: Buffer): { path: number[]; rest: Buffer } {
  const depth = data[0] ?? 0;
  const path = Array.from({ length: depth }, (_, i) => data.readUInt32BE(1 + 4 * i));
  return { path, rest: data.subarray(1 + 4 * depth) };
}

export function parsePath(path: string): number[] {
  return path
    .split('/')
    .slice(1)
    .map((step) => (step.endsWith("'") ? Number(step.slice(0, -1)) + 0x80000000 : Number(step)));
}

export function versionNumbers(version: string): number[] {
  return version
    .split(/[.-]/)
    .slice(0, 3)
    .map((part) => Number.parseInt(part, 10) || 0);
}

export function ok(data: Buffer): Buffer {
  return Buffer.concat([data, statusOnly(SW.OK)]);
}

export function statusOnly(status: number): Buffer {
  return Buffer.from([status >> 8, status & 0xff]);
}
