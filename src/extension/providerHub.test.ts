import { describe, expect, it } from 'vitest';
import type { LinkStatus } from './linkState';
import { MAX_IN_FLIGHT_PER_FRAME, MAX_PARAMS_BYTES, ProviderHub, type ProviderPort } from './providerHub';
import type { RelayReply } from './relayMessages';

/** A frame's port as the worker sees it: what it was sent, and hooks to send and to close it. */
function framePort(sender: ProviderPort['sender']) {
  const sent: RelayReply[] = [];
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: ProviderPort = {
    sender,
    postMessage: (message) => sent.push(message),
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
  };
  return {
    port,
    sent,
    ask: (id: number, method = 'eth_chainId', params?: unknown) =>
      onMessage.forEach((listener) => listener({ type: 'request', id, method, params })),
    close: () => onDisconnect.forEach((listener) => listener()),
  };
}

/** A desktop that answers with what the test decides, and a way to push events. */
function fakeDesktop(answer: (origin: string, method: string, params: unknown) => Promise<unknown>) {
  let emit: (origin: string, name: string, data: unknown) => void = () => undefined;
  const link = {
    request: answer,
    onEvent: (listener: typeof emit) => {
      emit = listener;
      return () => undefined;
    },
  };
  return { link, emit: (origin: string, name: string, data: unknown) => emit(origin, name, data) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const online = { usable: async (): Promise<LinkStatus> => 'online' };
const app = 'https://app.example.org';

describe('ProviderHub', () => {
  it('sends each request under its frame’s own origin and answers the frame that asked', async () => {
    const { link } = fakeDesktop(async (origin, method) => `${origin} ${method}`);
    const hub = new ProviderHub(link, online);
    const top = framePort({ origin: app });
    const iframe = framePort({ origin: 'https://widget.example' });
    hub.attach(top.port);
    hub.attach(iframe.port);
    top.ask(1);
    iframe.ask(1, 'eth_accounts');
    await settle();
    expect(top.sent).toEqual([{ type: 'response', id: 1, result: `${app} eth_chainId` }]);
    expect(iframe.sent).toEqual([{ type: 'response', id: 1, result: 'https://widget.example eth_accounts' }]);
  });

  it('sends events to the frames of their origin only, and forgets closed frames', () => {
    const { link, emit } = fakeDesktop(async () => null);
    const hub = new ProviderHub(link, online);
    const [first, second, iframe] = [
      framePort({ origin: app }),
      framePort({ url: `${app}/pool` }),
      framePort({ origin: 'https://widget.example' }),
    ];
    for (const frame of [first, second, iframe]) hub.attach(frame.port);
    emit(app, 'accountsChanged', []);
    second.close();
    emit(app, 'chainChanged', '0x89');
    emit(app, 'somethingElse', 1);
    expect(first.sent).toEqual([
      { type: 'event', name: 'accountsChanged', data: [] },
      { type: 'event', name: 'chainChanged', data: '0x89' },
    ]);
    expect(second.sent).toEqual([{ type: 'event', name: 'accountsChanged', data: [] }]);
    expect(iframe.sent).toEqual([]);
  });

  it('answers 4100 to a frame that is not a site, without asking the desktop', async () => {
    const asked: string[] = [];
    const { link } = fakeDesktop(async (origin) => asked.push(origin));
    const hub = new ProviderHub(link, online);
    const sandboxed = framePort({ origin: 'null', url: 'https://app.example.org/' });
    hub.attach(sandboxed.port);
    sandboxed.ask(1, 'eth_requestAccounts');
    await settle();
    expect(sandboxed.sent).toMatchObject([{ id: 1, error: { code: 4100 } }]);
    expect(asked).toEqual([]);
  });

  it('answers 4900 saying what to do when unpaired or when the desktop is not reachable', async () => {
    const { link } = fakeDesktop(async () => 'never');
    for (const [status, hint] of [
      ['unpaired', /pair it/],
      ['offline', /Open Ledgerline/],
    ] as const) {
      const hub = new ProviderHub(link, { usable: async () => status });
      const frame = framePort({ origin: app });
      hub.attach(frame.port);
      frame.ask(1);
      await settle();
      expect(frame.sent).toMatchObject([
        { id: 1, error: { code: 4900, message: expect.stringMatching(hint) } },
      ]);
    }
  });

  it("passes the desktop's errors on as sent, and a thrown non-error as -32603", async () => {
    const { link } = fakeDesktop(async (_origin, method) => {
      if (method === 'personal_sign')
        throw { code: 4001, message: 'User rejected the request.', data: { x: 1 } };
      throw new TypeError('internal path /home/user/x');
    });
    const hub = new ProviderHub(link, online);
    const frame = framePort({ origin: app });
    hub.attach(frame.port);
    frame.ask(1, 'personal_sign');
    frame.ask(2, 'eth_call');
    await settle();
    expect(frame.sent).toEqual([
      {
        type: 'response',
        id: 1,
        error: { code: 4001, message: 'User rejected the request.', data: { x: 1 } },
      },
      { type: 'response', id: 2, error: { code: -32603, message: expect.not.stringMatching(/home/) } },
    ]);
  });

  it(`bounds a frame to ${MAX_IN_FLIGHT_PER_FRAME} requests at the desktop, and the size of params`, async () => {
    const waiting: (() => void)[] = [];
    const { link } = fakeDesktop(() => new Promise((resolve) => waiting.push(() => resolve('0x1'))));
    const hub = new ProviderHub(link, online);
    const frame = framePort({ origin: app });
    hub.attach(frame.port);
    for (let id = 0; id <= MAX_IN_FLIGHT_PER_FRAME; id++) frame.ask(id);
    await settle();
    expect(frame.sent).toMatchObject([{ id: MAX_IN_FLIGHT_PER_FRAME, error: { code: -32005 } }]);
    waiting.forEach((answer) => answer());
    await settle();
    expect(frame.sent).toHaveLength(MAX_IN_FLIGHT_PER_FRAME + 1);

    const other = framePort({ origin: app });
    hub.attach(other.port);
    other.ask(1, 'eth_call', ['x'.repeat(MAX_PARAMS_BYTES)]);
    await settle();
    expect(other.sent).toMatchObject([{ id: 1, error: { code: -32600 } }]);
    expect(waiting).toHaveLength(MAX_IN_FLIGHT_PER_FRAME);
  });

  it('drops the answer for a frame that closed while its request was out', async () => {
    let answer: () => void = () => undefined;
    const { link } = fakeDesktop(() => new Promise((resolve) => (answer = () => resolve('0x1'))));
    const hub = new ProviderHub(link, online);
    const frame = framePort({ origin: app });
    hub.attach(frame.port);
    frame.ask(1);
    await settle();
    frame.close();
    answer();
    await settle();
    expect(frame.sent).toEqual([]);
  });
});
