import { describe, expect, it } from 'vitest';
import type { AllowanceView } from '../../../shared/tx';
import { ApiError } from '../../../shared/api/envelope';
import { approvalsOverview, type ApprovalsOverviewDeps } from './approvalsOverview';

const NOW = 1_750_000_000;
const WATCHED = '0x1111111111111111111111111111111111111111';
const LEDGER = '0x2222222222222222222222222222222222222222';
const ROUTER = '0x3333333333333333333333333333333333333333';
const DRAINER = '0x4444444444444444444444444444444444444444';
const USDC = '0x5555555555555555555555555555555555555555';

function allowance(owner: string, chainId: number, spender: string, unlimited: boolean): AllowanceView {
  return {
    chainId,
    owner,
    token: USDC,
    symbol: 'USDC',
    decimals: 6,
    spender,
    spenderLabel: null,
    amount: unlimited ? ((1n << 256n) - 1n).toString() : '5',
    unlimited,
    approvedAt: NOW - 60,
    blockNumber: 10,
  };
}

function deps(overrides: Partial<ApprovalsOverviewDeps> = {}): ApprovalsOverviewDeps & { reads: string[] } {
  const reads: string[] = [];
  const held: Record<string, AllowanceView[]> = {
    '1:1': [allowance(WATCHED, 1, ROUTER, false)],
    '2:1': [allowance(LEDGER, 1, DRAINER, true)],
    '2:10': [allowance(LEDGER, 10, ROUTER, false)],
  };
  return {
    reads,
    accounts: () => [{ id: 1 }, { id: 2 }],
    chainIds: async () => [1, 10],
    allowances: async (accountId, chainId) => {
      reads.push(`${accountId}:${chainId}`);
      return held[`${accountId}:${chainId}`] ?? [];
    },
    withCode: async (_chainId, spenders) => new Set(spenders.filter((s) => s === ROUTER)),
    nowSeconds: () => NOW,
    ...overrides,
  };
}

describe('approvalsOverview', () => {
  it('reads every account on every enabled network, and leads with the risky approval', async () => {
    const world = deps();
    const { allowances, unread } = await approvalsOverview(world);
    expect(world.reads.sort()).toEqual(['1:1', '1:10', '2:1', '2:10']);
    expect(unread).toEqual([]);
    expect(allowances.map((a) => [a.accountId, a.chainId, a.spender, a.risks])).toEqual([
      [2, 1, DRAINER, ['unlimited', 'no-code']],
      [1, 1, ROUTER, []],
      [2, 10, ROUTER, []],
    ]);
  });

  it('names a network it could not read, and still shows the others', async () => {
    const world = deps({
      allowances: async (accountId, chainId) => {
        if (chainId === 10) throw new ApiError('chain_unavailable', 'OP Mainnet did not answer.');
        return deps().allowances(accountId, chainId);
      },
    });
    const { allowances, unread } = await approvalsOverview(world);
    expect(unread).toEqual([{ chainId: 10, message: 'OP Mainnet did not answer.' }]);
    expect(allowances.map((a) => a.chainId)).toEqual([1, 1]);
  });

  it('drops a network whose spenders cannot be checked, rather than show them as safe', async () => {
    const world = deps({
      withCode: async (chainId, spenders) => {
        if (chainId === 1) throw new Error('eth_getCode failed');
        return new Set(spenders);
      },
    });
    const { allowances, unread } = await approvalsOverview(world);
    expect(unread).toEqual([{ chainId: 1, message: 'eth_getCode failed' }]);
    expect(allowances.map((a) => a.chainId)).toEqual([10]);
  });
});
