import { afterEach, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import NodeWebSocket from 'ws';
import type { RelayClient } from '../../../shared/pairing/relayClient';
import { routeKey } from '../../../shared/pairing/relayProof';
import {
  encodeClientMessage,
  RELAY_MAX_BODY_BYTES,
  RELAY_PROTOCOL,
  RelayErrorCode,
} from '../../../shared/pairing/relayWire';
import { queuedCost } from './frameQueue';
import type { Relay } from './relayServer';
import {
  provenListen,
  randomId,
  rawSocket,
  recordingClient,
  until,
  type RecordedEvent,
  loopbackRelays,
} from '../../../../test/pairing/relayTestKit';

const relays = loopbackRelays();
const relay = relays.start;
const clients: RelayClient[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => (client.connected ? client.disconnect() : undefined)));
  await relays.closeAll();
});

async function client(running: Relay) {
  const recorded = await recordingClient(running.wsUrl);
  clients.push(recorded.client);
  return recorded;
}

const frame = (value: number, size = 32) => new Uint8Array(size).fill(value);
/** What the relay charges for queueing a frame of `size` bytes: its DELIVER message and the overhead. */
const charged = (size: number) => queuedCost(new Uint8Array(1 + 16 + size));
const ofType = <T extends RecordedEvent['type']>(events: RecordedEvent[], type: T) =>
  events.filter((event): event is Extract<RecordedEvent, { type: T }> => event.type === type);
const errorCodes = (events: RecordedEvent[]) => ofType(events, 'error').map((event) => event.code);

/** A round trip through the relay, so everything sent before it has been handled. */
async function settle(running: Relay, recorded: { client: RelayClient; events: RecordedEvent[] }) {
  const probe = randomId();
  const before = { events: recorded.events.length, rendezvous: running.stats().rendezvous };
  recorded.client.open(probe, 1);
  recorded.client.open(probe, 1);
  await until(() => recorded.events.length > before.events, 'a round trip');
  recorded.events.pop();
  recorded.client.close(probe);
  await until(() => running.stats().rendezvous === before.rendezvous, 'the probe withdrawn');
}

describe('relay routing', () => {
  it('delivers a SEND to every other listener of the route, not to the sender', async () => {
    const { relay: running } = await relay();
    const [a, b, c] = await Promise.all([client(running), client(running), client(running)]);
    const route = randomId();
    for (const peer of [a, b, c]) peer.client.listen(route);
    await until(() => running.stats().routes === 1, 'listens');
    a.client.send(route, frame(1));
    await until(() => b.events.length === 1 && c.events.length === 1, 'deliveries');
    expect(b.events).toEqual([{ type: 'deliver', route, frame: frame(1) }]);
    expect(c.events).toEqual(b.events);
    await settle(running, a);
    expect(ofType(a.events, 'deliver')).toEqual([]);
  });

  it('queues frames for a route nobody else listens on and flushes them in order on LISTEN', async () => {
    const { relay: running } = await relay();
    const [a, b] = await Promise.all([client(running), client(running)]);
    const route = randomId();
    a.client.listen(route);
    for (const value of [1, 2, 3]) a.client.send(route, frame(value));
    await until(() => running.stats().queuedFrames === 3, 'queued frames');
    expect(running.stats().queuedBytes).toBe(3 * charged(32));
    b.client.listen(route);
    await until(() => b.events.length === 3, 'flush');
    expect(ofType(b.events, 'deliver').map((event) => event.frame)).toEqual([frame(1), frame(2), frame(3)]);
    expect(running.stats()).toMatchObject({ queuedFrames: 0, queuedBytes: 0 });
  });

  it('drops a route’s queue when its last listener leaves with UNLISTEN', async () => {
    const { relay: running } = await relay();
    const a = await client(running);
    const route = randomId();
    a.client.listen(route);
    a.client.send(route, frame(1));
    await until(() => running.stats().queuedFrames === 1, 'queued frame');
    a.client.unlisten(route);
    await until(() => running.stats().queuedFrames === 0, 'queue dropped');
    expect(running.stats().routes).toBe(0);
  });

  it('bounds each route’s queue by frames and by bytes', async () => {
    const { relay: running } = await relay();
    const a = await client(running);
    const byCount = randomId();
    for (let i = 0; i < 65; i += 1) a.client.send(byCount, frame(i, 1));
    await until(() => a.events.length === 1, 'queue_full');
    expect(a.events[0]).toMatchObject({ type: 'error', code: RelayErrorCode.queueFull, id: byCount });
    expect(running.stats().queuedFrames).toBe(64);
    const byBytes = randomId();
    // The byte limit holds 64 full-bucket frames; 16 largest bodies fit under it, a 17th does not.
    for (let i = 0; i < 17; i += 1) a.client.send(byBytes, frame(i, RELAY_MAX_BODY_BYTES));
    await until(() => a.events.length === 2, 'queue_full by bytes');
    expect(a.events[1]).toMatchObject({ code: RelayErrorCode.queueFull, id: byBytes });
    expect(running.stats()).toMatchObject({
      queuedFrames: 64 + 16,
      queuedBytes: 64 * charged(1) + 16 * charged(RELAY_MAX_BODY_BYTES),
    });
  });

  it('drops the oldest queued frames of any route past the total cap', async () => {
    const { relay: running } = await relay({ limits: { queueBytesTotal: 2 * charged(40) + 10 } });
    const [a, b] = await Promise.all([client(running), client(running)]);
    const [first, second] = [randomId(), randomId()];
    a.client.send(first, frame(1, 40));
    a.client.send(second, frame(2, 40));
    a.client.send(first, frame(3, 40));
    await until(
      () => running.stats().handled === 3 && running.stats().queuedBytes === 2 * charged(40),
      'eviction',
    );
    b.client.listen(first);
    b.client.listen(second);
    await until(() => b.events.length === 2, 'flush');
    expect(ofType(b.events, 'deliver').map((event) => event.frame[0])).toEqual([3, 2]);
  });

  it('expires queued frames after ten minutes', async () => {
    let clock = 1_000_000;
    const { relay: running } = await relay({ now: () => clock });
    const [a, b] = await Promise.all([client(running), client(running)]);
    const route = randomId();
    a.client.send(route, frame(1));
    await until(() => running.stats().queuedFrames === 1, 'queued');
    clock += 5 * 60_000;
    a.client.send(route, frame(2));
    await until(() => running.stats().queuedFrames === 2, 'queued');
    clock += 5 * 60_000;
    b.client.listen(route);
    await until(() => b.events.length === 1, 'flush');
    await settle(running, b);
    expect(ofType(b.events, 'deliver').map((event) => event.frame)).toEqual([frame(2)]);
  });
});

