import { describe, expect, it, vi } from 'vitest';
import {
  LedgerlineProvider,
  MAX_IN_FLIGHT,
  MAX_REQUEST_BYTES,
  ProviderRpcError,
  type WalletChannel,
} from './provider';
import type { RelayReply, RelayRequest } from './relayMessages';

/** A channel whose far end is the test: it sees each request and answers when told. */
function fakeChannel() {
  const sent: RelayRequest[] = [];
  let deliver: (reply: RelayReply) => void = () => undefined;
  const channel: WalletChannel = {
    send: (request) => sent.push(request),
    listen: (onReply) => (deliver = onReply),
  };
  return { channel, sent, reply: (reply: RelayReply) => deliver(reply) };
}

describe('LedgerlineProvider', () => {
  it('sends each request with its own id and resolves with its own answer', async () => {
    const { channel, sent, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const accounts = provider.request({ method: 'eth_accounts' });
    const balance = provider.request({ method: 'eth_getBalance', params: ['0xabc', 'latest'] });
    expect(sent).toEqual([
      { type: 'request', id: 0, method: 'eth_accounts' },
      { type: 'request', id: 1, method: 'eth_getBalance', params: ['0xabc', 'latest'] },
    ]);
    reply({ type: 'response', id: 1, result: '0x10' });
    reply({ type: 'response', id: 0, result: ['0x1111111111111111111111111111111111111111'] });
    await expect(balance).resolves.toBe('0x10');
    await expect(accounts).resolves.toEqual(['0x1111111111111111111111111111111111111111']);
  });

  it("rejects with the desktop's code, message and data as a ProviderRpcError", async () => {
    const { channel, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const signing = provider.request({ method: 'personal_sign', params: ['0x68', '0x1'] });
    reply({
      type: 'response',
      id: 0,
      error: { code: 4001, message: 'User rejected the request.', data: { at: 1 } },
    });
    const error = await signing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderRpcError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 4001, message: 'User rejected the request.', data: { at: 1 } });
  });

  it('refuses malformed requests before they leave the page', async () => {
    const { channel, sent } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const request = provider.request.bind(provider) as (args: unknown) => Promise<unknown>;
    await expect(request(null)).rejects.toMatchObject({ code: -32600 });
    await expect(request({ method: 7 })).rejects.toMatchObject({ code: -32600 });
    await expect(request({ method: 'eth_call', params: 'x' })).rejects.toMatchObject({ code: -32602 });
    await expect(request({ method: 'eth_call', params: [1n] })).rejects.toMatchObject({ code: -32602 });
    const circular: unknown[] = [];
    circular.push(circular);
    await expect(request({ method: 'eth_call', params: circular })).rejects.toMatchObject({ code: -32602 });
    expect(sent).toEqual([]);
  });

  it(`refuses a request over ${MAX_REQUEST_BYTES} bytes with -32600`, async () => {
    const { channel, sent } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const big = provider.request({ method: 'eth_call', params: ['x'.repeat(MAX_REQUEST_BYTES)] });
    await expect(big).rejects.toMatchObject({ code: -32600 });
    expect(sent).toEqual([]);
  });

  it(`holds at most ${MAX_IN_FLIGHT} requests in flight and takes more once answers arrive`, async () => {
    const { channel, sent, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    for (let i = 0; i < MAX_IN_FLIGHT; i++) void provider.request({ method: 'eth_blockNumber' });
    await expect(provider.request({ method: 'eth_blockNumber' })).rejects.toMatchObject({ code: -32005 });
    reply({ type: 'response', id: 0, result: '0x1' });
    void provider.request({ method: 'eth_blockNumber' });
    expect(sent).toHaveLength(MAX_IN_FLIGHT + 1);
  });

  it('sends what the page passed at call time, even if the page changes it later', () => {
    const { channel, sent } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const params = [{ to: '0x1' }];
    void provider.request({ method: 'eth_call', params });
    params[0] = { to: '0x2' };
    expect(sent[0]?.params).toEqual([{ to: '0x1' }]);
  });

  it('emits connect once, with the first chain id it learns', async () => {
    const { channel, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const connect = vi.fn();
    provider.on('connect', connect);
    const first = provider.request({ method: 'eth_chainId' });
    reply({ type: 'response', id: 0, result: '0x1' });
    await first;
    const second = provider.request({ method: 'eth_chainId' });
    reply({ type: 'response', id: 1, result: '0x1' });
    await second;
    expect(connect.mock.calls).toEqual([[{ chainId: '0x1' }]]);
  });

  it('passes accountsChanged and chainChanged to listeners until they are removed', () => {
    const { channel, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const accounts = vi.fn();
    const chain = vi.fn();
    provider.on('accountsChanged', accounts).on('chainChanged', chain);
    reply({ type: 'event', name: 'accountsChanged', data: [] });
    reply({ type: 'event', name: 'chainChanged', data: '0x89' });
    provider.removeListener('accountsChanged', accounts);
    reply({ type: 'event', name: 'accountsChanged', data: ['0x1'] });
    expect(accounts.mock.calls).toEqual([[[]]]);
    expect(chain.mock.calls).toEqual([['0x89']]);
  });

  it('emits disconnect as a ProviderRpcError and connects again on the next chain id', () => {
    const { channel, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const connect = vi.fn();
    const disconnect = vi.fn();
    provider.on('connect', connect).on('disconnect', disconnect);
    reply({ type: 'event', name: 'connect', data: { chainId: '0x1' } });
    reply({ type: 'event', name: 'disconnect', data: { code: 4900, message: 'Ledgerline closed.' } });
    reply({ type: 'event', name: 'chainChanged', data: '0xa' });
    expect(disconnect.mock.calls[0]?.[0]).toMatchObject({ code: 4900, message: 'Ledgerline closed.' });
    expect(connect.mock.calls).toEqual([[{ chainId: '0x1' }], [{ chainId: '0xa' }]]);
  });

  it('keeps calling the other listeners when one throws', () => {
    const { channel, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    const thrown = vi.fn();
    const later = vi.fn();
    const onError = vi.spyOn(globalThis, 'queueMicrotask').mockImplementation(thrown);
    provider.on('chainChanged', () => {
      throw new Error('dApp bug');
    });
    provider.on('chainChanged', later);
    reply({ type: 'event', name: 'chainChanged', data: '0x1' });
    onError.mockRestore();
    expect(later).toHaveBeenCalledWith('0x1');
    expect(thrown).toHaveBeenCalledOnce();
  });

  it('works when the page calls request and on apart from the provider', async () => {
    const { channel, reply } = fakeChannel();
    const { request, on } = new LedgerlineProvider(channel);
    const chain = vi.fn();
    on('chainChanged', chain);
    const answer = request({ method: 'eth_blockNumber' });
    reply({ type: 'response', id: 0, result: '0x5' });
    reply({ type: 'event', name: 'chainChanged', data: '0x1' });
    await expect(answer).resolves.toBe('0x5');
    expect(chain).toHaveBeenCalledWith('0x1');
  });

  it('ignores answers to requests it never sent', () => {
    const { channel, reply } = fakeChannel();
    const provider = new LedgerlineProvider(channel);
    expect(() => reply({ type: 'response', id: 42, result: 'forged' })).not.toThrow();
    expect(provider.isLedgerline).toBe(true);
  });
});
