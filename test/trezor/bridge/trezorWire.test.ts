import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame, MAX_FRAME_BYTES } from './trezorWire';

describe('trezorWire', () => {
  it('round-trips a message through the bridge framing: type, length, protobuf', () => {
    const frame = encodeFrame({ type: 'EthereumTxAck', message: { data_chunk: 'abcdef' } });
    expect(frame.readUInt16BE(0)).toBe(60); // MessageType_EthereumTxAck
    expect(frame.readUInt32BE(2)).toBe(frame.length - 6);
    expect(decodeFrame(frame)).toEqual({ type: 'EthereumTxAck', message: { data_chunk: 'abcdef' } });
  });

  it('ignores padding after the declared length, as a USB report carries it', () => {
    const frame = encodeFrame({ type: 'Initialize', message: {} });
    expect(decodeFrame(Buffer.concat([frame, Buffer.alloc(10)])).type).toBe('Initialize');
  });

  it.each([
    ['shorter than a header', Buffer.alloc(3)],
    ['declaring more bytes than it has', Buffer.from('000000000010', 'hex')],
    ['over the size bound', Buffer.alloc(MAX_FRAME_BYTES + 1)],
  ])('refuses a frame %s', (_name, frame) => {
    expect(() => decodeFrame(frame)).toThrow(/malformed/);
  });

  it('refuses an unknown message type', () => {
    expect(() => decodeFrame(Buffer.from('ffff00000000', 'hex'))).toThrow();
  });
});
