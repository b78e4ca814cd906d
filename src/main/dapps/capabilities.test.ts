import { describe, expect, it } from 'vitest';
import { accountLookup, FIRST, HIDDEN, SITE, thrown } from '../../../test/dapps/signingFixtures';
import { capabilities } from './capabilities';

const ONE_BY_ONE = { atomic: { status: 'unsupported' } };

describe('capabilities', () => {
  it('says calls run one by one on every enabled chain, keyed by hex id', () => {
    expect(capabilities([FIRST.address], SITE, accountLookup, [1, 8453])).toEqual({
      '0x1': ONE_BY_ONE,
      '0x2105': ONE_BY_ONE,
    });
  });

  it('answers only for the enabled chains the site asks about', () => {
    expect(capabilities([FIRST.address, ['0x2105', '0x89']], SITE, accountLookup, [1, 8453])).toEqual({
      '0x2105': ONE_BY_ONE,
    });
  });

  it('answers only for an account the site was given', () => {
    expect(thrown(() => capabilities([HIDDEN.address], SITE, accountLookup, [1]))).toMatchObject({
      code: 4100,
    });
    expect(thrown(() => capabilities(['nobody'], SITE, accountLookup, [1]))).toMatchObject({ code: -32602 });
    expect(thrown(() => capabilities([FIRST.address, ['1']], SITE, accountLookup, [1]))).toMatchObject({
      code: -32602,
    });
  });
});
