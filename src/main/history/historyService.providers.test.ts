import { describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { createEventHub } from '../api/events';
import type { RpcClient } from '../rpc/rpcClient';
import { createLogger } from '../log';
import { createRepositories } from '../store/repositories';
import { decodeActivity } from './decode/decodeActivity';
import { HistoryService } from './historyService';
import type { HistoryProvider } from './rawTransaction';

const temp = useTempDatabase('history-providers-');

describe('HistoryService providers', () => {
  it('keeps each chain’s provider between runs, and chooses again after resetProviders', async () => {
    // A node whose head is block 0x10; with no accounts, a run asks it for nothing else.
    const head = { number: 0x10n, hash: `0x${'ab'.repeat(32)}`, timestamp: 0n };
    const client = { send: async () => head, sendBatch: async () => [head] } as unknown as RpcClient;
    const connection = {
      chain: localChain(1, 'http://127.0.0.1:1'),
      client,
      signal: new AbortController().signal,
    };
    const provider: HistoryProvider = { name: 'logs', transactions: async () => [] };
    const chooseProvider = vi.fn(async () => provider);
    const history = new HistoryService({
      db: temp.db,
      repositories: createRepositories(temp.db),
      connections: async () => [connection],
      chooseProvider,
      decode: decodeActivity,
      fetch: async () => [],
      tokens: () => undefined,
      events: createEventHub(),
      log: createLogger('history', () => {}),
    });

    expect((await history.sync())[0]?.state).toBe('synced');
    await history.sync();
    expect(chooseProvider).toHaveBeenCalledTimes(1);
    history.resetProviders();
    await history.sync();
    expect(chooseProvider).toHaveBeenCalledTimes(2);
  });
});
