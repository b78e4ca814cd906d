import { describe, expect, it } from 'vitest';
import {
  channelTag,
  FROM_EXTENSION,
  FROM_PAGE,
  readPageMessage,
  readReply,
  readRequest,
} from './relayMessages';

const tag = 'a'.repeat(32);

describe('relay messages', () => {
  it('draws a fresh 128-bit hex tag per page load', () => {
    const [first, second] = [channelTag(), channelTag()];
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(second).not.toBe(first);
  });

  it("reads the provider's hello and requests, with the tag they carry", () => {
    expect(readPageMessage({ source: FROM_PAGE, tag, type: 'hello' })).toEqual({
      source: FROM_PAGE,
      tag,
      type: 'hello',
    });
    expect(
      readPageMessage({
        source: FROM_PAGE,
        tag,
        type: 'request',
        id: 3,
        method: 'eth_call',
        params: [{}],
        extra: 1,
      }),
    ).toEqual({ source: FROM_PAGE, tag, type: 'request', id: 3, method: 'eth_call', params: [{}] });
  });

  it('ignores what the page posts for other reasons, and requests of the wrong shape', () => {
    const request = { source: FROM_PAGE, tag, type: 'request', id: 1, method: 'eth_chainId' };
    for (const data of [
      null,
      'eth_chainId',
      { ...request, source: FROM_EXTENSION },
      { ...request, tag: 'A'.repeat(32) },
      { ...request, tag: 'short' },
      { ...request, id: -1 },
      { ...request, id: '1' },
      { ...request, id: 1.5 },
      { ...request, method: '' },
      { ...request, method: 'x'.repeat(101) },
      { ...request, type: 'response' },
    ]) {
      expect(readPageMessage(data)).toBeNull();
    }
  });

  it("takes replies on the page only from the extension's side and with the page's tag", () => {
    const reply = { source: FROM_EXTENSION, tag, type: 'response', id: 1, result: '0x1' };
    expect(readReply(reply, tag)).toEqual({ type: 'response', id: 1, result: '0x1' });
    expect(readReply({ ...reply, tag: 'b'.repeat(32) }, tag)).toBeNull();
    expect(readReply({ ...reply, source: FROM_PAGE }, tag)).toBeNull();
    // Between the worker and the content script there is no tag.
    expect(readReply({ type: 'response', id: 1, result: null }, null)).toEqual({
      type: 'response',
      id: 1,
      result: null,
    });
  });

  it('keeps an error as code, message and data, and refuses one without them', () => {
    const error = { code: 4001, message: 'User rejected the request.', data: { why: 'no' } };
    expect(readReply({ type: 'response', id: 2, error }, null)).toEqual({ type: 'response', id: 2, error });
    expect(readReply({ type: 'response', id: 2, error: { message: 'no code' } }, null)).toBeNull();
    expect(readReply({ type: 'response', id: 2, error: 'text' }, null)).toBeNull();
  });

  it('passes the four provider events and nothing else', () => {
    expect(readReply({ type: 'event', name: 'chainChanged', data: '0x1' }, null)).toEqual({
      type: 'event',
      name: 'chainChanged',
      data: '0x1',
    });
    expect(readReply({ type: 'event', name: 'message', data: {} }, null)).toBeNull();
  });

  it('reads a request without params as one without params', () => {
    expect(readRequest({ type: 'request', id: 0, method: 'eth_accounts' })).toEqual({
      type: 'request',
      id: 0,
      method: 'eth_accounts',
    });
  });
});
