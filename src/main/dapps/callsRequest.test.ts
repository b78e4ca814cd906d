import { describe, expect, it } from 'vitest';
import { accountLookup, FIRST, HIDDEN, SECOND, SITE, thrown } from '../../../test/dapps/signingFixtures';
import { MAX_CALLS, parseSendCalls } from './callsRequest';

const TOKEN = '0x00000000000000000000000000000000000000aa';
const VAULT = '0x00000000000000000000000000000000000000bb';
const ID = `0x${'12'.repeat(32)}`;

function batch(overrides: Record<string, unknown> = {}) {
  return {
    version: '2.0.0',
    chainId: '0x1',
    from: SECOND.address,
    atomicRequired: false,
    calls: [
      { to: TOKEN, data: '0x095ea7b3' },
      { to: VAULT, data: '0xb6b55f25', value: '0x10' },
    ],
    ...overrides,
  };
}
const parse = (overrides: Record<string, unknown> = {}, taken: string[] = []) =>
  parseSendCalls([batch(overrides)], SITE, accountLookup, (id) => taken.includes(id));

describe('parseSendCalls', () => {
  it('validates the calls, run one by one from the account the site names', () => {
    expect(parse()).toEqual({
      type: 'calls',
      chainId: 1,
      account: { accountId: 2, address: SECOND.address, label: SECOND.label },
      calls: [
        { to: TOKEN, value: '0', data: '0x095ea7b3' },
        { to: VAULT, value: '16', data: '0xb6b55f25' },
      ],
    });
  });

  it('takes the site’s first account when it names none, and optional capabilities it does not know', () => {
    const detail = parse({
      from: undefined,
      capabilities: { paymasterService: { optional: true, url: 'x' } },
    });
    expect(detail.account.accountId).toBe(FIRST.id);
  });

  it('answers with EIP-5792’s own codes', () => {
    expect(thrown(() => parse({ atomicRequired: true }))).toMatchObject({ code: 5760 });
    expect(thrown(() => parse({ capabilities: { paymasterService: { url: 'x' } } }))).toMatchObject({
      code: 5700,
    });
    expect(
      thrown(() => parse({ calls: [{ to: TOKEN, capabilities: { auxiliaryFunds: { supported: true } } }] })),
    ).toMatchObject({ code: 5700 });
    expect(thrown(() => parse({ chainId: '0x2105' }))).toMatchObject({ code: 5710 });
    expect(thrown(() => parse({ id: ID }, [ID]))).toMatchObject({ code: 5720 });
    const many = Array.from({ length: MAX_CALLS + 1 }, () => ({ to: TOKEN }));
    expect(thrown(() => parse({ calls: many }))).toMatchObject({ code: 5740 });
  });

  it('refuses a `from` the site was not given with 4100', () => {
    expect(thrown(() => parse({ from: HIDDEN.address }))).toMatchObject({ code: 4100 });
  });

  it('refuses malformed batches with -32602', () => {
    const cases: Record<string, unknown>[] = [
      { version: '1.0' },
      { calls: [] },
      { calls: [{ data: '0x6000' }] },
      { calls: [{ to: TOKEN, value: 16 }] },
      { calls: 'all' },
      { id: 'my-batch' },
      { atomicRequired: undefined },
      { chainId: 1 },
    ];
    for (const overrides of cases) {
      expect(
        thrown(() => parse(overrides)),
        JSON.stringify(overrides),
      ).toMatchObject({ code: -32602 });
    }
  });
});
