import { afterEach, describe, expect, it } from 'vitest';
import NodeWebSocket from 'ws';
import { RelayClient, type RelaySocketConstructor } from '../../../shared/pairing/relayClient';
import { routeKey } from '../../../shared/pairing/relayProof';
import { encodeClientMessage, RELAY_PROTOCOL, RelayErrorCode } from '../../../shared/pairing/relayWire';
import { MAX_CHUNKS, MAX_FRAME_LENGTH } from '../../../shared/pairing/secureChannel';
import type { Relay } from './relayServer';
import {
  challengeOf,
  loopbackRelays,
  provenListen,
  randomId,
  rawSocket,
  until,
  type RecordedEvent,
} from '../../../../test/pairing/relayTestKit';

// The relay listens on 127.0.0.1; a client bound to another loopback address is "another host" to it.
const relays = loopbackRelays();
const relay = relays.start;
const sockets: NodeWebSocket[] = [];

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.terminate();
  await relays.closeAll();
});

/** A `ws` socket from `localAddress`, shaped like the browser WebSocket the relay client expects. */
const from = (localAddress: string, headers: Record<string, string> = {}): RelaySocketConstructor =>
  class extends NodeWebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { localAddress, headers });
      sockets.push(this);
    }
  } as unknown as RelaySocketConstructor;

async function client(running: Relay, address = '127.0.0.2') {
  const connected = await RelayClient.connect(running.wsUrl, { WebSocketImpl: from(address) });
  const events: RecordedEvent[] = [];
  connected.on('deliver', (route, frame) => events.push({ type: 'deliver', route, frame }));
  connected.on('error', (code, id, message) => events.push({ type: 'error', code, id, message }));
  connected.on('closed', () => events.push({ type: 'closed' }));
  return { client: connected, events };
}

/** Resolves with the HTTP status an upgrade got: 101 when the relay took the socket. */
function upgradeStatus(
  running: Relay,
  address: string,
  headers: Record<string, string> = {},
  protocols = [RELAY_PROTOCOL],
) {
  return new Promise<number>((resolve) => {
    const socket = new NodeWebSocket(running.wsUrl, protocols, { localAddress: address, headers });
    sockets.push(socket);
    socket.once('upgrade', () => resolve(101));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', () => resolve(0));
  });
}

const errors = (events: RecordedEvent[]) =>
  events.filter((event): event is Extract<RecordedEvent, { type: 'error' }> => event.type === 'error');

/** A phone's frame parked for it while it is away, then fetched; `expect`s it back intact. */
async function parkAndFetch(running: Relay, attack: () => Promise<void>) {
  const [desktop, phone] = [await client(running, '127.0.0.3'), await client(running, '127.0.0.4')];
  const route = randomId();
  const parked = new Uint8Array(1_048).fill(7);
  desktop.client.send(route, parked);
  await until(() => running.stats().queuedFrames === 1, 'the parked frame');
  await attack();
  phone.client.listen(route);
  await until(() => phone.events.length === 1, 'the parked frame delivered');
  expect(phone.events).toEqual([{ type: 'deliver', route, frame: parked }]);
}

