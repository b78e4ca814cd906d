import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { noiseNonce } from './noise';
import { PairingError } from './pairingError';

/** Plaintext sizes a frame is padded to, so the relay learns a size class, never a message's length. */
export const BUCKETS = [256, 1024, 4096, 16384] as const;
const LARGEST_BUCKET = 16384;
const CHUNK_HEADER = 12;
export const MAX_CHUNK_DATA = LARGEST_BUCKET - CHUNK_HEADER;
export const MAX_CHUNKS = 64;
/** Messages being reassembled at once; a peer that opens more loses the oldest. */
const MAX_IN_FLIGHT = 4;
const COUNTER_LENGTH = 8;
const TAG_LENGTH = 16;
export const MAX_FRAME_LENGTH = COUNTER_LENGTH + LARGEST_BUCKET + TAG_LENGTH;

export interface ChannelKeys {
  /** 16 bytes; bound into every frame as associated data, so a frame cannot be moved to another route. */
  route: Uint8Array;
  send: Uint8Array;
  receive: Uint8Array;
}

interface Reassembly {
  count: number;
  parts: (Uint8Array | undefined)[];
  received: number;
}

function bucketFor(length: number): number {
  const bucket = BUCKETS.find((size) => size >= length);
  if (bucket === undefined) throw new Error(`a chunk of ${length} bytes fits no bucket`);
  return bucket;
}

/**
 * One direction-pair of sealed frames over the relay: chunking, padding, explicit counters and replay
 * refusal. Counters are explicit (not Noise's implicit ones) because the relay may drop frames it could
 * not deliver in time; a gap is allowed, going back never is.
 */
export class SecureChannel {
  private sendCounter = 0n;
  /** The lowest counter still acceptable: one past the last frame that verified. */
  private receiveFloor = 0n;
  private nextMessageId = 0;
  private readonly pending = new Map<number, Reassembly>();

  constructor(private readonly keys: ChannelKeys) {}

  get route(): Uint8Array {
    return this.keys.route;
  }

  seal(message: Uint8Array): Uint8Array[] {
    const count = Math.max(1, Math.ceil(message.length / MAX_CHUNK_DATA));
    if (count > MAX_CHUNKS) {
      throw new PairingError(
        'message_too_large',
        `A message of ${message.length} bytes is too large to send.`,
      );
    }
    const messageId = this.nextMessageId;
    this.nextMessageId = (this.nextMessageId + 1) >>> 0;
    const frames: Uint8Array[] = [];
    for (let index = 0; index < count; index++) {
      const data = message.subarray(index * MAX_CHUNK_DATA, (index + 1) * MAX_CHUNK_DATA);
      const plaintext = new Uint8Array(bucketFor(CHUNK_HEADER + data.length));
      const view = new DataView(plaintext.buffer);
      view.setUint32(0, messageId, false);
      view.setUint16(4, index, false);
      view.setUint16(6, count, false);
      view.setUint32(8, data.length, false);
      plaintext.set(data, CHUNK_HEADER);
      frames.push(this.encrypt(plaintext));
    }
    return frames;
  }

  /** A whole message once its last chunk has arrived, else null. Throws on replay, tampering or bad shape. */
  open(frame: Uint8Array): Uint8Array | null {
    const plaintext = this.decrypt(frame);
    const view = new DataView(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength);
    const messageId = view.getUint32(0, false);
    const index = view.getUint16(4, false);
    const count = view.getUint16(6, false);
    const length = view.getUint32(8, false);
    if (count < 1 || count > MAX_CHUNKS || index >= count || length > plaintext.length - CHUNK_HEADER) {
      throw new PairingError('malformed_frame', 'A frame from the other side is malformed.');
    }
    const data = plaintext.slice(CHUNK_HEADER, CHUNK_HEADER + length);
    if (count === 1) return data;
    let entry = this.pending.get(messageId);
    if (!entry) {
      if (this.pending.size >= MAX_IN_FLIGHT) this.pending.delete(this.pending.keys().next().value as number);
      entry = { count, parts: new Array<Uint8Array | undefined>(count), received: 0 };
      this.pending.set(messageId, entry);
    }
    if (entry.count !== count || entry.parts[index]) {
      throw new PairingError('malformed_frame', 'A message from the other side has inconsistent chunks.');
    }
    entry.parts[index] = data;
    entry.received++;
    if (entry.received < count) return null;
    this.pending.delete(messageId);
    const parts = entry.parts as Uint8Array[];
    const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of parts) {
      whole.set(part, offset);
      offset += part.length;
    }
    return whole;
  }

  private encrypt(plaintext: Uint8Array): Uint8Array {
    const counter = this.sendCounter++;
    const sealed = chacha20poly1305(this.keys.send, noiseNonce(counter), this.keys.route).encrypt(plaintext);
    const frame = new Uint8Array(COUNTER_LENGTH + sealed.length);
    new DataView(frame.buffer).setBigUint64(0, counter, false);
    frame.set(sealed, COUNTER_LENGTH);
    return frame;
  }

  private decrypt(frame: Uint8Array): Uint8Array {
    const sizes = BUCKETS.map((bucket) => COUNTER_LENGTH + bucket + TAG_LENGTH);
    if (!sizes.includes(frame.length)) {
      throw new PairingError('malformed_frame', 'A frame from the other side has an impossible size.');
    }
    const counter = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getBigUint64(0, false);
    if (counter < this.receiveFloor) {
      throw new PairingError('replayed_frame', 'A frame arrived twice or out of order, and was refused.');
    }
    let plaintext: Uint8Array;
    try {
      plaintext = chacha20poly1305(this.keys.receive, noiseNonce(counter), this.keys.route).decrypt(
        frame.subarray(COUNTER_LENGTH),
      );
    } catch {
      throw new PairingError('tampered_frame', 'A frame failed authentication: it was altered or forged.');
    }
    this.receiveFloor = counter + 1n;
    return plaintext;
  }
}
