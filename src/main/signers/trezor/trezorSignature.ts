import type { SignatureParts } from '../signer';

const WORD = /^[0-9a-f]{1,64}$/;

/**
 * Parity from any `v` a Trezor hands back: 0/1, 27/28, or the full EIP-155 value `chainId * 2 + 35 + parity`
 * (also when firmware truncated it to a byte). All but 0/1 are odd for parity 0, since `2 * chainId` is even.
 */
export function yParityFromV(v: bigint): 0 | 1 {
  if (v < 0n) throw new Error(`Signature v ${v} is negative.`);
  if (v <= 1n) return v === 1n ? 1 : 0;
  return v % 2n === 0n ? 1 : 0;
}

/** r, s as hex with or without 0x (Trezor drops leading zeroes), v as hex string or number. */
export function signatureFromParts(r: string, s: string, v: string | number): SignatureParts {
  return { r: word(r), s: word(s), yParity: yParityFromV(BigInt(v)) };
}

/** A 65-byte `r ‖ s ‖ v` signature, as message and typed-data signing return it, with or without 0x. */
export function signatureFromRsv(signature: string): SignatureParts {
  const hex = strip0x(signature);
  if (!/^[0-9a-fA-F]{130}$/.test(hex))
    throw new Error('The Trezor returned a signature that is not 65 bytes.');
  return signatureFromParts(hex.slice(0, 64), hex.slice(64, 128), `0x${hex.slice(128)}`);
}

function word(value: string): string {
  const hex = strip0x(value).toLowerCase();
  if (!WORD.test(hex)) throw new Error('The Trezor returned a signature component that is not 32 bytes.');
  return `0x${hex.padStart(64, '0')}`;
}

function strip0x(value: string): string {
  return value.startsWith('0x') || value.startsWith('0X') ? value.slice(2) : value;
}
