import { describe, expect, it } from 'vitest';
import { BridgeTally } from './bridgeTally';

describe('BridgeTally', () => {
  it("counts the page's calls by channel and the host's pushes by event name, answers as `result`", () => {
    const tally = new BridgeTally();
    tally.sent(JSON.stringify({ id: 1, channel: 'portfolio.get' }));
    tally.sent(Buffer.from(JSON.stringify({ id: 2, channel: 'portfolio.get', payload: {} })));
    tally.sent(JSON.stringify({ id: 3, channel: 'history.page', payload: { limit: 50 } }));
    tally.received(JSON.stringify({ kind: 'result', id: 1, result: { ok: true, data: null } }));
    tally.received(JSON.stringify({ kind: 'event', name: 'chains.status', payload: [] }));
    tally.received(JSON.stringify({ kind: 'event', name: 'chains.status', payload: [] }));
    expect(tally.counts()).toEqual({
      calls: { 'history.page': 1, 'portfolio.get': 2 },
      pushes: { 'chains.status': 2, result: 1 },
    });
  });

  it('counts what it cannot read under one name instead of failing, and cuts long names', () => {
    const tally = new BridgeTally();
    tally.sent('not json');
    tally.sent('null');
    tally.sent(JSON.stringify({ id: 1, channel: 42 }));
    tally.received('[1, 2]');
    tally.received(JSON.stringify({ kind: 'event', name: 'x'.repeat(10_000) }));
    const { calls, pushes } = tally.counts();
    expect(calls).toEqual({ '(unreadable frame)': 3 });
    expect(pushes['(unreadable frame)']).toBe(1);
    expect(Object.keys(pushes).map((name) => name.length)).toContain(100);
  });

  it('starts empty', () => {
    expect(new BridgeTally().counts()).toEqual({ calls: {}, pushes: {} });
  });
});
