import { describe, expect, it } from 'vitest';
import {
  decodeServerMessage,
  encodeClientMessage,
  type RelayClientMessage,
} from '../../../shared/pairing/relayWire';
import { queuedCost } from './frameQueue';
import { DEFAULT_RELAY_LIMITS, RelayCore } from './relayCore';
import { captureLog, challengeOf, provenListen } from '../../../../test/pairing/relayTestKit';

function setup(limits = DEFAULT_RELAY_LIMITS) {
  let clock = 0;
  const core = new RelayCore(limits, captureLog().log, () => clock);
  const connect = (address = '10.0.0.2', ownHost = false) => {
    const received: ReturnType<typeof decodeServerMessage>[] = [];
    const closes: number[] = [];
    const peer = core.attach({
      address,
      ownHost,
      send: (message) => received.push(decodeServerMessage(message)),
      close: (code) => closes.push(code),
    });
    const nonce = challengeOf(received.splice(0));
    const send = (message: RelayClientMessage) => peer.receive(encodeClientMessage(message));
    const listen = (route: Uint8Array) => send(provenListen(route, nonce));
    return { peer, received, closes, send, listen, nonce };
  };
  return { core, connect, advance: (ms: number) => (clock += ms) };
}

const id = (value: number) => new Uint8Array(16).fill(value);
/** What the relay charges for queueing a frame of `size` bytes: its DELIVER message and the overhead. */
const charged = (size: number) => queuedCost(new Uint8Array(1 + 16 + size));

describe('RelayCore', () => {
  it('sweeps expired rendezvous and queued frames', () => {
    const { core, connect, advance } = setup();
    const desktop = connect();
    desktop.send({ op: 'open', rendezvous: id(1), ttlSeconds: 60 });
    desktop.send({ op: 'send', route: id(2), frame: new Uint8Array(10) });
    expect(core.stats()).toEqual({
      sockets: 1,
      routes: 0,
      rendezvous: 1,
      queuedFrames: 1,
      queuedBytes: charged(10),
      handled: 2,
    });
    advance(60_000);
    core.sweep();
    expect(core.stats()).toMatchObject({ rendezvous: 0, queuedFrames: 1 });
    advance(9 * 60_000);
    core.sweep();
    expect(core.stats()).toMatchObject({ queuedFrames: 0, queuedBytes: 0 });
  });

  it('lets a socket open new rendezvous once its expired ones are gone', () => {
    const { core, connect, advance } = setup({ ...DEFAULT_RELAY_LIMITS, rendezvousPerSocket: 1 });
    const desktop = connect();
    desktop.send({ op: 'open', rendezvous: id(1), ttlSeconds: 1 });
    advance(1000);
    core.sweep();
    desktop.send({ op: 'open', rendezvous: id(2), ttlSeconds: 1 });
    expect(desktop.received).toEqual([]);
    expect(core.stats().rendezvous).toBe(1);
  });

  it('forgets a detached socket once, and sends nothing to it afterwards', () => {
    const { core, connect } = setup();
    const a = connect();
    const b = connect();
    a.listen(id(3));
    a.send({ op: 'open', rendezvous: id(4), ttlSeconds: 60 });
    a.peer.detach();
    a.peer.detach();
    b.send({ op: 'send', route: provenListen(id(3), a.nonce).route, frame: new Uint8Array(1) });
    expect(a.received).toEqual([]);
    expect(core.stats()).toEqual({
      sockets: 1,
      routes: 0,
      rendezvous: 0,
      queuedFrames: 1,
      queuedBytes: charged(1),
      handled: 3,
    });
  });

  it('opens every socket with its own challenge and refuses a LISTEN proved to another', () => {
    const { core, connect } = setup({ ...DEFAULT_RELAY_LIMITS, malformedPerSocket: 2 });
    const [owner, thief] = [connect(), connect()];
    expect(owner.nonce).not.toEqual(thief.nonce);
    // What an eavesdropper could copy off the LAN: the owner's whole LISTEN, proof included.
    const copied = provenListen(id(5), owner.nonce);
    thief.send(copied);
    thief.send(copied);
    expect(thief.received.map((message) => message.op === 'error' && message.code)).toEqual([7, 7]);
    expect(thief.closes).toEqual([1008]);
    expect(core.stats().routes).toBe(0);
    owner.send(copied);
    expect(core.stats().routes).toBe(1);
  });

  it('bounds the LISTENs one address sends a minute, but not the relay host’s own', () => {
    const { core, connect, advance } = setup({ ...DEFAULT_RELAY_LIMITS, listensPerAddressPerMinute: 2 });
    const [first, second, desktop] = [connect('10.0.0.5'), connect('10.0.0.5'), connect('10.0.0.1', true)];
    first.listen(id(1));
    first.listen(id(1));
    first.listen(id(2));
    second.listen(id(3));
    for (let route = 10; route < 15; route += 1) desktop.listen(id(route));
    expect(second.received).toEqual([expect.objectContaining({ op: 'error', code: 3 })]);
    expect(core.stats().routes).toBe(7);
    advance(60_000);
    second.listen(id(3));
    expect(core.stats().routes).toBe(8);
  });

  it('counts text messages as malformed', () => {
    const { connect } = setup({ ...DEFAULT_RELAY_LIMITS, malformedPerSocket: 2 });
    const a = connect();
    a.peer.refuse('text');
    a.peer.receive(new Uint8Array([1]));
    expect(a.received.map((message) => message.op === 'error' && message.code)).toEqual([1, 1]);
    expect(a.closes).toEqual([1008]);
  });

  it('holds a thousand paired sessions', () => {
    const { core, connect } = setup();
    // The desktop's own link: it listens on every session's route.
    const desktop = connect('10.0.0.1', true);
    for (let session = 0; session < 1000; session += 1) {
      const route = new Uint8Array(16);
      new DataView(route.buffer).setUint32(0, session);
      const phone = connect(`10.0.${session >> 8}.${session & 255}`);
      phone.listen(route);
      route[15] = 1;
      desktop.listen(route);
      route[15] = 2;
      desktop.send({ op: 'open', rendezvous: route, ttlSeconds: 7 * 24 * 3600 });
    }
    expect(core.stats()).toMatchObject({ sockets: 1001, routes: 2000, rendezvous: 1000 });
    expect(desktop.received).toEqual([]);
  });

  it('closes idle sockets on sweep, but not one that holds something or the relay host’s own', () => {
    const { core, connect, advance } = setup({ ...DEFAULT_RELAY_LIMITS, idleSocketMs: 1000 });
    const [idle, listening, opened, desktop] = [connect(), connect(), connect(), connect('10.0.0.1', true)];
    listening.listen(id(1));
    opened.send({ op: 'open', rendezvous: id(2), ttlSeconds: 60 });
    advance(999);
    core.sweep();
    expect(idle.closes).toEqual([]);
    advance(1);
    core.sweep();
    expect([idle, listening, opened, desktop].map((peer) => peer.closes)).toEqual([[1001], [], [], []]);
    idle.listen(id(3));
    expect(core.stats().routes).toBe(1);
  });

  it('admits a set number of sockets per address, counting those that leave', () => {
    const { core, connect } = setup({ ...DEFAULT_RELAY_LIMITS, socketsPerAddress: 2 });
    const first = connect('10.0.0.7');
    connect('10.0.0.7');
    expect([core.admits('10.0.0.7'), core.admits('10.0.0.8')]).toEqual([false, true]);
    first.peer.detach();
    expect(core.admits('10.0.0.7')).toBe(true);
  });
});
