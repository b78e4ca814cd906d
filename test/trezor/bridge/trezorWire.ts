import messagesJson from '@trezor/protobuf/messages.json';
import { decodeMessage, encodeMessage, parseConfigure } from '@trezor/protobuf';

/** One protobuf message as the device sees it: its name in messages.json and its decoded fields. */
export interface WireMessage {
  type: string;
  message: Record<string, unknown>;
}

/** The schema TrezorConnect itself ships, so the test bridge and the host can never disagree on a field. */
const schema = parseConfigure(messagesJson);

/** A bridge frame: message type (u16 BE), payload length (u32 BE), payload. Anything after it is ignored. */
const HEADER_BYTES = 6;

/** Upper bound on one frame, far above the largest message a host sends (a 1 KB data chunk). */
export const MAX_FRAME_BYTES = 64 * 1024;

export function encodeFrame({ type, message }: WireMessage): Buffer {
  const { messageType, message: payload } = encodeMessage(schema, type, message);
  const frame = Buffer.alloc(HEADER_BYTES + payload.length);
  frame.writeUInt16BE(messageType, 0);
  frame.writeUInt32BE(payload.length, 2);
  payload.copy(frame, HEADER_BYTES);
  return frame;
}

/** Decodes one frame; throws on a short, oversized or unknown one, which the bridge reports as malformed. */
export function decodeFrame(frame: Buffer): WireMessage {
  if (frame.length < HEADER_BYTES || frame.length > MAX_FRAME_BYTES) throw new Error('malformed wire format');
  const messageType = frame.readUInt16BE(0);
  const length = frame.readUInt32BE(2);
  if (length > frame.length - HEADER_BYTES) throw new Error('malformed wire format');
  const { type, message } = decodeMessage(
    schema,
    messageType,
    frame.subarray(HEADER_BYTES, HEADER_BYTES + length),
  );
  return { type, message: message as Record<string, unknown> };
}
