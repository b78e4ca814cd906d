import { describe, expect, it } from 'vitest';
import { PairingError } from './pairingError';
import { MAX_CHUNK_DATA, SecureChannel } from './secureChannel';

const route = new Uint8Array(16).fill(5);
const a = new Uint8Array(32).fill(1);
const b = new Uint8Array(32).fill(2);
const channels = () => ({
  phone: new SecureChannel({ route, send: a, receive: b }),
  desktop: new SecureChannel({ route, send: b, receive: a }),
});
const text = (value: string) => new TextEncoder().encode(value);

describe('SecureChannel', () => {
  it('pads every frame to a bucket, whatever the message length', () => {
    const { phone, desktop } = channels();
    const sizes = [0, 1, 200, 244, 245, 1000, 5000].map((length) => {
      const [frame] = phone.seal(new Uint8Array(length).fill(1));
      expect(desktop.open(frame as Uint8Array)).toEqual(new Uint8Array(length).fill(1));
      return (frame as Uint8Array).length;
    });
    expect(sizes).toEqual([280, 280, 280, 280, 1048, 1048, 16408]);
  });

  it('splits a large message into chunks and reassembles it', () => {
    const { phone, desktop } = channels();
    const message = new Uint8Array(MAX_CHUNK_DATA * 2 + 10).map((_, index) => index % 251);
    const frames = phone.seal(message);
    expect(frames).toHaveLength(3);
    expect(desktop.open(frames[0] as Uint8Array)).toBeNull();
    expect(desktop.open(frames[1] as Uint8Array)).toBeNull();
    expect(desktop.open(frames[2] as Uint8Array)).toEqual(message);
  });

  it('refuses a replayed frame and an older one, without losing the channel', () => {
    const { phone, desktop } = channels();
    const [first] = phone.seal(text('one'));
    const [second] = phone.seal(text('two'));
    expect(desktop.open(second as Uint8Array)).toEqual(text('two'));
    expect(() => desktop.open(second as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'replayed_frame' }),
    );
    expect(() => desktop.open(first as Uint8Array)).toThrow(PairingError);
    const [third] = phone.seal(text('three'));
    expect(desktop.open(third as Uint8Array)).toEqual(text('three'));
  });

  it('refuses a tampered frame, and a frame moved to another route, and still opens the next one', () => {
    const { phone, desktop } = channels();
    const [frame] = phone.seal(text('pay 1 ETH'));
    const tampered = (frame as Uint8Array).slice();
    tampered[20] = (tampered[20] as number) ^ 0x01;
    expect(() => desktop.open(tampered)).toThrow(expect.objectContaining({ code: 'tampered_frame' }));
    const elsewhere = new SecureChannel({ route: new Uint8Array(16).fill(6), send: b, receive: a });
    expect(() => elsewhere.open(frame as Uint8Array)).toThrow(
      expect.objectContaining({ code: 'tampered_frame' }),
    );
    expect(desktop.open(frame as Uint8Array)).toEqual(text('pay 1 ETH'));
  });

  it('refuses frames of impossible sizes and messages too large to send', () => {
    const { phone, desktop } = channels();
    expect(() => desktop.open(new Uint8Array(100))).toThrow(
      expect.objectContaining({ code: 'malformed_frame' }),
    );
    expect(() => phone.seal(new Uint8Array(MAX_CHUNK_DATA * 64 + 1))).toThrow(/too large/);
  });
});
