import { describe, expect, it } from 'vitest';
import { sessionChannel, sessionGrant } from '../../../test/dapps/dappsHarness';
import { channelKey, channelOf, EXTENSION } from './dappChannel';

const ORIGIN = 'https://app.example.org';

describe('dappChannel', () => {
  it('names the session a request came through, or the extension', () => {
    expect(channelOf({})).toEqual(EXTENSION);
    expect(channelOf({ grant: sessionGrant({ topic: 'c'.repeat(64), verification: 'mismatch' }) })).toEqual({
      kind: 'walletconnect',
      topic: 'c'.repeat(64),
      name: 'Example dApp',
      verification: 'mismatch',
    });
  });

  it('keys a session apart from the extension’s site of the origin it claims, and from its proposal', () => {
    const via = sessionChannel();
    const keys = [
      channelKey(ORIGIN, EXTENSION),
      channelKey(ORIGIN, via),
      channelKey(ORIGIN, { ...via, topic: null }),
      channelKey(ORIGIN, { ...via, topic: 'd'.repeat(64) }),
    ];
    expect(keys[0]).toBe(ORIGIN);
    expect(keys[1]).toBe(`wc:${'c'.repeat(64)}`);
    expect(new Set(keys).size).toBe(4);
  });
});