describe('relay under attack', () => {
  it('charges queued frames their real cost: a flood of empty SENDs to random routes stays bounded', async () => {
    const { relay: running } = await relay();
    await parkAndFetch(running, async () => {
      const attacker = await client(running, '127.0.0.9');
      for (let i = 0; i < 20_000; i += 1) attacker.client.send(randomId(), new Uint8Array(0));
      await until(() => errors(attacker.events).length > 0, 'queue_full', 20_000);
      const refused = errors(attacker.events).length;
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(errors(attacker.events).every((event) => event.code === RelayErrorCode.queueFull)).toBe(true);
      const { queuedFrames, queuedBytes } = running.stats();
      expect(queuedBytes).toBeLessThanOrEqual(4 * 1024 * 1024 + 2_000);
      expect(queuedFrames).toBeLessThan(20_000);
      expect(refused).toBeGreaterThan(0);
    });
  }, 30_000);

  it('caps what one address queues, however many sockets it opens', async () => {
    const { relay: running } = await relay({ limits: { queueBytesPerSocket: 64 * 1024 } });
    await parkAndFetch(running, async () => {
      const attackers = await Promise.all(Array.from({ length: 6 }, () => client(running, '127.0.0.9')));
      for (const attacker of attackers) {
        for (let i = 0; i < 200; i += 1) attacker.client.send(randomId(), new Uint8Array(1_000));
      }
      await until(
        () => attackers.every((attacker) => errors(attacker.events).length > 0),
        'every socket refused',
        20_000,
      );
      expect(running.stats().queuedBytes).toBeLessThanOrEqual(
        64 * 1024 * 6 + 2_048, // no more than the per-socket caps, and the parked frame
      );
    });
  }, 30_000);

  it('caps sockets per address, and other addresses still connect', async () => {
    const { relay: running } = await relay({ limits: { socketsPerAddress: 3 } });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await upgradeStatus(running, '127.0.0.9'));
    expect(statuses).toEqual([101, 101, 101, 429]);
    expect(await upgradeStatus(running, '127.0.0.10')).toBe(101);
    await until(() => running.stats().sockets === 4, 'the admitted sockets');
  });

  it('caps the routes listened on across the relay', async () => {
    const { relay: running } = await relay({ limits: { routesTotal: 3 } });
    const [a, b] = [await client(running, '127.0.0.9'), await client(running, '127.0.0.10')];
    a.client.listen(randomId());
    a.client.listen(randomId());
    b.client.listen(randomId());
    b.client.listen(randomId());
    await until(() => b.events.length === 1, 'a refusal');
    expect(errors(b.events).map((event) => event.code)).toEqual([RelayErrorCode.rateLimited]);
    expect(running.stats().routes).toBe(3);
  });

  it('closes a socket that holds nothing and says nothing, and keeps one that listens', async () => {
    const { relay: running } = await relay({ limits: { idleSocketMs: 300, sweepIntervalMs: 50 } });
    const idle = await client(running, '127.0.0.9');
    const listening = await client(running, '127.0.0.10');
    listening.client.listen(randomId());
    await until(() => idle.events.some((event) => event.type === 'closed'), 'the idle socket closed');
    expect(listening.client.connected).toBe(true);
    expect(running.stats()).toMatchObject({ sockets: 1, routes: 1 });
  });

  it('refuses a WebSocket upgrade from another origin, and takes its own or none', async () => {
    const { relay: running } = await relay();
    const own = new URL(running.url).origin;
    expect(await upgradeStatus(running, '127.0.0.9', { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(running, '127.0.0.9', { Origin: 'null' })).toBe(403);
    expect(await upgradeStatus(running, '127.0.0.9', { Origin: own })).toBe(101);
    expect(await upgradeStatus(running, '127.0.0.9')).toBe(101);
  });

  it('logs a flood of refusals in a few lines', async () => {
    const { relay: running, logs } = await relay();
    const attacker = await client(running, '127.0.0.9');
    for (let i = 0; i < 2_000; i += 1) attacker.client.knock(randomId(), randomId(), new Uint8Array(1));
    await until(() => attacker.events.length === 2_000, 'the refusals', 20_000);
    const lines = logs.entries.filter((entry) => entry.message.startsWith('relay refused'));
    expect(lines.length).toBeLessThanOrEqual(25);
    expect(lines.length).toBeGreaterThan(0);
  }, 30_000);

  it('queues a largest message for an offline phone and delivers all of it', async () => {
    const { relay: running } = await relay();
    const [desktop, phone] = [await client(running, '127.0.0.3'), await client(running, '127.0.0.4')];
    const route = randomId();
    const chunks = Array.from({ length: MAX_CHUNKS }, (_, index) =>
      new Uint8Array(MAX_FRAME_LENGTH).fill(index),
    );
    for (const chunk of chunks) desktop.client.send(route, chunk);
    await until(() => running.stats().queuedFrames === MAX_CHUNKS || desktop.events.length > 0, 'queued');
    expect(desktop.events).toEqual([]);
    phone.client.listen(route);
    await until(() => phone.events.length === MAX_CHUNKS, 'the whole message', 20_000);
    expect(phone.events).toEqual(chunks.map((frame) => ({ type: 'deliver', route, frame })));
  }, 30_000);

  it('stops reading a socket once it has been told to go', async () => {
    const { relay: running } = await relay({ limits: { malformedPerSocket: 2 } });
    const raw = new NodeWebSocket(running.wsUrl, [RELAY_PROTOCOL], { localAddress: '127.0.0.9' });
    sockets.push(raw);
    await new Promise((resolve) => raw.once('open', resolve));
    const before = running.stats().handled;
    raw.send(new Uint8Array([0xff]));
    raw.send(new Uint8Array([0xff]));
    raw.send(encodeClientMessage({ op: 'listen', route: randomId(), proof: new Uint8Array(96) }));
    await new Promise((resolve) => raw.once('close', resolve));
    expect(running.stats()).toMatchObject({ handled: before + 2, routes: 0 });
  });

  it('answers a malformed KNOCK with malformed, whatever its rendezvous, and lets it use up nothing', async () => {
    const { relay: running } = await relay({ limits: { knocksPerAddress: 1, knocksPerRendezvous: 1 } });
    const [desktop, phone] = [await client(running, '127.0.0.3'), await client(running, '127.0.0.4')];
    const rendezvous = randomId();
    desktop.client.open(rendezvous, 60);
    await until(() => running.stats().rendezvous === 1, 'the rendezvous');
    const raw = new NodeWebSocket(running.wsUrl, [RELAY_PROTOCOL], { localAddress: '127.0.0.4' });
    sockets.push(raw);
    const replies: number[] = [];
    raw.on('message', (data: Buffer) => {
      if (data[0] === 0x8f) replies.push(data[17] ?? -1);
    });
    await new Promise((resolve) => raw.once('open', resolve));
    // A KNOCK whose body is shorter than its reply route, on the open rendezvous and on an unknown one.
    for (const id of [rendezvous, randomId()]) raw.send(Uint8Array.of(0x03, ...id, 1, 2, 3));
    await until(() => replies.length === 2, 'the refusals');
    expect(replies).toEqual([RelayErrorCode.malformed, RelayErrorCode.malformed]);
    phone.client.knock(rendezvous, randomId(), new Uint8Array(96));
    await until(() => running.stats().rendezvous === 0, 'the real knock');
    expect(phone.events).toEqual([]);
  });

  it('refuses a LISTEN by anyone who only saw a route on the LAN, and the phone still gets every frame', async () => {
    const { relay: running } = await relay();
    const [desktop, phone] = [await client(running, '127.0.0.3'), await client(running, '127.0.0.4')];
    const route = randomId();
    // The phone was here once: a LAN eavesdropper copied its LISTEN, proof and all.
    const earlier = await rawSocket(running.wsUrl);
    const copied = encodeClientMessage(provenListen(route, challengeOf(earlier.received)));
    earlier.socket.send(copied);
    await until(() => running.stats().routes === 1, 'the earlier listen');
    earlier.socket.close();
    await until(() => running.stats().routes === 0, 'the phone away');
    const frames = [1, 2, 3].map((value) => new Uint8Array(1_000).fill(value));
    for (const frame of frames) desktop.client.send(route, frame);
    await until(() => running.stats().queuedFrames === 3, 'the parked frames');

    const thief = await rawSocket(running.wsUrl);
    const wireId = routeKey(route).wireId;
    const own = routeKey(randomId());
    const attempts = [
      copied,
      // The wire id it saw, with garbage, and with a genuine signature by a key of its own.
      encodeClientMessage({ op: 'listen', route: wireId, proof: new Uint8Array(96).fill(1) }),
      encodeClientMessage({ ...provenListen(randomId(), challengeOf(thief.received)), route: wireId }),
      encodeClientMessage({ op: 'listen', route: wireId, proof: provenListen(route, own.wireId).proof }),
    ];
    for (const attempt of attempts) thief.socket.send(attempt);
    await until(() => thief.received.length === 1 + attempts.length, 'the refusals');
    expect(thief.received.slice(1)).toEqual(
      attempts.map(() => expect.objectContaining({ op: 'error', code: RelayErrorCode.unproven, id: wireId })),
    );
    expect(running.stats()).toMatchObject({ routes: 0, queuedFrames: 3 });

    phone.client.listen(route);
    await until(() => phone.events.length === 3, 'the parked frames delivered');
    expect(phone.events).toEqual(frames.map((frame) => ({ type: 'deliver', route, frame })));
  });

  it('bounds the signature checks one host can ask for with LISTENs', async () => {
    const { relay: running } = await relay({ limits: { listensPerAddressPerMinute: 3 } });
    const [a, b] = [await client(running, '127.0.0.9'), await client(running, '127.0.0.9')];
    const other = await client(running, '127.0.0.10');
    for (let i = 0; i < 2; i += 1) a.client.listen(randomId());
    for (let i = 0; i < 2; i += 1) b.client.listen(randomId());
    other.client.listen(randomId());
    await until(() => b.events.length === 1 && running.stats().routes === 4, 'the refusal');
    expect(errors(b.events).map((event) => event.code)).toEqual([RelayErrorCode.rateLimited]);
    expect(other.events).toEqual([]);
  });

  it('refuses an upgrade that does not name this version of the relay protocol', async () => {
    const { relay: running } = await relay();
    expect(await upgradeStatus(running, '127.0.0.9', {}, [])).toBe(426);
    expect(await upgradeStatus(running, '127.0.0.9', {}, ['ledgerline-relay.1'])).toBe(426);
    expect(await upgradeStatus(running, '127.0.0.9', {}, ['other', RELAY_PROTOCOL])).toBe(101);
  });
});
