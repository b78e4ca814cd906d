import { describe, expect, it } from 'vitest';
import type { RiskedAllowance } from '../../shared/approvals';
import { revokeGroups } from './revokeGroups';

const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const DAI = '0x6B175474E89094C44Da98b954EedeAC495271d0F';
const SPENDER = '0x9999999999999999999999999999999999999999';

function row(accountId: number, chainId: number, token: string): RiskedAllowance {
  return {
    accountId,
    chainId,
    owner: `0x${String(accountId).repeat(40)}`,
    token,
    symbol: null,
    decimals: null,
    spender: SPENDER,
    spenderLabel: null,
    amount: '1',
    unlimited: false,
    approvedAt: 0,
    blockNumber: 1,
    risks: [],
  };
}

describe('revokeGroups', () => {
  it('makes one request per account and network, keeping the order rows were chosen in', () => {
    expect(revokeGroups([row(1, 1, USDC), row(2, 1, USDC), row(1, 1, DAI), row(1, 8453, USDC)])).toEqual([
      {
        accountId: 1,
        chainId: 1,
        allowances: [
          { token: USDC, spender: SPENDER },
          { token: DAI, spender: SPENDER },
        ],
      },
      { accountId: 2, chainId: 1, allowances: [{ token: USDC, spender: SPENDER }] },
      { accountId: 1, chainId: 8453, allowances: [{ token: USDC, spender: SPENDER }] },
    ]);
  });

  it('makes no request for no rows', () => {
    expect(revokeGroups([])).toEqual([]);
  });
});
