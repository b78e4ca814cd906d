// The one review before signing, timed from request to complete review (simulation included): the demo
// wallet (`startDemo`, seeded anvil chains) is asked `tx.review` over its bridge, as the Send page asks it,
// alternating a native send and a USDC send from the emulated Ledger's "Ledger main" on the demo's Ethereum.
// Prints one JSON object: {name, samples, p50Ms, p95Ms, goalP95Ms, meets}. Run with `npm run bench:review`,
// which builds the app (the demo runs the built browser host) and bundles this file with esbuild first.
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_FRIEND, DEMO_HISTORY_ACCOUNT } from '../scripts/demo/demoActivity';
import { demoToken } from '../scripts/demo/demoPortfolio';
import { startDemo } from '../scripts/demo/startDemo';
import type { SendDraft } from '../src/shared/tx';

const SAMPLES = 200;
/** Untimed reviews first: the first ones open connections and fill the wallet's caches. */
const WARM_UP = 20;
const GOAL_P95_MS = 150;

/** Nearest rank: the smallest sample with at least p% of the samples at or below it. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = samples.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const demo = await startDemo();
try {
  const bridge = await connectBridge(demo.origin, demo.secret);
  try {
    const account = (await bridge.call('accounts.list')).find(
      (candidate) => candidate.address.toLowerCase() === DEMO_HISTORY_ACCOUNT.toLowerCase(),
    );
    if (!account) throw new Error('the demo has no Ledger main account');
    const send = { accountId: account.id, chainId: 1, to: DEMO_FRIEND };
    const drafts: SendDraft[] = [
      { ...send, asset: 'native', amount: '0.01' },
      { ...send, asset: demoToken(1, 'USDC').address, amount: '1.5' },
    ];
    const review = async (index: number): Promise<number> => {
      const started = performance.now();
      const answer = await bridge.call('tx.review', drafts[index % drafts.length] as SendDraft);
      const ms = performance.now() - started;
      // A review without its simulation would time the wrong thing.
      if (answer.simulation.status !== 'simulated') {
        throw new Error(`a review was not simulated: ${answer.simulation.status}, ${answer.simulation.note}`);
      }
      return ms;
    };
    for (let i = 0; i < WARM_UP; i++) await review(i);
    const timings: number[] = [];
    for (let i = 0; i < SAMPLES; i++) timings.push(await review(i));

    const round = (ms: number) => Number(ms.toFixed(1));
    const p95Ms = round(percentile(timings, 95));
    console.log(
      JSON.stringify({
        name: 'tx.review',
        samples: timings.length,
        p50Ms: round(percentile(timings, 50)),
        p95Ms,
        goalP95Ms: GOAL_P95_MS,
        meets: p95Ms < GOAL_P95_MS,
      }),
    );
  } finally {
    await bridge.close();
  }
} finally {
  await demo.stop();
}
