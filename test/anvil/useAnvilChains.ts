import { afterAll, beforeAll } from 'vitest';
import { type AnvilNode, startAnvil } from './anvil';

/**
 * Starts one node per chain id before the file's tests and stops them after, even when a test or the
 * start-up itself fails.
 */
export function useAnvilChains(chainIds: readonly number[]): AnvilNode[] {
  const nodes: AnvilNode[] = [];
  beforeAll(async () => {
    const started = await Promise.allSettled(chainIds.map((id) => startAnvil(id)));
    for (const result of started) if (result.status === 'fulfilled') nodes.push(result.value);
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await Promise.all(nodes.map((node) => node.stop()));
      throw failure.reason;
    }
  });
  afterAll(async () => {
    await Promise.all(nodes.map((node) => node.stop()));
  });
  return nodes;
}
