import { describe, expect, it } from 'vitest';
import { ALICE, BOB, FAKE_USDC, fixturePortfolio } from '../../../test/renderer/portfolioFixture';
import type { HoldingValueView } from '../../shared/portfolio';
import { leftOutReasons, makeValuing, priceDates } from './valuing';

const noPrice = (account: string): HoldingValueView => ({
  chainId: 1,
  account,
  token: FAKE_USDC,
  state: 'no-price',
  value: null,
  unitPrice: null,
  sources: [],
  reason: 'No feed.',
});

describe('leftOutReasons', () => {
  const valuing = makeValuing(fixturePortfolio(), Date.now());

  it('says the same cause in several accounts once, with the count, and counts unread balances', () => {
    const total = { sum: '0', priced: [], unpriced: [noPrice(ALICE), noPrice(BOB)], unread: 2 };
    expect(leftOutReasons(total, valuing)).toEqual([
      'USDС on Ethereum, 2 accounts: no price. No feed.',
      '2 balances could not be read, so not valued.',
    ]);
  });

  it('names a network it does not know by its id', () => {
    expect(valuing.holdingName({ ...noPrice(ALICE), chainId: 10 })).toBe('A token on Chain 10');
  });
});

describe('priceDates', () => {
  it('dates every price the page shows once, in ms', () => {
    const view = fixturePortfolio();
    const dates = priceDates(view);
    const updates = view.values.flatMap((value) => value.sources.map((source) => source.updatedAt * 1000));
    expect(new Set(dates)).toEqual(new Set(updates));
    expect(dates).toHaveLength(new Set(updates).size);
    expect(dates.length).toBeGreaterThan(1);
  });
});
