import { describe, expect, it } from 'vitest';
import { batchTooLarge, wrappedBatchRefusal } from './batchRefusal';

const GETH = { jsonrpc: '2.0', id: 7, error: { code: -32600, message: 'batch too large' } };
const ERIGON = {
  jsonrpc: '2.0',
  id: 7,
  error: {
    code: -32600,
    message: 'batch limit 100 exceeded (can increase by --rpc.batch.limit). Requested batch of size: 150',
  },
};

describe('batchTooLarge', () => {
  it.each([
    ['geth', -32600, 'batch too large', null],
    ['Erigon', -32600, ERIGON.error.message, 100],
    ['Alchemy', -32600, 'batch size too large, max 3', 3],
    ['another code', -32000, 'Batch size limit exceeded, max 10', 10],
  ])('reads a refusal (%s), with the limit it states', (_, code, message, stated) => {
    expect(batchTooLarge({ code, message })).toEqual({ stated });
  });

  it.each([
    [-32600, 'invalid request'],
    [-32000, 'batch processing failed'],
    [-32005, 'rate limit exceeded'],
  ])('is not fooled by %i "%s"', (code, message) => {
    expect(batchTooLarge({ code, message })).toBeNull();
  });
});

describe('wrappedBatchRefusal', () => {
  it('reads geth’s and Erigon’s one-element array, carrying the first call’s id or none', () => {
    expect(wrappedBatchRefusal([GETH], [7, 8, 9])).toEqual(GETH.error);
    expect(wrappedBatchRefusal([ERIGON], [7, 8])).toEqual(ERIGON.error);
    expect(wrappedBatchRefusal([{ ...GETH, id: null }], [7, 8])).toEqual(GETH.error);
  });

  it.each<[string, unknown[], number[]]>([
    ['a batch of one call, whose error is its own', [GETH], [7]],
    ['an array of two', [GETH, GETH], [7, 8, 9]],
    ['the id of another call', [GETH], [6, 7, 8]],
    ['another code', [{ ...GETH, error: { code: -32000, message: 'batch too large' } }], [7, 8]],
    [
      'a message about something else',
      [{ ...GETH, error: { code: -32600, message: 'invalid request' } }],
      [7, 8],
    ],
    ['a result beside the error', [{ ...GETH, result: '0x1' }], [7, 8]],
    ['a result alone', [{ jsonrpc: '2.0', id: 7, result: '0x1' }], [7, 8]],
    ['no JSON-RPC version', [{ id: 7, error: GETH.error }], [7, 8]],
    ['not an object', ['batch too large'], [7, 8]],
  ])('leaves %s alone', (_, body, ids) => {
    expect(wrappedBatchRefusal(body, ids)).toBeNull();
  });
});
