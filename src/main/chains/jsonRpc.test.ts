import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MalformedResponse, parseAnswers, rpc } from './jsonRpc';

const ok = (id: unknown, result: unknown) => ({ jsonrpc: '2.0', id, result });
const failed = (id: unknown, code = -32000, message = 'nope') => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
});

describe('parseAnswers', () => {
  it('pairs a batch answered in any order with the ids sent', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(), { minLength: 1, maxLength: 20 }), fc.nat(), (ids, seed) => {
        const answers = ids.map((id) => ok(id, `r${id}`));
        const shuffled = answers
          .map((a, i) => [((i + 1) * (seed + 7)) % 1009, a] as const)
          .sort(([a], [b]) => a - b);
        const parsed = parseAnswers(
          shuffled.map(([, a]) => a),
          ids,
          true,
        );
        return parsed.every((p, i) => p.ok && p.result === `r${ids[i]}`);
      }),
    );
  });

  it('keeps a null result and a per-call error apart', () => {
    expect(parseAnswers([ok(1, null), failed(2, 3, 'execution reverted')], [1, 2], true)).toEqual([
      { ok: true, result: null },
      { ok: false, error: { code: 3, message: 'execution reverted' } },
    ]);
  });

  it('accepts "error": null beside a result', () => {
    expect(parseAnswers({ ...ok(5, '0x1'), error: null }, [5], false)).toEqual([{ ok: true, result: '0x1' }]);
  });

  it('lets one error object answer a whole batch (a node refusing it)', () => {
    expect(parseAnswers(failed(null, -32005, 'limit'), [1, 2], true)).toEqual([
      { ok: false, error: { code: -32005, message: 'limit' } },
      { ok: false, error: { code: -32005, message: 'limit' } },
    ]);
  });

  it.each([
    [
      'a batch answered by one result',
      ok(1, '0x1'),
      [1, 2],
      true,
      /a batch was answered with a single result/,
    ],
    ['a call answered for another id', ok(9, '0x1'), [1], false, /another id/],
    ['a call answered with a batch', [ok(1, '0x1')], [1], false, /answered with a batch/],
    ['too few answers', [ok(1, '0x1')], [1, 2], true, /2 calls were answered with 1 responses/],
    ['an id answered twice', [ok(1, 'a'), ok(1, 'b')], [1, 2], true, /id 1 was answered twice/],
    ['an id not asked about', [ok(1, 'a'), ok(3, 'b')], [1, 2], true, /call 2 was not answered/],
    [
      'both result and error',
      [{ ...ok(1, 'a'), error: { code: 1, message: 'x' } }],
      [1],
      true,
      /exactly one/,
    ],
    ['neither result nor error', { jsonrpc: '2.0', id: 1 }, [1], false, /exactly one/],
    ['another protocol', { jsonrpc: '1.0', id: 1, result: 'a' }, [1], false, /not a JSON-RPC 2.0 object/],
    ['null', null, [1], false, /not a JSON-RPC 2.0 object/],
  ])('refuses %s', (_, body, ids, batched, message) => {
    expect(() => parseAnswers(body, ids, batched)).toThrow(MalformedResponse);
    expect(() => parseAnswers(body, ids, batched)).toThrow(message);
  });

  it('never fails on any JSON with anything but MalformedResponse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (body, batched) => {
        try {
          parseAnswers(body, batched ? [1, 2] : [1], batched);
          return true;
        } catch (error) {
          return error instanceof MalformedResponse;
        }
      }),
    );
  });
});

describe('rpc requests', () => {
  it('check their results', () => {
    expect(rpc.blockNumber().result.parse('0x1b4')).toBe(436n);
    expect(rpc.blockNumber().result.safeParse('0x').success).toBe(false);
    expect(rpc.blockNumber().result.safeParse(436).success).toBe(false);
    expect(rpc.call('0x01', '0x', 'latest').result.safeParse('0xabc').success).toBe(false);
    expect(rpc.call('0x01', '0x', 'latest').result.parse('0x')).toBe('0x');
  });

  it('name blocks as quantities', () => {
    expect(rpc.call('0x01', '0x12', 255n).params).toEqual([{ to: '0x01', data: '0x12' }, '0xff']);
    expect(rpc.getCode('0x01', 'latest').params).toEqual(['0x01', 'latest']);
  });
});
