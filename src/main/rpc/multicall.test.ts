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
  MalformedAggregate3,
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

/** Why the decoder refused `data`: it must refuse with its own error, never crash on the way. */
function refusalOf(data: string, count: number): string {
  try {
    decodeAggregate3(data, count);
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedAggregate3);
    return (error as MalformedAggregate3).message;
  }
  throw new Error(`the decoder accepted ${data}`);
}

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
    expect(refusalOf(data, 2)).toMatch(/1 results for 2 calls/);
  });

  it.each([
    ['empty data', '0x', /past the end/],
    ['a partial word', '0x00', /whole number of words/],
    ['a huge offset', `0x${'ff'.repeat(32)}`, /not a small number/],
    ['an offset past the end', `0x${'0'.repeat(62)}40`, /past the end/],
  ])('refuses %s', (_, data, message) => {
    expect(refusalOf(data, 1)).toMatch(message);
  });

  it('refuses a success flag that is not a boolean, and a result that runs past the end', () => {
    const data = reference.encodeFunctionResult('aggregate3', [[[true, '0x1234']]]).slice(2);
    const words = data.match(/.{64}/g) as string[];
    // Words: array offset, length, head offset, success, bytes offset, bytes length, data.
    const patched = (index: number, value: string) =>
      `0x${words.map((w, i) => (i === index ? value.padStart(64, '0') : w)).join('')}`;
    expect(refusalOf(patched(3, '2'), 1)).toMatch(/success flag of 2/);
    expect(refusalOf(patched(5, '21'), 1)).toMatch(/runs past the end/);
  });

  it('never reads past its input: any data decodes to `count` results or is refused as malformed', () => {
    const cut = fc.option(fc.nat(), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(result, { maxLength: 5 }),
        fc.nat(),
        fc.nat({ max: 255 }),
        cut,
        (results, at, byte, keep) => {
          const data = reference.encodeFunctionResult('aggregate3', [results]).slice(2);
          const position = (at % (data.length / 2)) * 2;
          const mutated = `${data.slice(0, position)}${byte.toString(16).padStart(2, '0')}${data.slice(position + 2)}`;
          // Sometimes cut short too, by whole words (a partial word is refused first), so that offsets and
          // lengths point past a nearer end.
          const words = mutated.length / 64;
          const input = `0x${keep === undefined ? mutated : mutated.slice(0, (keep % (words + 1)) * 64)}`;
          try {
            return decodeAggregate3(input, results.length).length === results.length;
          } catch (error) {
            return error instanceof MalformedAggregate3;
          }
        },
      ),
      { numRuns: 2_000 },
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
