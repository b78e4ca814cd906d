import { describe, expect, it } from 'vitest';
import { accountLookup, FIRST, HIDDEN, SITE, thrown } from '../../../test/dapps/signingFixtures';
import { permit2Single } from '../../../test/review/typedData/typedDataFixtures';
import { MAX_TYPED_DATA_CHARS, parseTypedData, typedDataOf } from './typedDataRequest';

const PERMIT = permit2Single();

describe('parseTypedData', () => {
  it('takes the typed data as JSON text or as an object', () => {
    const fromText = parseTypedData([FIRST.address, JSON.stringify(PERMIT)], SITE, accountLookup);
    const fromObject = parseTypedData([FIRST.address, PERMIT], SITE, accountLookup);
    expect(fromText).toEqual({
      type: 'typed-data',
      chainId: 1,
      account: { accountId: 1, address: FIRST.address, label: FIRST.label },
    });
    expect(fromObject).toEqual(fromText);
    expect(typedDataOf([FIRST.address, JSON.stringify(PERMIT)]).typedData).toEqual(PERMIT);
  });

  it('leaves a domain without a chain to the review, which warns of it', () => {
    const { chainId: _chainId, ...domain } = PERMIT.domain;
    const types = {
      ...PERMIT.types,
      EIP712Domain: (PERMIT.types.EIP712Domain ?? []).filter((field) => field.name !== 'chainId'),
    };
    expect(parseTypedData([FIRST.address, { ...PERMIT, domain, types }], SITE, accountLookup).chainId).toBe(
      1,
    );
  });

  it('refuses with -32602 a domain for another chain than the site’s', () => {
    const other = { ...PERMIT, domain: { ...PERMIT.domain, chainId: 137 } };
    expect(thrown(() => parseTypedData([FIRST.address, other], SITE, accountLookup))).toMatchObject({
      code: -32602,
      message: expect.stringContaining('chain 137'),
    });
  });

  it('refuses with 4100 an account the site was not given', () => {
    expect(thrown(() => parseTypedData([HIDDEN.address, PERMIT], SITE, accountLookup))).toMatchObject({
      code: 4100,
    });
  });

  it('refuses with -32602 typed data it cannot read, and oversized payloads', () => {
    const cases: unknown[] = [
      [FIRST.address, '{not json'],
      [FIRST.address, { ...PERMIT, primaryType: 'Missing' }],
      [FIRST.address, { ...PERMIT, message: { ...PERMIT.message, spender: 'nobody' } }],
      [FIRST.address, { ...PERMIT, domain: { ...PERMIT.domain, salt: '0x01' } }],
      [FIRST.address, 'x'.repeat(MAX_TYPED_DATA_CHARS + 1)],
      [FIRST.address, { ...PERMIT, padding: 'x'.repeat(MAX_TYPED_DATA_CHARS) }],
      [JSON.stringify(PERMIT), FIRST.address],
      [FIRST.address],
    ];
    for (const params of cases) {
      expect(
        thrown(() => parseTypedData(params, SITE, accountLookup)),
        JSON.stringify(params).slice(0, 90),
      ).toMatchObject({
        code: -32602,
      });
    }
  });
});
