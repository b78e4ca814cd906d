import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { allowanceViews } from './allowanceViews';
import type { DiscoveredApproval } from './discoverApprovals';

const OWNER = toChecksumAddress('0x9858effd232b4033e47d90003d41ec34ecaeda94');
const SPENDER = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const TOKEN = toChecksumAddress('0x0b2c639c533813f4aa9d7837caf62653d097ff85');
const OTHER = toChecksumAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');

const approval = (token: typeof TOKEN, blockNumber: number): DiscoveredApproval => ({
  chainId: 10,
  owner: OWNER,
  token,
  spender: SPENDER,
  blockNumber,
  timestamp: blockNumber * 12,
  transactionHash: `0x${blockNumber.toString(16).padStart(64, '0')}`,
});

const context = {
  tokens: (_chainId: number, token: string) =>
    token === TOKEN ? { symbol: 'USDC', decimals: 6 } : undefined,
  label: (address: string) => (address === SPENDER ? 'Router' : null),
};

describe('allowanceViews', () => {
  it('shows what is left of each approval, with the token’s and spender’s names when known', () => {
    const found = [approval(TOKEN, 20), approval(OTHER, 10)];
    const current = [
      { owner: OWNER, token: TOKEN, spender: SPENDER, amount: 2n ** 256n - 1n, unlimited: true },
      { owner: OWNER, token: OTHER, spender: SPENDER, amount: null, unlimited: false },
    ];
    expect(allowanceViews(10, found, current, context)).toEqual([
      {
        chainId: 10,
        owner: OWNER,
        token: TOKEN,
        symbol: 'USDC',
        decimals: 6,
        spender: SPENDER,
        spenderLabel: 'Router',
        amount: (2n ** 256n - 1n).toString(),
        unlimited: true,
        approvedAt: 240,
        blockNumber: 20,
      },
      {
        chainId: 10,
        owner: OWNER,
        token: OTHER,
        symbol: null,
        decimals: null,
        spender: SPENDER,
        spenderLabel: 'Router',
        amount: null,
        unlimited: false,
        approvedAt: 120,
        blockNumber: 10,
      },
    ]);
  });

  it('leaves out allowances spent or revoked to zero, and any it could not read', () => {
    const found = [approval(TOKEN, 20), approval(OTHER, 10)];
    const current = [{ owner: OWNER, token: TOKEN, spender: SPENDER, amount: 0n, unlimited: false }];
    expect(allowanceViews(10, found, current, context)).toEqual([]);
  });
});
