import { describe, expect, it } from 'vitest';
import {
  decodeServerMessage,
  encodeClientMessage,
  type RelayClientMessage,
} from '../../../shared/pairing/relayWire';
import { DEFAULT_RELAY_LIMITS, RelayCore } from './relayCore';
import { captureLog } from '../../../../test/pairing/relayTestKit';

function setup(limits = DEFAULT_RELAY_LIMITS) {
  let clock = 0;
  const core = new RelayCore(limits, captureLog().log, () => clock);
  const connect = (address = '10.0.0.2') => {
    const received: ReturnType<typeof decodeServerMessage>[] = [];
    const closes: number[] = [];
    const peer = core.attach({
      address,
      send: (message) => received.push(decodeServerMessage(message)),
      close: (code) => closes.push(code),
    });
    const send = (message: RelayClientMessage) => peer.receive(encodeClientMessage(message));
    return { peer, received, closes, send };
  };
  return { core, connect, advance: (ms: number) => (clock += ms) };
}

const id = (value: number) => new Uint8Array(16).fill(value);

describe('RelayCore', () => {
  it('sweeps expired rendezvous and queued frames', () => {
    const { core, connect, advance } = setup();
    const desktop = connect();
    desktop.send({ op: 'open', rendezvous: id(1), ttlSeconds: 60 });
    desktop.send({ op: 'send', route: id(2), frame: new Uint8Array(10) });
    expect(core.stats()).toEqual({ sockets: 1, routes: 0, rendezvous: 1, queuedFrames: 1, queuedBytes: 10 });
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
    a.send({ op: 'listen', route: id(3) });
    a.send({ op: 'open', rendezvous: id(4), ttlSeconds: 60 });
    a.peer.detach();
    a.peer.detach();
    b.send({ op: 'send', route: id(3), frame: new Uint8Array(1) });
    expect(a.received).toEqual([]);
    expect(core.stats()).toEqual({ sockets: 1, routes: 0, rendezvous: 0, queuedFrames: 1, queuedBytes: 1 });
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
    const desktop = connect();
    for (let session = 0; session < 1000; session += 1) {
      const route = new Uint8Array(16);
      new DataView(route.buffer).setUint32(0, session);
      const phone = connect(`10.0.${session >> 8}.${session & 255}`);
      phone.send({ op: 'listen', route });
      route[15] = 1;
      desktop.send({ op: 'listen', route });
      route[15] = 2;
      desktop.send({ op: 'open', rendezvous: route, ttlSeconds: 7 * 24 * 3600 });
    }
    expect(core.stats()).toMatchObject({ sockets: 1001, routes: 2000, rendezvous: 1000 });
    expect(desktop.received).toEqual([]);
  });
});
