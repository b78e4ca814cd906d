import { describe, expect, it } from 'vitest';
import {
  decodeDesktopMessage,
  decodeExtensionMessage,
  encodeBridgeMessage,
  MAX_BRIDGE_MESSAGE_BYTES,
} from './bridgeMessages';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('bridge messages', () => {
  it('round-trip both ways', () => {
    const request = {
      t: 'request',
      id: '7',
      origin: 'https://app.example.org',
      method: 'eth_chainId',
    } as const;
    expect(decodeExtensionMessage(encodeBridgeMessage(request))).toEqual(request);
    const failure = { t: 'response', id: '7', error: { code: 4001, message: 'rejected' } } as const;
    expect(decodeDesktopMessage(encodeBridgeMessage(failure))).toEqual(failure);
  });

  it('refuse unknown shapes, extra fields and messages in the wrong direction', () => {
    expect(() => decodeExtensionMessage(bytes({ t: 'ping' }))).toThrow(/unknown shape/);
    expect(() => decodeDesktopMessage(bytes({ t: 'request', id: '1', origin: 'x', method: 'y' }))).toThrow(
      /unknown shape/,
    );
    expect(() => decodeExtensionMessage(bytes({ t: 'resume', extra: 1 }))).toThrow(/unknown shape/);
    expect(() => decodeExtensionMessage(bytes({ t: 'request', id: '', origin: 'x', method: 'y' }))).toThrow(
      /unknown shape/,
    );
    expect(() => decodeExtensionMessage(bytes({ t: 'hello', name: 'evil\u202ename' }))).toThrow(
      /unknown shape/,
    );
    expect(() => decodeExtensionMessage(new Uint8Array([0xff, 0xfe]))).toThrow(/not UTF-8 JSON/);
  });

  it('refuse messages over 256 KiB, sending or receiving', () => {
    const params = 'x'.repeat(MAX_BRIDGE_MESSAGE_BYTES);
    const request = { t: 'request', id: '1', origin: 'https://a.example', method: 'echo', params } as const;
    expect(() => encodeBridgeMessage(request)).toThrow(/too large/);
    expect(() => decodeExtensionMessage(bytes(request))).toThrow(
      expect.objectContaining({ code: 'message_too_large' }),
    );
  });
});
