import { describe, expect, it } from 'vitest';
import { quietLog } from '../../../../test/pairing/pairingParts';
import { encodeBridgeMessage, type DesktopMessage } from '../../../shared/bridge/bridgeMessages';
import type { ProviderRequest } from '../dappGateway';
import { userRejected } from '../providerError';
import type { OpenBrowser } from './browserLink';
import { RequestDispatch } from './requestDispatch';

const decodeBack = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes)) as DesktopMessage;

function setup(limits = { inFlight: 2, perSecond: 2 }) {
  const waiting = new Map<string, { resolve(value: unknown): void; reject(error: unknown): void }>();
  const gateway = {
    handle: (request: ProviderRequest) =>
      new Promise((resolve, reject) => waiting.set(String(request.params), { resolve, reject })),
    windowEthereumOrigins: () => [],
  };
  let now = 0;
  const dispatch = new RequestDispatch(gateway, limits, () => now, quietLog());
  const sent: DesktopMessage[] = [];
  // Encodes as the real socket does, so a message over the limit throws here too.
  const browser: OpenBrowser = {
    browserId: 'b1',
    send: (message) => void sent.push(decodeBack(encodeBridgeMessage(message))),
  };
  const request = (id: string) =>
    dispatch.request(browser, { t: 'request', id, origin: 'https://a.example', method: 'm', params: id });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { waiting, dispatch, sent, request, settle, tick: (ms: number) => (now += ms) };
}

describe('request dispatch', () => {
  it('answers with the result, or the provider error, by id', async () => {
    const { waiting, sent, request, settle } = setup();
    request('1');
    request('2');
    waiting.get('1')?.resolve(undefined);
    waiting.get('2')?.reject(userRejected());
    await settle();
    expect(sent).toEqual([
      { t: 'response', id: '1', result: null },
      { t: 'response', id: '2', error: { code: 4001, message: 'The user rejected the request.' } },
    ]);
  });

  it('never leaks the text of an unexpected failure', async () => {
    const { waiting, sent, request, settle } = setup();
    request('1');
    waiting.get('1')?.reject(new Error('/home/user/secret path'));
    await settle();
    expect(JSON.stringify(sent)).not.toContain('secret');
    expect(sent[0]).toMatchObject({ error: { code: -32603 } });
  });

  it('answers -32005 past the in-flight limit and the rate, and -32600 to a repeated id', async () => {
    const { waiting, sent, request, settle, tick } = setup();
    request('1');
    request('1');
    request('2');
    request('3');
    await settle();
    expect(sent).toEqual([
      expect.objectContaining({ id: '1', error: expect.objectContaining({ code: -32600 }) }),
      expect.objectContaining({ id: '3', error: expect.objectContaining({ code: -32005 }) }),
    ]);
    waiting.get('1')?.resolve(1);
    await settle();
    request('4');
    await settle();
    expect(sent.at(-1)).toMatchObject({ id: '4', error: { code: -32005 } });
    tick(1000);
    request('5');
    await settle();
    expect(waiting.has('5')).toBe(true);
  });

  it('answers -32603 when the result is too large for the bridge', async () => {
    const { waiting, sent, request, settle } = setup();
    request('1');
    waiting.get('1')?.resolve('x'.repeat(300 * 1024));
    await settle();
    expect(sent).toEqual([
      { t: 'response', id: '1', error: { code: -32603, message: 'The answer is too large for the bridge.' } },
    ]);
  });
});
