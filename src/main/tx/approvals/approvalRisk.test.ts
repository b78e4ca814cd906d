import { describe, expect, it } from 'vitest';
import type { RiskedAllowance } from '../../../shared/approvals';
import { approvalRisks, byRisk } from './approvalRisk';

const NOW = 1_750_000_000;
const DAY = 24 * 60 * 60;

function row(risks: RiskedAllowance['risks'], approvedAt: number, chainId = 1): RiskedAllowance {
  return {
    accountId: 1,
    chainId,
    owner: '0x1111111111111111111111111111111111111111',
    token: '0x2222222222222222222222222222222222222222',
    symbol: 'USDC',
    decimals: 6,
    spender: '0x3333333333333333333333333333333333333333',
    spenderLabel: null,
    amount: '1',
    unlimited: risks.includes('unlimited'),
    approvedAt,
    blockNumber: 1,
    risks,
  };
}

describe('approvalRisks', () => {
  it('names each risk that applies, in order', () => {
    expect(
      approvalRisks(
        { unlimited: true, approvedAt: NOW - 181 * DAY },
        { spenderHasCode: false, nowSeconds: NOW },
      ),
    ).toEqual(['unlimited', 'no-code', 'old']);
    expect(
      approvalRisks({ unlimited: false, approvedAt: NOW - DAY }, { spenderHasCode: true, nowSeconds: NOW }),
    ).toEqual([]);
  });

  it('calls a grant old only past 180 days, by its block time', () => {
    const risks = (days: number) =>
      approvalRisks(
        { unlimited: false, approvedAt: NOW - days * DAY },
        { spenderHasCode: true, nowSeconds: NOW },
      );
    expect(risks(180)).toEqual([]);
    expect(risks(180.01)).toEqual(['old']);
  });

  it('does not guess when the block time or the code is unknown', () => {
    expect(
      approvalRisks({ unlimited: false, approvedAt: 0 }, { spenderHasCode: null, nowSeconds: NOW }),
    ).toEqual([]);
  });
});

describe('byRisk', () => {
  it('puts unlimited before no code before old before the rest, then the oldest grant first', () => {
    const rest = row([], NOW - 5 * DAY);
    const olderRest = row([], NOW - 9 * DAY, 10);
    const old = row(['old'], NOW - 400 * DAY);
    const codeless = row(['no-code'], NOW - DAY);
    const unlimited = row(['unlimited'], NOW);
    const everything = row(['unlimited', 'no-code', 'old'], NOW - 400 * DAY);
    const sorted = [rest, old, codeless, olderRest, unlimited, everything].sort(byRisk);
    expect(sorted).toEqual([everything, unlimited, codeless, old, olderRest, rest]);
  });
});