describe('relay rendezvous', () => {
  it('forwards the first KNOCK to the owner and refuses every later one', async () => {
    const { relay: running } = await relay();
    const [desktop, phone] = await Promise.all([client(running), client(running)]);
    const rendezvous = randomId();
    const replyRoute = randomId();
    desktop.client.open(rendezvous, 120);
    phone.client.listen(replyRoute);
    await until(() => running.stats().rendezvous === 1 && running.stats().routes === 1, 'open');
    phone.client.knock(rendezvous, replyRoute, frame(7, 96));
    await until(() => desktop.events.length === 1, 'knocked');
    // The reply route itself stays on the phone: the desktop learns its wire id, which is enough to answer.
    const replyId = routeKey(replyRoute).wireId;
    expect(desktop.events[0]).toEqual({
      type: 'knocked',
      rendezvous,
      replyRoute: replyId,
      handshake: frame(7, 96),
    });
    desktop.client.send(replyId, frame(9, 48));
    await until(() => phone.events.length === 1, 'message 2');
    expect(phone.events[0]).toEqual({ type: 'deliver', route: replyRoute, frame: frame(9, 48) });
    phone.client.knock(rendezvous, replyRoute, frame(8, 96));
    await until(() => phone.events.length === 2, 'unknown_rendezvous');
    expect(phone.events[1]).toMatchObject({ code: RelayErrorCode.unknownRendezvous, id: rendezvous });
    expect(running.stats().rendezvous).toBe(0);
  });

  it('refuses to open an id that is open already', async () => {
    const { relay: running } = await relay();
    const [a, b] = await Promise.all([client(running), client(running)]);
    const rendezvous = randomId();
    a.client.open(rendezvous, 60);
    await until(() => running.stats().rendezvous === 1, 'open');
    b.client.open(rendezvous, 60);
    a.client.open(rendezvous, 60);
    await until(() => a.events.length === 1 && b.events.length === 1, 'rendezvous_taken');
    expect(errorCodes([...a.events, ...b.events])).toEqual([6, 6]);
  });

  it('lets only the owner withdraw a rendezvous with CLOSE', async () => {
    const { relay: running } = await relay();
    const [owner, other] = await Promise.all([client(running), client(running)]);
    const rendezvous = randomId();
    owner.client.open(rendezvous, 60);
    await until(() => running.stats().rendezvous === 1, 'open');
    other.client.close(rendezvous);
    await settle(running, other);
    expect(running.stats().rendezvous).toBe(1);
    owner.client.close(rendezvous);
    await until(() => running.stats().rendezvous === 0, 'withdrawn');
    other.client.knock(rendezvous, randomId(), frame(1));
    await until(() => errorCodes(other.events).includes(RelayErrorCode.unknownRendezvous), 'unknown');
  });

  it('expires a rendezvous after its ttl', async () => {
    let clock = 5_000_000;
    const { relay: running } = await relay({ now: () => clock });
    const [desktop, phone] = await Promise.all([client(running), client(running)]);
    const rendezvous = randomId();
    desktop.client.open(rendezvous, 10);
    await until(() => running.stats().rendezvous === 1, 'open');
    clock += 10_000;
    phone.client.knock(rendezvous, randomId(), frame(1));
    await until(() => phone.events.length === 1, 'unknown_rendezvous');
    expect(errorCodes(phone.events)).toEqual([RelayErrorCode.unknownRendezvous]);
    expect(ofType(desktop.events, 'knocked')).toEqual([]);
  });

  it('rate-limits KNOCKs per remote address, per minute', async () => {
    let clock = 0;
    const { relay: running } = await relay({ now: () => clock });
    const [desktop, phone] = await Promise.all([client(running), client(running)]);
    for (let i = 0; i < 21; i += 1) phone.client.knock(randomId(), randomId(), frame(1));
    await until(() => phone.events.length === 21, 'answers');
    expect(errorCodes(phone.events)).toEqual([...Array<number>(20).fill(2), 3]);
    const rendezvous = randomId();
    desktop.client.open(rendezvous, 600);
    desktop.client.knock(rendezvous, randomId(), frame(1));
    await until(() => desktop.events.length === 1, 'limited on every socket of the address');
    expect(errorCodes(desktop.events)).toEqual([RelayErrorCode.rateLimited]);
    clock += 60_000;
    phone.client.knock(rendezvous, randomId(), frame(2));
    await until(() => ofType(desktop.events, 'knocked').length === 1, 'knock after the window');
  });

  it('rate-limits KNOCKs per rendezvous', async () => {
    const { relay: running } = await relay({ limits: { knocksPerAddress: 1000 } });
    const phone = await client(running);
    const rendezvous = randomId();
    for (let i = 0; i < 6; i += 1) phone.client.knock(rendezvous, randomId(), frame(1));
    phone.client.knock(randomId(), randomId(), frame(1));
    await until(() => phone.events.length === 7, 'answers');
    expect(errorCodes(phone.events)).toEqual([2, 2, 2, 2, 2, 3, 2]);
  });
});

