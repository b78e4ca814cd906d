import { describe, expect, it, vi } from 'vitest';
import { pageChannel, type PageWindow } from './pageChannel';
import { LedgerlineProvider } from './provider';
import { ProviderHub, type ProviderPort } from './providerHub';
import { startRelay, type WorkerPort } from './relay';
import { FROM_EXTENSION, FROM_PAGE, type RelayReply, type RelayRequest } from './relayMessages';

type Listener = (event: { source: unknown; data: unknown }) => void;

/** A page's window: postMessage is asynchronous and clones, as in a browser; `source` is who posted. */
function fakePage(origin = 'https://app.example.org') {
  const listeners: Listener[] = [];
  const seen: unknown[] = [];
  const dispatch = (source: unknown, data: unknown) =>
    setTimeout(() => {
      for (const listener of listeners) listener({ source, data: structuredClone(data) });
    });
  const page: PageWindow = {
    location: { origin },
    postMessage: (data) => {
      seen.push(data);
      dispatch(page, data);
    },
    addEventListener: (_type, listener) => listeners.push(listener),
  };
  /** A message from another frame, which the page's window also receives. */
  const fromOtherFrame = (data: unknown) => dispatch({}, data);
  return { page, seen, fromOtherFrame };
}

/** The content script's end of a port, with the worker's end as plain hooks for the test. */
function fakeWorkerPort() {
  const received: RelayRequest[] = [];
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: WorkerPort = {
    postMessage: (message) => received.push(structuredClone(message)),
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
  };
  return {
    port,
    received,
    reply: (message: unknown) => onMessage.forEach((listener) => listener(structuredClone(message))),
    disconnect: () => onDisconnect.forEach((listener) => listener()),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const tag = '0123456789abcdef0123456789abcdef';
const request = (id: number, otherTag = tag) => ({
  source: FROM_PAGE,
  tag: otherTag,
  type: 'request',
  id,
  method: 'eth_chainId',
});

describe('content script relay', () => {
  it("relays only this window's messages carrying the tag its provider chose, and opens the port on the first request", async () => {
    const { page, fromOtherFrame } = fakePage();
    const worker = fakeWorkerPort();
    const connect = vi.fn(() => worker.port);
    startRelay(page, connect);
    page.postMessage({ source: FROM_PAGE, tag, type: 'hello' }, '*');
    await settle();
    expect(connect).not.toHaveBeenCalled();
    page.postMessage(request(1, 'f'.repeat(32)), '*');
    fromOtherFrame(request(2));
    page.postMessage({ ...request(3), source: FROM_EXTENSION }, '*');
    page.postMessage(request(4), '*');
    await settle();
    expect(worker.received).toEqual([{ type: 'request', id: 4, method: 'eth_chainId' }]);
    expect(connect).toHaveBeenCalledOnce();
  });

  it("posts the worker's replies and events to the page with the tag, and drops malformed ones", async () => {
    const { page, seen } = fakePage();
    const worker = fakeWorkerPort();
    startRelay(page, () => worker.port);
    page.postMessage(request(1), '*');
    await settle();
    worker.reply({ type: 'response', id: 1, result: '0x1' });
    worker.reply({ type: 'event', name: 'accountsChanged', data: [] });
    worker.reply({ type: 'event', name: 'steal', data: [] });
    expect(seen.slice(1)).toEqual([
      { source: FROM_EXTENSION, tag, type: 'response', id: 1, result: '0x1' },
      { source: FROM_EXTENSION, tag, type: 'event', name: 'accountsChanged', data: [] },
    ]);
  });

  it('answers 4900 for requests in flight when the worker goes away, and reconnects on the next one', async () => {
    const { page, seen } = fakePage();
    const workers = [fakeWorkerPort(), fakeWorkerPort()];
    let next = 0;
    startRelay(page, () => (workers[next++] as ReturnType<typeof fakeWorkerPort>).port);
    page.postMessage(request(1), '*');
    await settle();
    workers[0]?.disconnect();
    expect(seen.at(-1)).toMatchObject({ type: 'response', id: 1, error: { code: 4900 } });
    page.postMessage(request(2), '*');
    await settle();
    expect(workers[1]?.received).toEqual([{ type: 'request', id: 2, method: 'eth_chainId' }]);
  });

  it('answers 4900 when the extension is gone from under the page', async () => {
    const { page, seen } = fakePage();
    startRelay(page, () => {
      throw new Error('Extension context invalidated.');
    });
    page.postMessage(request(1), '*');
    await settle();
    expect(seen.at(-1)).toMatchObject({
      tag,
      id: 1,
      error: { code: 4900, message: expect.stringMatching(/Reload/) },
    });
  });
});

describe('the relay end to end: provider, content script, worker', () => {
  /** The worker's end of a port whose other end is the relay's, with the origin the browser reports. */
  function connectedPair(origin: string) {
    const toWorker: ((message: unknown) => void)[] = [];
    const toRelay: ((message: unknown) => void)[] = [];
    const relayPort: WorkerPort = {
      postMessage: (message) => toWorker.forEach((listener) => listener(structuredClone(message))),
      onMessage: { addListener: (listener) => toRelay.push(listener) },
      onDisconnect: { addListener: () => undefined },
    };
    const workerPort: ProviderPort = {
      sender: { origin, url: `${origin}/` },
      postMessage: (message: RelayReply) => toRelay.forEach((listener) => listener(structuredClone(message))),
      onMessage: { addListener: (listener) => toWorker.push(listener) },
      onDisconnect: { addListener: () => undefined },
    };
    return { relayPort, workerPort };
  }

  it('answers requests under the origin the browser gives and delivers events to the provider', async () => {
    const asked: [string, string, unknown][] = [];
    let emit: (origin: string, name: string, data: unknown) => void = () => undefined;
    const link = {
      request: async (origin: string, method: string, params: unknown) => {
        asked.push([origin, method, params]);
        return '0x1';
      },
      onEvent: (listener: typeof emit) => {
        emit = listener;
        return () => undefined;
      },
    };
    const hub = new ProviderHub(link, { usable: async () => 'online' });
    const { page } = fakePage('https://forged.example');
    const { relayPort, workerPort } = connectedPair('https://app.example.org');
    startRelay(page, () => {
      hub.attach(workerPort);
      return relayPort;
    });
    const provider = new LedgerlineProvider(pageChannel(page, tag));
    const connected = vi.fn();
    const accounts = vi.fn();
    provider.on('connect', connected).on('accountsChanged', accounts);

    await expect(provider.request({ method: 'eth_chainId' })).resolves.toBe('0x1');
    expect(asked).toEqual([['https://app.example.org', 'eth_chainId', undefined]]);
    expect(connected).toHaveBeenCalledWith({ chainId: '0x1' });

    emit('https://app.example.org', 'accountsChanged', []);
    emit('https://other.example', 'accountsChanged', ['0x1']);
    await settle();
    expect(accounts.mock.calls).toEqual([[[]]]);
  });
});
