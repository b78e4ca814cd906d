/** Transaction framing details of the app's SIGN command (E0 04) that the emulator must reproduce. */

/** The total length of a (possibly typed) transaction once its RLP list header has arrived. */
export function serializedLength(payload: Buffer): number | null {
  const typeBytes = (payload[0] ?? 0xff) <= 0x7f ? 1 : 0;
  const header = payload[typeBytes];
  if (header === undefined) return null;
  if (header < 0xf8) return typeBytes + 1 + (header - 0xc0);
  const lengthBytes = header - 0xf7;
  if (payload.length < typeBytes + 1 + lengthBytes) return null;
  return typeBytes + 1 + lengthBytes + payload.readUIntBE(typeBytes + 1, lengthBytes);
}

/**
 * The app computes EIP-155's v over the chain id's top 4 bytes and returns only its low byte, so hosts
 * must recover the parity for chain ids above 109 themselves.
 */
export function legacyV(chainId: bigint, recovery: number): number {
  const hex = chainId.toString(16);
  const top = Number.parseInt((hex.length % 2 ? `0${hex}` : hex).slice(0, 8), 16);
  return (top * 2 + 35 + recovery) & 0xff;
}
