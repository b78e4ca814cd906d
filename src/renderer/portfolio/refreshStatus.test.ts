import { describe, expect, it } from 'vitest';
import type { ChainStatusView } from '../../shared/portfolio';
import { refreshStatus } from './refreshStatus';

const NOW = 1_800_000_000_000;

function chain(name: string, state: ChainStatusView['state'], readAt: number | null): ChainStatusView {
  return {
    chainId: name.length,
    name,
    state,
    reason: state === 'ok' ? null : 'timed out after 8 s',
    endpoint: '127.0.0.1',
    readMode: readAt === null ? null : 'override',
    lastRead: readAt === null ? null : { blockNumber: 1, blockTimestamp: 1, readAt },
  };
}

describe('refreshStatus', () => {
  it('counts networks while a refresh runs, and says it is working before the first one reports', () => {
    const base = { chains: [], now: NOW };
    expect(refreshStatus({ ...base, state: { status: 'working' }, progress: null })).toBe('Refreshing…');
    expect(refreshStatus({ ...base, state: { status: 'working' }, progress: { done: 1, total: 3 } })).toBe(
      'Refreshing 2 of 3 networks…',
    );
    expect(refreshStatus({ ...base, state: { status: 'working' }, progress: { done: 3, total: 3 } })).toBe(
      'Refreshing 3 of 3 networks…',
    );
  });

  it('says when a refresh finished, counting on, and names the networks it could not reach', () => {
    const result = { chains: [chain('Ethereum', 'ok', NOW)], finishedAt: NOW };
    const done = (now: number, chains = result.chains) =>
      refreshStatus({
        state: { status: 'done', result: { ...result, chains } },
        progress: null,
        chains: [],
        now,
      });
    expect(done(NOW + 400)).toBe('Updated just now');
    expect(done(NOW + 12_000)).toBe('Updated 12 s ago');
    expect(done(NOW, [chain('Ethereum', 'ok', NOW), chain('Base', 'stale', NOW - 60_000)])).toBe(
      'Updated just now; Base not reached',
    );
  });

  it('says a failed refresh did not happen, the error itself being shown beside the page', () => {
    const state = { status: 'failed' as const, message: 'The core stopped answering.' };
    expect(refreshStatus({ state, progress: null, chains: [], now: NOW })).toBe('Not refreshed');
  });

  it('before any refresh, dates the newest read, and says nothing when nothing was read', () => {
    const chains = [chain('Ethereum', 'ok', NOW - 180_000), chain('Base', 'ok', NOW - 300_000)];
    expect(refreshStatus({ state: { status: 'idle' }, progress: null, chains, now: NOW })).toBe(
      'Updated 3 min ago',
    );
    const unread = [chain('Ethereum', 'stale', null)];
    expect(refreshStatus({ state: { status: 'idle' }, progress: null, chains: unread, now: NOW })).toBe('');
  });
});
