import { base64 } from '@scure/base';

/**
 * Exactly `length` bytes written as canonical RFC 4648 base64 (padded, standard alphabet, zero padding bits),
 * else null: what the feed and the release secret hold is read one way only, so no two texts mean one value.
 */
export function base64Bytes(text: string, length: number): Uint8Array | null {
  if (text.length !== 4 * Math.ceil(length / 3)) return null;
  try {
    const bytes = base64.decode(text);
    return bytes.length === length ? bytes : null;
  } catch {
    return null;
  }
}
