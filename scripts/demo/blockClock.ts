import { anvilCall } from '../../test/anvil/chainSetup';

export interface BlockClock {
  /** Mines no more; a block already asked for may still land. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Mines a block on each node every `intervalMs`, as a live chain would, so what the demo sent gathers
 * confirmations and becomes final. Anvil mines on its own only in one mode at a time over RPC
 * (`evm_setIntervalMining` turns automine off; automine and interval together need `--mixed-mining` at start),
 * and the demo keeps automine for instant receipts, so the clock asks for the blocks. Each node has at most
 * one request open: a slow node skips ticks instead of queueing them, and a failed tick is simply retried by
 * the next one (a node that is down shows as such in the wallet already).
 */
export function startBlockClock(urls: readonly string[], intervalMs: number): BlockClock {
  if (!Number.isInteger(intervalMs) || intervalMs <= 0) {
    throw new Error(`the block interval must be a positive whole number of ms, not ${intervalMs}`);
  }
  const busy = new Set<string>();
  const mine = (url: string) => {
    if (busy.has(url)) return;
    busy.add(url);
    void anvilCall(url, 'evm_mine')
      .catch(() => undefined)
      .finally(() => busy.delete(url));
  };
  const timer = setInterval(() => urls.forEach(mine), intervalMs);
  // The demo's own process decides when to end; a clock alone must not keep it alive.
  timer.unref();
  return {
    stop: async () => clearInterval(timer),
  };
}
