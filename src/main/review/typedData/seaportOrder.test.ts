import { describe, expect, it } from 'vitest';
import {
  BAYC,
  context,
  DAY,
  domainType,
  NOW,
  OWNER,
  SEAPORT,
  STRANGER,
  WETH,
} from '../../../../test/review/typedData/typedDataFixtures';
import type { TypedDataInput } from './typedDataValue';
import { reviewTypedData } from './reviewTypedData';

const ZERO = '0x0000000000000000000000000000000000000000';
const ZERO_HASH = `0x${'0'.repeat(64)}`;
const ITEM = [
  { name: 'itemType', type: 'uint8' },
  { name: 'token', type: 'address' },
  { name: 'identifierOrCriteria', type: 'uint256' },
  { name: 'startAmount', type: 'uint256' },
  { name: 'endAmount', type: 'uint256' },
];

/** An OpenSea-style listing: one ape offered, payments in the consideration. */
function listing(consideration: object[], offer?: object[]): TypedDataInput {
  return {
    domain: { name: 'Seaport', version: '1.6', chainId: 1, verifyingContract: SEAPORT },
    types: {
      EIP712Domain: domainType('name', 'version', 'chainId', 'verifyingContract'),
      OrderComponents: [
        { name: 'offerer', type: 'address' },
        { name: 'zone', type: 'address' },
        { name: 'offer', type: 'OfferItem[]' },
        { name: 'consideration', type: 'ConsiderationItem[]' },
        { name: 'orderType', type: 'uint8' },
        { name: 'startTime', type: 'uint256' },
        { name: 'endTime', type: 'uint256' },
        { name: 'zoneHash', type: 'bytes32' },
        { name: 'salt', type: 'uint256' },
        { name: 'conduitKey', type: 'bytes32' },
        { name: 'counter', type: 'uint256' },
      ],
      OfferItem: ITEM,
      ConsiderationItem: [...ITEM, { name: 'recipient', type: 'address' }],
    },
    primaryType: 'OrderComponents',
    message: {
      offerer: OWNER,
      zone: ZERO,
      offer: offer ?? [
        { itemType: 2, token: BAYC, identifierOrCriteria: '4321', startAmount: '1', endAmount: '1' },
      ],
      consideration,
      orderType: 0,
      startTime: NOW,
      endTime: NOW + 7 * DAY,
      zoneHash: ZERO_HASH,
      salt: '0x6e1e2c4c1a3b',
      conduitKey: ZERO_HASH,
      counter: '0',
    },
  };
}
const pay = (amount: string, recipient: string, itemType = 0, token = ZERO) => ({
  itemType,
  token,
  identifierOrCriteria: '0',
  startAmount: amount,
  endAmount: amount,
  recipient,
});

describe('Seaport OrderComponents', () => {
  it('reads a listing: the ape leaves, ETH comes back, the fee goes to others', () => {
    const result = reviewTypedData(
      listing([pay('9750000000000000000', OWNER), pay('250000000000000000', STRANGER)]),
      context(),
    );
    expect(result.kind).toBe('seaport-order');
    expect(result.summary).toBe('Hand over 1 BAYC #4321 for 9.75 ETH, until 13 Dec 2026');
    expect(result.grants).toEqual([
      {
        token: { address: BAYC, name: null, source: 'none' },
        amount: { value: '1', decimals: 0, symbol: 'BAYC', unlimited: false },
        tokenId: '4321',
        spender: { address: SEAPORT, name: 'Seaport 1.6', source: 'known-contract' },
        expires: NOW + 7 * DAY,
      },
    ]);
    expect(result.receives).toEqual([
      expect.objectContaining({
        token: expect.objectContaining({ name: 'ETH' }),
        amount: expect.objectContaining({ value: '9750000000000000000', decimals: 18 }),
      }),
    ]);
    expect(result.findings).toEqual([
      expect.objectContaining({ code: 'hands-over-assets', severity: 'warning' }),
    ]);
    expect(result.findings[0]?.message).toBe(
      'This order hands over 1 BAYC #4321 to whoever fills it, for 9.75 ETH to you. One payment goes to others.',
    );
  });

  it('blocks, overridably, an order that gives assets away for nothing back to the signer', () => {
    const result = reviewTypedData(listing([pay('1', STRANGER, 1, WETH)]), context());
    expect(result.summary).toBe('Hand over 1 BAYC #4321 and receive nothing back');
    expect(result.receives).toEqual([]);
    expect(result.findings[0]).toMatchObject({
      code: 'hands-over-assets',
      severity: 'blocking',
      overridable: true,
    });
    expect(result.findings[0]?.message).toMatch(
      /^This order hands over 1 BAYC #4321 and you receive nothing in return\. One payment goes to others\./,
    );
  });

  it('reads criteria items as any item of the collection, and auctions at their worst for the signer', () => {
    const offer = [
      { itemType: 4, token: BAYC, identifierOrCriteria: '0', startAmount: '2', endAmount: '2' },
      {
        itemType: 1,
        token: WETH,
        identifierOrCriteria: '0',
        startAmount: '1000000000000000000',
        endAmount: '3000000000000000000',
      },
    ];
    const back = {
      ...pay('5000000000000000000', OWNER),
      startAmount: '5000000000000000000',
      endAmount: '4000000000000000000',
    };
    const result = reviewTypedData(listing([back], offer), context());
    expect(result.summary).toBe('Hand over 2 BAYC (any item) and 3 WETH for 4 ETH, until 13 Dec 2026');
    expect(result.grants.map((grant) => grant.tokenId)).toEqual([null, null]);
  });

  it('is not a Seaport order under another domain name, nor with an item type Seaport lacks', () => {
    const renamed = listing([pay('1', OWNER)]);
    renamed.domain = { ...renamed.domain, name: 'Seaport Clone' };
    expect(reviewTypedData(renamed, context()).kind).toBe('unknown');
    expect(reviewTypedData(listing([pay('1', OWNER, 9)]), context()).kind).toBe('unknown');
  });
});
