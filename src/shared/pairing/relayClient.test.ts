import { ed25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it, vi } from 'vitest';
import { PairingError } from './pairingError';
import { RelayClient, type RelaySocket } from './relayClient';
import { listenSigned, routeKey } from './relayProof';
import { encodeServerMessage, RELAY_PROTOCOL, RelayErrorCode, type RelayServerMessage } from './relayWire';

type Listener = (event: { data?: unknown }) => void;

/** A scripted stand-in for the browser WebSocket. */
class FakeSocket implements RelaySocket {
  static last: FakeSocket | undefined;
  binaryType = 'blob';
  readyState = 0;
  readonly sent: Uint8Array[] = [];
  readonly closes: number[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(
    readonly url: string,
    readonly protocols?: string | string[],
  ) {
    FakeSocket.last = this;
  }

  send(data: Uint8Array) {
    this.sent.push(data);
  }

  close(code?: number) {
    this.closes.push(code ?? 1005);
    this.fire('close');
  }

  addEventListener(type: string, listener: Listener) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  fire(type: 'open' | 'close' | 'error' | 'message', data?: unknown) {
    if (type === 'open') this.readyState = 1;
    if (type === 'close') this.readyState = 3;
    for (const listener of this.listeners.get(type) ?? []) listener({ data });
  }
}

const id = new Uint8Array(16).fill(1);
const route = new Uint8Array(16).fill(2);
const nonce = new Uint8Array(16).fill(3);
const wireId = routeKey(route).wireId;
const buffer = (bytes: Uint8Array) => bytes.slice().buffer;
const challenge = buffer(encodeServerMessage({ op: 'challenge', nonce }));
/** Delivers a message from the relay to the client through its socket. */
const relay = (socket: FakeSocket, message: RelayServerMessage) =>
  socket.fire('message', buffer(encodeServerMessage(message)));

async function connected() {
  const pending = RelayClient.connect('ws://relay.test/relay', { WebSocketImpl: FakeSocket });
  const socket = FakeSocket.last as FakeSocket;
  socket.fire('open');
  socket.fire('message', challenge);
  return { client: await pending, socket };
}

describe('RelayClient', () => {
  it('connects in binary mode and sends each op in the wire format', async () => {
    const { client, socket } = await connected();
    expect(socket.url).toBe('ws://relay.test/relay');
    expect(socket.protocols).toEqual([RELAY_PROTOCOL]);
    expect(socket.binaryType).toBe('arraybuffer');
    client.listen(route);
    client.unlisten(route);
    client.open(id, 120);
    client.close(id);
    client.knock(id, route, Uint8Array.of(9));
    client.send(route, Uint8Array.of(8, 7));
    expect(socket.sent.map((bytes) => [bytes[0], bytes.length])).toEqual([
      [0x01, 113],
      [0x05, 17],
      [0x02, 21],
      [0x06, 17],
      [0x03, 34],
      [0x04, 19],
    ]);
    // The route never goes out: its wire id does, on every op that names it.
    for (const at of [0, 1, 5]) expect(socket.sent[at]?.subarray(1, 17)).toEqual(wireId);
    expect(socket.sent[4]?.subarray(17)).toEqual(Uint8Array.of(...wireId, 9));
    const listen = socket.sent[0] as Uint8Array;
    const [publicKey, signature] = [listen.subarray(17, 49), listen.subarray(49)];
    expect(ed25519.verify(signature, listenSigned(nonce, wireId), publicKey)).toBe(true);
  });

  it('is usable only once the relay has sent its challenge', async () => {
    const pending = RelayClient.connect('ws://relay.test/relay', { WebSocketImpl: FakeSocket });
    const socket = FakeSocket.last as FakeSocket;
    let settled = false;
    void pending.then(() => (settled = true));
    socket.fire('open');
    await Promise.resolve();
    expect(settled).toBe(false);
    socket.fire('message', challenge);
    await expect(pending).resolves.toBeInstanceOf(RelayClient);

    const other = RelayClient.connect('ws://relay.test/relay', { WebSocketImpl: FakeSocket });
    const otherSocket = FakeSocket.last as FakeSocket;
    otherSocket.fire('open');
    relay(otherSocket, { op: 'deliver', route, frame: Uint8Array.of(1) });
    await expect(other).rejects.toMatchObject({ code: 'relay_unreachable', message: /not a challenge/ });
  });

  it('gives up on a relay that never sends its challenge', async () => {
    vi.useFakeTimers();
    try {
      const pending = RelayClient.connect('ws://relay.test/relay', { WebSocketImpl: FakeSocket });
      const socket = FakeSocket.last as FakeSocket;
      socket.fire('open');
      const outcome = expect(pending).rejects.toThrow(/sent no challenge/);
      vi.advanceTimersByTime(10_000);
      await outcome;
      expect(socket.closes).toEqual([1000]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects with relay_unreachable when the socket fails before opening', async () => {
    const pending = RelayClient.connect('ws://relay.test/relay', { WebSocketImpl: FakeSocket });
    FakeSocket.last?.fire('error');
    FakeSocket.last?.fire('close');
    await expect(pending).rejects.toMatchObject({ code: 'relay_unreachable' });
    class Throwing extends FakeSocket {
      constructor(url: string) {
        super(url);
        throw new SyntaxError('bad url');
      }
    }
    await expect(RelayClient.connect('nope', { WebSocketImpl: Throwing })).rejects.toThrow(/bad url/);
  });

  it('dispatches relay messages to their handlers until unsubscribed', async () => {
    const { client, socket } = await connected();
    client.listen(route);
    const seen: unknown[] = [];
    client.on('knocked', (rendezvous, replyRoute, handshake) =>
      seen.push(['knocked', rendezvous, replyRoute, handshake]),
    );
    const stop = client.on('deliver', (to, frame) => seen.push(['deliver', to, frame]));
    client.on('error', (code, at, message) => seen.push(['error', code, at, message]));
    relay(socket, { op: 'knocked', rendezvous: id, replyRoute: route, handshake: Uint8Array.of(1) });
    relay(socket, { op: 'deliver', route: wireId, frame: Uint8Array.of(2) });
    for (const at of [id, wireId]) {
      relay(socket, { op: 'error', id: at, code: RelayErrorCode.rateLimited, message: 'slow down' });
    }
    stop();
    relay(socket, { op: 'deliver', route: wireId, frame: Uint8Array.of(3) });
    // Wire ids come back as the routes behind them; a rendezvous or a reply id comes back as it is.
    expect(seen).toEqual([
      ['knocked', id, route, Uint8Array.of(1)],
      ['deliver', route, Uint8Array.of(2)],
      ['error', 3, id, 'slow down'],
      ['error', 3, route, 'slow down'],
    ]);
  });

  it('answers a knock on the reply id it was given, unchanged', async () => {
    const { client, socket } = await connected();
    const replyId = new Uint8Array(16).fill(8);
    relay(socket, { op: 'knocked', rendezvous: id, replyRoute: replyId, handshake: Uint8Array.of() });
    client.send(replyId, Uint8Array.of(5));
    expect(socket.sent.at(-1)).toEqual(Uint8Array.of(0x04, ...replyId, 5));
  });

  it('reports what the relay sent that is not a relay message', async () => {
    const { client, socket } = await connected();
    const errors: [number, string][] = [];
    client.on('error', (code, _id, message) => errors.push([code, message]));
    socket.fire('message', 'text');
    socket.fire('message', new ArrayBuffer(3));
    socket.fire('message', challenge);
    expect(errors).toEqual([
      [1, 'the relay sent a text message'],
      [1, expect.stringMatching(/malformed message: .*at least 17 bytes/)],
      [1, 'the relay sent a second challenge'],
    ]);
  });

  it('fires closed on disconnect and refuses to send afterwards', async () => {
    const { client, socket } = await connected();
    let closed = 0;
    client.on('closed', () => (closed += 1));
    await client.disconnect();
    expect(socket.closes).toEqual([1000]);
    expect(closed).toBe(1);
    expect(client.connected).toBe(false);
    expect(() => client.send(route, Uint8Array.of(1))).toThrow(PairingError);
  });
});
