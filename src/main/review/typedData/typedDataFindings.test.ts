import { describe, expect, it } from 'vitest';
import { Finding } from '../../../shared/review';
import { DAY, NOW, ROUTER, STRANGER, USDC } from '../../../../test/review/typedData/typedDataFixtures';
import {
  delegationAuthorization,
  expiredDeadline,
  handsOverAssets,
  longDeadline,
  unlimitedTransfer,
} from './typedDataFindings';

const YEAR = 365 * DAY;
const party = (address: string, name: string | null) =>
  ({ address, name, source: name ? 'label' : 'none' }) as const;

describe('expiredDeadline', () => {
  it('notes, as info, a signature past its deadline', () => {
    const found = expiredDeadline(NOW - 1, NOW);
    expect(Finding.parse(found)).toMatchObject({ code: 'expired-deadline', severity: 'info' });
    expect(found?.message).toMatch(/^This signature expired on 5 Dec 2026: its contract will refuse it/);
  });

  it('says nothing of a deadline still ahead, or of none', () => {
    expect(expiredDeadline(NOW, NOW)).toBeNull();
    expect(expiredDeadline(null, NOW)).toBeNull();
  });
});

describe('longDeadline', () => {
  it('warns of what lasts more than a year, or forever', () => {
    expect(longDeadline(NOW + YEAR + 1, NOW)).toMatchObject({
      code: 'long-deadline',
      severity: 'warning',
      facts: [{ label: 'Until' }],
    });
    expect(longDeadline(NOW + YEAR + 1, NOW)?.message).toMatch(
      /lasts until 6 Dec 2027, more than a year from now/,
    );
    expect(longDeadline(null, NOW)?.message).toMatch(/never expires/);
  });

  it('says nothing within a year', () => {
    expect(longDeadline(NOW + YEAR, NOW)).toBeNull();
  });
});

describe('unlimitedTransfer', () => {
  it('warns that the whole balance can go in one transfer', () => {
    const found = unlimitedTransfer({
      token: party(USDC, 'USDC'),
      spender: party(ROUTER, null),
      amount: { unlimited: true },
    });
    expect(found).toMatchObject({
      code: 'unlimited-approval',
      severity: 'warning',
      facts: [{ label: 'Spender', value: ROUTER }],
    });
    expect(found?.message).toMatch(/^This lets 0x3fC9…7FAD take all of your USDC in one transfer/);
    expect(
      unlimitedTransfer({
        token: party(USDC, 'USDC'),
        spender: party(ROUTER, null),
        amount: { unlimited: false },
      }),
    ).toBeNull();
  });
});

describe('handsOverAssets', () => {
  it('blocks, overridably, handing assets over for nothing', () => {
    const found = handsOverAssets(['1 BAYC #1', '5 USDC'], [], 2);
    expect(found).toMatchObject({ code: 'hands-over-assets', severity: 'blocking', overridable: true });
    expect(found?.message).toBe(
      'This order hands over 1 BAYC #1 and 5 USDC and you receive nothing in return. 2 payments go to others. ' +
        'Sign it only if you mean to give these away.',
    );
  });

  it('warns, naming both sides, when something comes back', () => {
    expect(handsOverAssets(['1 BAYC #1'], ['9 ETH'], 0)).toMatchObject({
      severity: 'warning',
      overridable: false,
      message: 'This order hands over 1 BAYC #1 to whoever fills it, for 9 ETH to you.',
    });
  });

  it('says nothing when nothing leaves', () => {
    expect(handsOverAssets([], ['9 ETH'], 0)).toBeNull();
  });
});

describe('delegationAuthorization', () => {
  it('warns that the delegate could move every asset, and when it is valid on every chain', () => {
    const found = delegationAuthorization(party(STRANGER, 'Batcher'), 1n);
    expect(found).toMatchObject({
      code: 'delegated-sender',
      severity: 'warning',
      facts: [{ label: 'Delegate', value: STRANGER }],
    });
    expect(found.message).toMatch(
      /replaces your account's code with Batcher's: that contract can then move every asset of this account/,
    );
    expect(found.message).not.toMatch(/every chain/);
    expect(delegationAuthorization(party(STRANGER, null), 0n).message).toMatch(/valid on every chain/);
  });
});
