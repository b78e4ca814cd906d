import { Interface } from 'ethers/abi';
import { getAddress } from 'ethers/address';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addressCall,
  allowanceCall,
  type Call3,
  chunkCalls,
  decodeAggregate3,
  decodeWord,
  encodeAggregate3,
  SELECTOR,
} from './multicall';

// ethers' generic ABI coder is the reference the hand-written coder is held to.
const reference = new Interface([
  'function aggregate3((address target, bool allowFailure, bytes callData)[] calls) payable returns ((bool success, bytes returnData)[] returnData)',
  'function balanceOf(address) view returns (uint256)',
  'function getEthBalance(address) view returns (uint256)',
  'function allowance(address, address) view returns (uint256)',
]);

const hex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}`;
const address = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((bytes) => getAddress(hex(bytes)));
const call: fc.Arbitrary<Call3> = fc.record({
  target: address,
  callData: fc.uint8Array({ maxLength: 100 }).map(hex),
});
const result = fc.tuple(fc.boolean(), fc.uint8Array({ maxLength: 100 }).map(hex));

describe('encodeAggregate3', () => {
  it('encodes exactly what ethers encodes, with allowFailure set on every call', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 20 }), (calls) => {
        const expected = reference.encodeFunctionData('aggregate3', [
          calls.map((c) => ({ ...c, allowFailure: true })),
        ]);
        return encodeAggregate3(calls) === expected;
      }),
    );
  });

  it('builds address calls as ethers does', () => {
    const owner = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    expect(addressCall(SELECTOR.balanceOf, owner)).toBe(reference.encodeFunctionData('balanceOf', [owner]));
    expect(addressCall(SELECTOR.getEthBalance, owner)).toBe(
      reference.encodeFunctionData('getEthBalance', [owner]),
    );
  });

  it('builds allowance calls as ethers does', () => {
    const owner = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266';
    const spender = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8';
    expect(allowanceCall(owner, spender)).toBe(reference.encodeFunctionData('allowance', [owner, spender]));
  });
});

describe('chunkCalls', () => {
  it('keeps every call, in order, in chunks whose calldata fits the limit', () => {
    fc.assert(
      fc.property(fc.array(call, { maxLength: 60 }), fc.integer({ min: 300, max: 5_000 }), (calls, limit) => {
        const chunks = chunkCalls(calls, limit);
        expect(chunks.flat()).toEqual(calls);
        for (const chunk of chunks) {
          const bytes = (encodeAggregate3(chunk).length - 2) / 2;
          // Only a call that alone passes the limit may make a chunk larger than it.
          expect(bytes <= limit || chunk.length === 1).toBe(true);
          expect(chunk.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('makes one chunk when everything fits', () => {
    const calls = Array.from({ length: 310 }, () => ({
      target: `0x${'11'.repeat(20)}`,
      callData: addressCall(SELECTOR.balanceOf, `0x${'22'.repeat(20)}`),
    }));
    expect(chunkCalls(calls, 128 * 1024)).toHaveLength(1);
    expect(chunkCalls(calls, 10_000).length).toBeGreaterThan(1);
  });
});

describe('decodeAggregate3', () => {
  it('decodes what ethers encodes', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 20 }), (results) => {
        const data = reference.encodeFunctionResult('aggregate3', [results]);
        expect(decodeAggregate3(data, results.length)).toEqual(
          results.map(([success, returnData]) => (success ? { ok: true, returnData } : { ok: false })),
        );
      }),
    );
  });

  it('refuses an answer for another number of calls', () => {
    const data = reference.encodeFunctionResult('aggregate3', [[[true, '0x']]]);
    expect(() => decodeAggregate3(data, 2)).toThrow(/1 results for 2 calls/);
  });

  it.each([
    ['empty data', '0x', /past the end/],
    ['a partial word', '0x00', /whole number of words/],
    ['a huge offset', `0x${'ff'.repeat(32)}`, /not a small number/],
    ['an offset past the end', `0x${'0'.repeat(62)}40`, /past the end/],
  ])('refuses %s', (_, data, message) => {
    expect(() => decodeAggregate3(data, 1)).toThrow(message);
  });

  it('refuses a success flag that is not a boolean, and a result that runs past the end', () => {
    const data = reference.encodeFunctionResult('aggregate3', [[[true, '0x1234']]]).slice(2);
    const words = data.match(/.{64}/g) as string[];
    // Words: array offset, length, head offset, success, bytes offset, bytes length, data.
    const patched = (index: number, value: string) =>
      `0x${words.map((w, i) => (i === index ? value.padStart(64, '0') : w)).join('')}`;
    expect(() => decodeAggregate3(patched(3, '2'), 1)).toThrow(/success flag of 2/);
    expect(() => decodeAggregate3(patched(5, '21'), 1)).toThrow(/runs past the end/);
  });

  it('never reads past its input: any data decodes to `count` results or throws', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 5 }), fc.nat(), fc.nat({ max: 255 }), (results, at, byte) => {
        const data = reference.encodeFunctionResult('aggregate3', [results]).slice(2);
        const position = (at % (data.length / 2)) * 2;
        const mutated = `0x${data.slice(0, position)}${byte.toString(16).padStart(2, '0')}${data.slice(position + 2)}`;
        try {
          return decodeAggregate3(mutated, results.length).length === results.length;
        } catch (error) {
          return error instanceof Error;
        }
      }),
    );
  });
});

describe('decodeWord', () => {
  it('reads exactly one word, and nothing else, as a number', () => {
    expect(decodeWord({ ok: true, returnData: `0x${'00'.repeat(31)}2a` })).toBe(42n);
    expect(decodeWord({ ok: true, returnData: `0x${'ff'.repeat(32)}` })).toBe(2n ** 256n - 1n);
    expect(decodeWord({ ok: true, returnData: '0x2a' })).toBeNull();
    expect(decodeWord({ ok: true, returnData: `0x${'00'.repeat(64)}` })).toBeNull();
    expect(decodeWord({ ok: false })).toBeNull();
  });
});
