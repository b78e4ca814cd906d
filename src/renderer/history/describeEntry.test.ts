import { describe, expect, it } from 'vitest';
import { CHAINS } from '../../shared/chains/registry';
import type { HistoryEntryView } from '../../shared/history';
import { HISTORY_FIXTURE } from '../../../test/renderer/historyFixture';
import { describeEntry, formatDuration, type ChainNames } from './describeEntry';

const chains: ChainNames = {
  name: (id) => CHAINS.find((chain) => chain.id === id)?.name ?? `Chain ${id}`,
  nativeSymbol: (id) => CHAINS.find((chain) => chain.id === id)?.nativeCurrency.symbol ?? 'ETH',
};

const byId = (id: number): HistoryEntryView => {
  const entry = HISTORY_FIXTURE.find((e) => e.id === id);
  if (!entry) throw new Error(`no fixture entry ${id}`);
  return entry;
};

describe('describeEntry', () => {
  it.each([
    [1, 'Sent 0.5 ETH to Carol'],
    [2, 'Received 120 USDC from 0x2222…2222'],
    [3, 'Approved Uniswap Router to spend USDC (unlimited)'],
    [4, 'Revoked 0x4444…4444’s allowance for USDC'],
    [5, 'Swapped 1 ETH for 3,000 USDC'],
    [6, 'Bridged 100 USDC Ethereum → Arbitrum One via Across · arrived after 2 min'],
    [7, 'Bridged 50 USDC Arbitrum One → Base via CCTP · waiting for Base'],
    [8, 'Bridged 0.2 ETH Ethereum → OP Mainnet via the OP Stack bridge · refunded'],
    [9, 'Called claimRewards on 0x4444…4444'],
    [10, 'Deployed a contract'],
  ])('says entry %i in plain words', (id, words) => {
    expect(describeEntry(byId(id), chains)).toBe(words);
  });

  it('names an execution of a followed Safe by the Safe, not by the selector it called', () => {
    const safe = { address: '0x4444444444444444444444444444444444444444', name: 'Family vault', signers: [] };
    expect(describeEntry({ ...byId(9), safe }, chains)).toBe(
      'Executed a transaction of the Safe Family vault',
    );
  });

  it('names a limited allowance with its amount, and a send to yourself as such', () => {
    const approval = byId(3);
    if (!approval.approval) throw new Error('the fixture approval has no allowance');
    const limited = {
      ...approval,
      approval: { ...approval.approval, unlimited: false, amount: '250000000' },
    };
    expect(describeEntry(limited, chains)).toBe('Approved Uniswap Router to spend 250 USDC');
    expect(describeEntry({ ...byId(1), kind: 'self' }, chains)).toBe('Sent 0.5 ETH to yourself');
  });

  it('names a token send by its decoded recipient, and an own account by its label', () => {
    const toBob = byId(2);
    const sent = {
      ...toBob,
      kind: 'send' as const,
      to: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48',
      toLabel: 'USD Coin',
      assets: toBob.assets.map((asset) => ({ ...asset, direction: 'out' as const })),
    };
    expect(describeEntry(sent, chains)).toBe('Sent 120 USDC to 0x2222…2222');
    expect(describeEntry({ ...sent, counterpartyLabel: 'Bob' }, chains)).toBe('Sent 120 USDC to Bob');
    expect(describeEntry({ ...toBob, counterpartyLabel: 'Bob' }, chains)).toBe('Received 120 USDC from Bob');
  });

  it('says a transfer between two own accounts once, from the side the timeline shows', () => {
    const received = { ...byId(2), counterpartyLabel: 'Bob', betweenAccounts: true };
    expect(describeEntry(received, chains)).toBe('Between your accounts: 120 USDC from Bob');
    const sent = { ...byId(1), counterpartyLabel: 'Savings', betweenAccounts: true };
    expect(describeEntry(sent, chains)).toBe('Between your accounts: 0.5 ETH to Savings');
  });

  it('uses the chain’s own coin for a native amount', () => {
    expect(describeEntry({ ...byId(1), chainId: 137 }, chains)).toBe('Sent 0.5 POL to Carol');
  });
});

describe('formatDuration', () => {
  it('picks the units a person would', () => {
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(120)).toBe('2 min');
    expect(formatDuration(3900)).toBe('1 h 5 min');
    expect(formatDuration(2 * 86_400 + 3 * 3600)).toBe('2 d 3 h');
  });
});
