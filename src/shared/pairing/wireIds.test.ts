import { describe, expect, it } from 'vitest';
import { routeKey } from './relayProof';
import { WireIds } from './wireIds';

const route = (value: number) => new Uint8Array(16).fill(value);

describe('WireIds', () => {
  it('puts wire ids on the wire and maps them back to routes', () => {
    const ids = new WireIds();
    const wireId = ids.toWire(route(1));
    expect(wireId).toEqual(routeKey(route(1)).wireId);
    expect(ids.fromWire(wireId)).toEqual(route(1));
    expect(ids.listened(route(2)).wireId).toEqual(routeKey(route(2)).wireId);
    expect(ids.fromWire(routeKey(route(2)).wireId)).toEqual(route(2));
  });

  it('passes ids it does not know through, and sends to reply ids unchanged', () => {
    const ids = new WireIds();
    expect(ids.fromWire(route(3))).toEqual(route(3));
    ids.learnReply(route(4));
    expect(ids.toWire(route(4))).toEqual(route(4));
  });

  it('stays bounded, but never forgets a route it listens on until unlisten', () => {
    const ids = new WireIds(2);
    const listened = ids.listened(route(1)).wireId;
    for (let value = 10; value < 20; value += 1) ids.toWire(route(value));
    expect(ids.fromWire(listened)).toEqual(route(1));
    expect(ids.fromWire(routeKey(route(10)).wireId)).toEqual(routeKey(route(10)).wireId);
    expect(ids.fromWire(routeKey(route(19)).wireId)).toEqual(route(19));
    expect(ids.unlistened(route(1))).toEqual(listened);
    for (let value = 30; value < 40; value += 1) ids.learnReply(route(value));
    expect(ids.toWire(route(30))).toEqual(routeKey(route(30)).wireId);
    expect(ids.toWire(route(39))).toEqual(route(39));
  });
});
