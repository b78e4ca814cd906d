import { describe, expect, it } from 'vitest';
import { accountLookup, FIRST, HIDDEN, SITE, thrown } from '../../../test/dapps/signingFixtures';
import { parseTransaction } from './transactionRequest';

const TO = '0x00000000000000000000000000000000000000aa';
const parse = (tx: Record<string, unknown>) => parseTransaction([tx], SITE, accountLookup);

describe('parseTransaction', () => {
  it('turns a site’s transaction into the call the review prices itself', () => {
    expect(
      parse({
        from: FIRST.address.toLowerCase(),
        to: TO,
        value: '0x0de0b6b3a7640000',
        data: '0xABCD',
        gas: '0x5208',
        chainId: '0x1',
      }),
    ).toEqual({
      type: 'transaction',
      chainId: 1,
      account: { accountId: 1, address: FIRST.address, label: FIRST.label },
      call: { to: TO, value: '1000000000000000000', data: '0xabcd' },
    });
  });

  it('takes `input` for `data`, and no value as zero', () => {
    expect(parse({ from: FIRST.address, to: TO, input: '0x12' }).call).toEqual({
      to: TO,
      value: '0',
      data: '0x12',
    });
    expect(parse({ from: FIRST.address, to: TO }).call.data).toBe('0x');
  });

  it('refuses with 4100 an account the site was not given', () => {
    expect(thrown(() => parse({ from: HIDDEN.address, to: TO }))).toMatchObject({ code: 4100 });
  });

  it('refuses with -32602 what it cannot send as asked', () => {
    const cases: Record<string, unknown>[] = [
      { from: FIRST.address },
      { from: FIRST.address, to: null, data: '0x6000' },
      { from: FIRST.address, to: TO, chainId: '0x89' },
      { from: FIRST.address, to: TO, value: '1000' },
      { from: FIRST.address, to: TO, data: '0x1' },
      { from: FIRST.address, to: TO, data: '0x12', input: '0x34' },
      { from: 'me', to: TO },
    ];
    for (const tx of cases)
      expect(
        thrown(() => parse(tx)),
        JSON.stringify(tx),
      ).toMatchObject({ code: -32602 });
    expect(thrown(() => parseTransaction([], SITE, accountLookup))).toMatchObject({ code: -32602 });
    expect(thrown(() => parseTransaction('0x', SITE, accountLookup))).toMatchObject({ code: -32602 });
  });

  it('says why a contract creation is refused', () => {
    expect(thrown(() => parse({ from: FIRST.address, data: '0x6000' }))).toMatchObject({
      message: expect.stringContaining('does not deploy contracts'),
    });
  });
});