describe('relay robustness', () => {
  it('answers malformed messages with ERROR 1 and closes a socket after 50 of them', async () => {
    const { relay: running } = await relay();
    const raw = await rawSocket(running.wsUrl);
    raw.socket.send(new Uint8Array([0x42]));
    raw.socket.send('hello');
    const badOpen = new Uint8Array(18);
    badOpen[0] = 0x02;
    badOpen.fill(5, 1, 17);
    raw.socket.send(badOpen);
    await until(() => raw.received.length === 4, 'errors');
    const errors = raw.received.slice(1);
    expect(errors.map((message) => message.op === 'error' && message.code)).toEqual([1, 1, 1]);
    expect(errors[2]).toMatchObject({ id: new Uint8Array(16).fill(5) });
    for (let i = 0; i < 47; i += 1) raw.socket.send(new Uint8Array([0xff]));
    await until(() => raw.closed() !== null, 'close');
    expect(raw.closed()).toBe(1008);
    await until(() => running.stats().sockets === 0, 'cleanup');
  });

  it('closes a socket that sends a message over the size limit, and accepts one at the limit', async () => {
    const { relay: running, logs } = await relay();
    const [a, b] = await Promise.all([client(running), client(running)]);
    const route = randomId();
    b.client.listen(route);
    await until(() => running.stats().routes === 1, 'listen');
    a.client.send(route, frame(9, RELAY_MAX_BODY_BYTES));
    await until(() => b.events.length === 1, 'largest frame');
    const raw = await rawSocket(running.wsUrl);
    const tooLarge = new Uint8Array(1 + 16 + RELAY_MAX_BODY_BYTES + 1);
    tooLarge[0] = 0x04;
    raw.socket.send(tooLarge);
    await until(() => raw.closed() !== null, 'close');
    expect(raw.closed()).toBe(1009);
    expect(logs.entries).toContainEqual(expect.objectContaining({ message: 'relay socket error' }));
    a.client.send(route, frame(3));
    await until(() => b.events.length === 2, 'still serving');
  });

  it('drops a closed socket’s listens and rendezvous', async () => {
    const { relay: running } = await relay();
    const [desktop, phone] = await Promise.all([client(running), client(running)]);
    const route = randomId();
    const rendezvous = randomId();
    desktop.client.listen(route);
    desktop.client.open(rendezvous, 600);
    await until(() => running.stats().rendezvous === 1 && running.stats().routes === 1, 'state');
    await desktop.client.disconnect();
    expect(desktop.events).toEqual([{ type: 'closed' }]);
    await until(() => running.stats().sockets === 1, 'detach');
    expect(running.stats()).toMatchObject({ routes: 0, rendezvous: 0 });
    phone.client.send(route, frame(1));
    phone.client.knock(rendezvous, randomId(), frame(1));
    await until(() => phone.events.length === 1, 'unknown');
    expect(errorCodes(phone.events)).toEqual([RelayErrorCode.unknownRendezvous]);
    expect(running.stats().queuedFrames).toBe(1);
  });

  it('drops a listener that stops reading instead of buffering for it without end', async () => {
    const { relay: running, logs } = await relay({ limits: { socketBufferBytes: 1024 * 1024 } });
    const route = randomId();
    const stalled = new NodeWebSocket(running.wsUrl, [RELAY_PROTOCOL]);
    const [challenge] = (await once(stalled, 'message')) as [Buffer];
    stalled.send(encodeClientMessage(provenListen(route, challenge.subarray(1))));
    await until(() => running.stats().routes === 1, 'listen');
    stalled.pause();
    const sender = await client(running);
    for (let i = 0; i < 512; i += 1) sender.client.send(route, frame(i, RELAY_MAX_BODY_BYTES));
    await until(() => running.stats().sockets === 1, 'the stalled socket dropped', 20_000);
    expect(logs.entries).toContainEqual(
      expect.objectContaining({ message: 'relay dropped a connection that stopped reading' }),
    );
    stalled.terminate();
  });

  it('bounds the routes and rendezvous one socket may hold', async () => {
    const { relay: running } = await relay({ limits: { routesPerSocket: 2, rendezvousPerSocket: 1 } });
    const a = await client(running);
    const route = randomId();
    a.client.listen(route);
    a.client.listen(route);
    a.client.listen(randomId());
    a.client.listen(randomId());
    a.client.open(randomId(), 60);
    a.client.open(randomId(), 60);
    await until(() => a.events.length === 2, 'refusals');
    expect(errorCodes(a.events)).toEqual([RelayErrorCode.rateLimited, RelayErrorCode.rateLimited]);
    expect(running.stats()).toMatchObject({ routes: 2, rendezvous: 1 });
  });

  it('logs connection counts and error codes, never ids, bodies or sizes', async () => {
    const { relay: running, logs } = await relay();
    const [desktop, phone] = await Promise.all([client(running), client(running)]);
    const rendezvous = randomId();
    const route = randomId();
    desktop.client.open(rendezvous, 60);
    desktop.client.open(rendezvous, 60);
    desktop.client.listen(route);
    await until(() => desktop.events.length === 1, 'taken');
    phone.client.knock(rendezvous, route, frame(0xab, 96));
    phone.client.knock(rendezvous, route, frame(0xab, 96));
    phone.client.send(route, frame(0xcd, 1234));
    await until(() => desktop.events.length === 3 && phone.events.length === 1, 'traffic');
    await phone.client.disconnect();
    await until(() => logs.entries.filter((entry) => entry.message.includes('closed')).length === 1, 'log');

    const allowedFields = new Set(['sockets', 'code']);
    for (const entry of logs.entries) {
      for (const field of Object.keys(entry.fields)) expect(allowedFields).toContain(field);
    }
    const text = JSON.stringify(logs.entries);
    for (const id of [rendezvous, route]) {
      expect(text).not.toContain(Buffer.from(id).toString('hex'));
      expect(text).not.toContain(Buffer.from(id).toString('base64'));
    }
    expect(text).not.toMatch(/1234|96|abab|cdcd/);
    expect(logs.entries.map((entry) => entry.fields.code).filter(Boolean)).toEqual([
      'rendezvous_taken',
      'unknown_rendezvous',
    ]);
  });
});
