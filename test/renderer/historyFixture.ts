import type { HistoryEntryView, HistorySyncState } from '../../src/shared/history';
import { ALICE, ARB_USDC, BOB, USDC } from './portfolioFixture';

export const UNISWAP_ROUTER = '0x3fC91A3afd70395Cd496C647d5a6CC9D4B2b7FAD';
export const ACROSS_POOL = '0x5c7BCd6E7De5423a257D81B442095A1a6ced35C5';
export const CAROL = '0x3333333333333333333333333333333333333333';
export const SPENDER = '0x4444444444444444444444444444444444444444';

/** A hash that is easy to tell apart in a failing test: the digit repeated. */
export function fixtureHash(n: number): string {
  return `0x${n.toString(16).padStart(64, '0')}`;
}

/** 14 Nov 2023 22:13:20 UTC; every fixture entry is some minutes before it, so days are stable. */
export const FIXTURE_TIME = 1_700_000_000;

const LEDGER = { kind: 'ledger', label: 'Ledger Nano X', fingerprint: 'f00dbabe' } as const;

/**
 * An entry of the fixture's defaults; the counterparty is derived as main stores it (the first asset's,
 * else the spender, else `to`), named like `to` when it is `to`.
 */
export function historyEntry(id: number, change: Partial<HistoryEntryView>): HistoryEntryView {
  const base = plainEntry(id, change);
  const counterparty = base.assets[0]?.counterparty ?? base.approval?.spender ?? base.to;
  return {
    ...base,
    counterparty,
    counterpartyLabel: counterparty === base.to ? base.toLabel : null,
    ...change,
  };
}

const entry = historyEntry;

function plainEntry(id: number, change: Partial<HistoryEntryView>): HistoryEntryView {
  return {
    id,
    chainId: 1,
    hash: fixtureHash(id),
    account: ALICE,
    blockNumber: 18_000_000 + id,
    timestamp: FIXTURE_TIME - id * 600,
    status: 'success',
    provisional: false,
    kind: 'send',
    from: ALICE,
    to: CAROL,
    toLabel: null,
    fromLabel: null,
    counterparty: null,
    counterpartyLabel: null,
    betweenAccounts: false,
    method: null,
    assets: [],
    approval: null,
    bridge: null,
    fee: '21000000000000',
    note: null,
    signedBy: null,
    safe: null,
    ...change,
  };
}

const native = (amount: string, direction: 'in' | 'out', counterparty: string | null) => ({
  standard: 'native' as const,
  token: null,
  symbol: null,
  decimals: 18,
  amount,
  tokenId: null,
  direction,
  counterparty,
});

const usdc = (amount: string, direction: 'in' | 'out', counterparty: string | null, token = USDC) => ({
  standard: 'erc20' as const,
  token,
  symbol: 'USDC',
  decimals: 6,
  amount,
  tokenId: null,
  direction,
  counterparty,
});

/** One entry of every kind, newest first, each with the words its row must say. */
export const HISTORY_FIXTURE: HistoryEntryView[] = [
  entry(1, {
    kind: 'send',
    toLabel: 'Carol',
    provisional: true,
    assets: [native('500000000000000000', 'out', CAROL)],
    signedBy: { ...LEDGER, signedAt: (FIXTURE_TIME - 600) * 1000 },
  }),
  entry(2, {
    kind: 'receive',
    from: BOB,
    to: ALICE,
    assets: [usdc('120000000', 'in', BOB)],
    fee: null,
  }),
  entry(3, {
    kind: 'approval',
    to: USDC,
    method: 'approve',
    approval: {
      token: USDC,
      symbol: 'USDC',
      decimals: 6,
      spender: UNISWAP_ROUTER,
      spenderLabel: 'Uniswap Router',
      amount: '115792089237316195423570985008687907853269984665640564039457584007913129639935',
      unlimited: true,
    },
  }),
  entry(4, {
    kind: 'revoke',
    to: USDC,
    method: 'approve',
    approval: {
      token: USDC,
      symbol: 'USDC',
      decimals: 6,
      spender: SPENDER,
      spenderLabel: null,
      amount: '0',
      unlimited: false,
    },
  }),
  entry(5, {
    kind: 'swap',
    to: UNISWAP_ROUTER,
    toLabel: 'Uniswap Router',
    method: 'execute',
    assets: [native('1000000000000000000', 'out', UNISWAP_ROUTER), usdc('3000000000', 'in', UNISWAP_ROUTER)],
  }),
  entry(6, {
    kind: 'bridge',
    to: ACROSS_POOL,
    toLabel: 'Across',
    method: 'depositV3',
    assets: [usdc('100000000', 'out', ACROSS_POOL)],
    bridge: {
      protocol: 'across',
      fromChainId: 1,
      toChainId: 42161,
      status: 'arrived',
      sourceHash: fixtureHash(6),
      destinationHash: fixtureHash(1006),
      sourceTimestamp: FIXTURE_TIME - 3600,
      destinationTimestamp: FIXTURE_TIME - 3600 + 120,
    },
    signedBy: { ...LEDGER, signedAt: (FIXTURE_TIME - 3600) * 1000 },
  }),
  entry(7, {
    kind: 'bridge',
    chainId: 42161,
    to: ACROSS_POOL,
    toLabel: 'Across',
    assets: [usdc('50000000', 'out', ACROSS_POOL, ARB_USDC)],
    bridge: {
      protocol: 'cctp',
      fromChainId: 42161,
      toChainId: 8453,
      status: 'pending',
      sourceHash: fixtureHash(7),
      destinationHash: null,
      sourceTimestamp: FIXTURE_TIME - 4200,
      destinationTimestamp: null,
    },
  }),
  entry(8, {
    kind: 'bridge',
    assets: [native('200000000000000000', 'out', ACROSS_POOL)],
    bridge: {
      protocol: 'op-stack',
      fromChainId: 1,
      toChainId: 10,
      status: 'refunded',
      sourceHash: fixtureHash(8),
      destinationHash: null,
      sourceTimestamp: FIXTURE_TIME - 4800,
      destinationTimestamp: null,
    },
  }),
  entry(9, { kind: 'contract-call', to: SPENDER, method: 'claimRewards', status: 'failed' }),
  entry(10, {
    kind: 'contract-creation',
    to: null,
    account: BOB,
    from: BOB,
    timestamp: FIXTURE_TIME - 90_000,
  }),
];

export const HISTORY_STATUS_FIXTURE: HistorySyncState[] = [
  {
    chainId: 1,
    state: 'synced',
    provider: 'otterscan',
    indexedBlock: 18_000_100,
    headBlock: 18_000_100,
    message: null,
  },
  {
    chainId: 42161,
    state: 'syncing',
    provider: 'etherscan',
    indexedBlock: 150_000_000,
    headBlock: 201_234_567,
    message: null,
  },
  {
    chainId: 8453,
    state: 'failed',
    provider: 'blockscout',
    indexedBlock: null,
    headBlock: 9_000_000,
    message: 'Blockscout answered 429 Too Many Requests.',
  },
];

/** A long history for the virtualised list: plain sends, one a minute, on two chains. */
export function longHistory(count: number): HistoryEntryView[] {
  return Array.from({ length: count }, (_, index) =>
    entry(index + 1, {
      chainId: index % 2 === 0 ? 1 : 42161,
      timestamp: FIXTURE_TIME - index * 60,
      assets: [native(String(BigInt(index + 1) * 10n ** 15n), 'out', CAROL)],
    }),
  );
}
