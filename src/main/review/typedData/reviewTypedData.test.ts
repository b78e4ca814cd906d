import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/envelope';
import { TypedDataReview } from '../../../shared/review';
import {
  context,
  eip2612Permit,
  OWNER,
  permit2Single,
  ROUTER,
  STRANGER,
  USDC,
} from '../../../../test/review/typedData/typedDataFixtures';
import { addressesToCheck, reviewTypedData } from './reviewTypedData';
import type { TypedDataInput } from './typedDataValue';

/** EIP-712's own example: a type the wallet does not decode. */
function mail(
  domain: Record<string, unknown> = { name: 'Ether Mail', version: '1', chainId: 1 },
): TypedDataInput {
  return {
    domain,
    types: {
      Person: [
        { name: 'name', type: 'string' },
        { name: 'wallet', type: 'address' },
      ],
      Mail: [
        { name: 'from', type: 'Person' },
        { name: 'to', type: 'Person' },
        { name: 'contents', type: 'string' },
      ],
    },
    primaryType: 'Mail',
    message: {
      from: { name: 'Cow', wallet: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
      to: { name: 'Bob', wallet: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
      contents: 'Hello, Bob!',
    },
  };
}

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('reviewTypedData', () => {
  it('shows an unknown type as a tree of all its fields, named for its app', () => {
    const result = reviewTypedData(mail(), context());
    expect(result).toMatchObject({
      kind: 'unknown',
      summary: 'Sign Mail for Ether Mail',
      chainId: 1,
      grants: [],
      receives: [],
      delegate: null,
      verifyingContract: null,
      findings: [],
    });
    expect(result.tree).toEqual([
      {
        name: 'from',
        type: 'Person',
        value: [
          { name: 'name', type: 'string', value: 'Cow' },
          { name: 'wallet', type: 'address', value: '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826' },
        ],
      },
      {
        name: 'to',
        type: 'Person',
        value: [
          { name: 'name', type: 'string', value: 'Bob' },
          { name: 'wallet', type: 'address', value: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB' },
        ],
      },
      { name: 'contents', type: 'string', value: 'Hello, Bob!' },
    ]);
  });

  it('names an app without a domain name by its contract, else says it is unnamed', () => {
    expect(reviewTypedData(mail({ verifyingContract: STRANGER, chainId: 1 }), context()).summary).toBe(
      'Sign Mail for 0x3C44…93BC',
    );
    expect(reviewTypedData(mail({ chainId: 1 }), context()).summary).toBe('Sign Mail for an unnamed app');
  });

  it('blocks a request for another chain than the active one, offering the switch', () => {
    const result = reviewTypedData(permit2Single(), context({ activeChainId: 8453 }));
    expect(result.findings[0]).toMatchObject({
      code: 'chain-mismatch',
      severity: 'blocking',
      overridable: false,
      fix: { type: 'switch-chain', chainId: 1 },
    });
    expect(result.findings[0]?.message).toBe(
      'This request is for Ethereum, but the signer is on Base. Switch to Ethereum to sign it.',
    );
  });

  it('warns of a request that names no chain', () => {
    const result = reviewTypedData(mail({ name: 'Ether Mail' }), context());
    expect(result.chainId).toBeNull();
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'missing-chain-id', severity: 'warning' }),
    ]);
  });

  it('refuses malformed requests with an invalid_request that says what is wrong', () => {
    const broken = (change: Partial<TypedDataInput>) =>
      refusal(() => reviewTypedData({ ...mail(), ...change }, context()));
    expect(broken({ primaryType: 'Letter' })).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/primaryType Letter is not one of its types/),
    });
    expect(broken({ primaryType: 'EIP712Domain' }).message).toMatch(/is not one of its types/);
    expect(broken({ message: null as unknown as Record<string, unknown> }).message).toMatch(
      /needs domain, types and message objects/,
    );
    expect(broken({ types: { Mail: 'x' } as unknown as TypedDataInput['types'] }).message).toMatch(
      /list of \{ name, type \} fields/,
    );
    const badSpender = refusal(() => reviewTypedData(eip2612Permit({ spender: '0xnope' }), context()));
    expect(badSpender.message).toMatch(/message\.spender: "0xnope" is not an address/);
  });

  it('lists every spender once for the code check, and nothing for an unknown type', () => {
    expect(addressesToCheck(permit2Single())).toEqual([ROUTER]);
    expect(addressesToCheck(eip2612Permit({ spender: STRANGER }))).toEqual([STRANGER]);
    expect(addressesToCheck(mail())).toEqual([]);
  });

  it('asks hasCode only about the addresses it listed', () => {
    const asked: string[] = [];
    reviewTypedData(permit2Single(), context({ hasCode: (address) => (asked.push(address), true) }));
    expect(asked).toEqual(addressesToCheck(permit2Single()));
  });

  it('answers something the shared schema accepts, or refuses, for any message a page sends', () => {
    const value = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(OWNER, USDC, '0x'),
    );
    const person = fc.record({ name: value, wallet: value });
    const message = fc.record({
      from: fc.oneof(person, value),
      to: fc.oneof(person, value),
      contents: value,
    });
    fc.assert(
      fc.property(message, (fields) => {
        const data = { ...mail(), message: fields as Record<string, unknown> };
        try {
          const review = reviewTypedData(data, context());
          expect(() => TypedDataReview.parse({ ...review, device: null, blocked: false })).not.toThrow();
        } catch (error) {
          expect(error).toBeInstanceOf(ApiError);
          expect((error as ApiError).code).toBe('invalid_request');
        }
      }),
      { numRuns: 300 },
    );
  });
});
