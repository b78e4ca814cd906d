import { describe, expect, it } from 'vitest';
import { PairingError } from './pairingError';
import { RelayClient, type RelaySocket } from './relayClient';
import { encodeServerMessage, RelayErrorCode } from './relayWire';

type Listener = (event: { data?: unknown }) => void;

/** A scripted stand-in for the browser WebSocket. */
class FakeSocket implements RelaySocket {
  static last: FakeSocket | undefined;
  binaryType = 'blob';
  readyState = 0;
  readonly sent: Uint8Array[] = [];
  readonly closes: number[] = [];
  private readonly listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) {
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
const buffer = (bytes: Uint8Array) => bytes.slice().buffer;

async function connected() {
  const pending = RelayClient.connect('ws://relay.test/relay', { WebSocketImpl: FakeSocket });
  const socket = FakeSocket.last as FakeSocket;
  socket.fire('open');
  return { client: await pending, socket };
}

describe('RelayClient', () => {
  it('connects in binary mode and sends each op in the wire format', async () => {
    const { client, socket } = await connected();
    expect(socket.url).toBe('ws://relay.test/relay');
    expect(socket.binaryType).toBe('arraybuffer');
    client.listen(route);
    client.unlisten(route);
    client.open(id, 120);
    client.close(id);
    client.knock(id, route, Uint8Array.of(9));
    client.send(route, Uint8Array.of(8, 7));
    expect(socket.sent.map((bytes) => [bytes[0], bytes.length])).toEqual([
      [0x01, 17],
      [0x05, 17],
      [0x02, 21],
      [0x06, 17],
      [0x03, 34],
      [0x04, 19],
    ]);
    expect(socket.sent[4]?.subarray(17)).toEqual(Uint8Array.of(...route, 9));
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
    const seen: unknown[] = [];
    client.on('knocked', (rendezvous, replyRoute, handshake) =>
      seen.push(['knocked', rendezvous, replyRoute, handshake]),
    );
    const stop = client.on('deliver', (to, frame) => seen.push(['deliver', to, frame]));
    client.on('error', (code, at, message) => seen.push(['error', code, at, message]));
    socket.fire(
      'message',
      buffer(
        encodeServerMessage({
          op: 'knocked',
          rendezvous: id,
          replyRoute: route,
          handshake: Uint8Array.of(1),
        }),
      ),
    );
    socket.fire('message', buffer(encodeServerMessage({ op: 'deliver', route, frame: Uint8Array.of(2) })));
    socket.fire(
      'message',
      buffer(
        encodeServerMessage({ op: 'error', id, code: RelayErrorCode.rateLimited, message: 'slow down' }),
      ),
    );
    stop();
    socket.fire('message', buffer(encodeServerMessage({ op: 'deliver', route, frame: Uint8Array.of(3) })));
    expect(seen).toEqual([
      ['knocked', id, route, Uint8Array.of(1)],
      ['deliver', route, Uint8Array.of(2)],
      ['error', 3, id, 'slow down'],
    ]);
  });

  it('reports what the relay sent that is not a relay message', async () => {
    const { client, socket } = await connected();
    const errors: [number, string][] = [];
    client.on('error', (code, _id, message) => errors.push([code, message]));
    socket.fire('message', 'text');
    socket.fire('message', new ArrayBuffer(3));
    expect(errors).toEqual([
      [1, 'the relay sent a text message'],
      [1, expect.stringMatching(/malformed message: .*at least 17 bytes/)],
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
