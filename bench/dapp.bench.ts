// A site's round trip through the whole extension path, timed in the page: the test dApp's provider call →
// the extension's content script → its service worker → the loopback bridge socket → the wallet's core (the
// demo's browser host) → back. 300 sequential `eth_chainId` (answered by the wallet) and 300 `eth_call` (a
// token balance, forwarded to the demo's anvil as the user's RPC), after a warm-up. Prints one JSON object:
// {chainId: {p50, p95}, call: {p50, p95}, n, goalP95Ms, meets} in milliseconds. Run with `npm run bench:dapp`,
// which builds the app and the extension first.
import { Interface } from 'ethers/abi';
import { enterPairingCode, launchWithExtension } from '../test/dapp/extensionBrowser';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_HISTORY_ACCOUNT } from '../scripts/demo/demoActivity';
import { DEMO_TKN } from '../scripts/demo/demoReview';
import { startDemo } from '../scripts/demo/startDemo';
import { ERC20_ABI } from '../test/contracts/erc20';
import { startDappServer } from '../test/dapp/dappServer';
import type { Dapp } from '../test/dapp/page';

const SAMPLES = 300;
/** Untimed round trips first: the first ones wake the service worker and open the RPC connection. */
const WARM_UP = 30;
const GOAL_P95_MS = 20;
/**
 * The desktop answers at most 20 requests a second from one site (siteLimits.ts, after a burst of 60) and 50
 * from one browser, and -32005 beyond: round trips start 55 ms apart, so this times the path, not the limiter.
 */
const EVERY_MS = 55;

/** Nearest rank: the smallest sample with at least p% of the samples at or below it. */
function percentile(samples: readonly number[], p: number): number {
  const sorted = samples.toSorted((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const summary = (samples: readonly number[]) => ({
  p50: round(percentile(samples, 50)),
  p95: round(percentile(samples, 95)),
});

async function waitFor<T>(probe: () => Promise<T | null | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`the bench waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const demo = await startDemo({ bridgePort: 0 });
const site = await startDappServer();
const browser = await launchWithExtension().catch(async (error: unknown) => {
  await Promise.all([site.close(), demo.stop()]);
  throw error;
});
const bridge = await connectBridge(demo.origin, demo.secret);
try {
  // Pairing, with the desktop's side answered through its API instead of its screen.
  const { pairing } = await bridge.call('browsers.startPairing');
  if (!pairing) throw new Error('the wallet showed no pairing code');
  const pairPage = await browser.openPairPage();
  const sas = await enterPairingCode(pairPage, pairing.code);
  const shown = await waitFor(async () => (await bridge.call('browsers.status')).pairing?.sas, 'the SAS');
  if (shown !== sas) throw new Error(`the extension shows ${sas}, the wallet ${shown}`);
  await bridge.call('browsers.confirmPairing', { id: pairing.id, matches: true });
  await pairPage
    .getByText(/Paired with /)
    .first()
    .waitFor();

  const page = await browser.context.newPage();
  await page.goto(site.pageUrl());
  const connecting = page.evaluate(() => (globalThis as unknown as { dapp: Dapp }).dapp.connect());
  const request = await waitFor(
    async () => (await bridge.call('dapps.requests')).find((queued) => queued.origin === site.origin),
    'the connect request',
  );
  const account = (await bridge.call('accounts.list')).find(
    (candidate) => candidate.address.toLowerCase() === DEMO_HISTORY_ACCOUNT.toLowerCase(),
  );
  if (!account) throw new Error('the demo has no Ledger main account');
  await bridge.call('dapps.approve', { id: request.id, accountIds: [account.id] });
  const connected = await connecting;
  if (!connected.ok) throw new Error(`the site did not connect: ${connected.message}`);

  const balanceOf = {
    to: DEMO_TKN.address,
    data: new Interface(ERC20_ABI).encodeFunctionData('balanceOf', [DEMO_HISTORY_ACCOUNT]),
  };
  const time = (method: 'eth_chainId' | 'eth_call', count: number) =>
    page.evaluate(
      ([name, n, call, every]) => (globalThis as unknown as { dapp: Dapp }).dapp.time(name, n, call, every),
      [method, count, balanceOf, EVERY_MS] as const,
    );
  await time('eth_chainId', WARM_UP);
  await time('eth_call', WARM_UP);
  const chainId = summary(await time('eth_chainId', SAMPLES));
  const call = summary(await time('eth_call', SAMPLES));
  console.log(
    JSON.stringify({
      chainId,
      call,
      n: SAMPLES,
      goalP95Ms: GOAL_P95_MS,
      meets: chainId.p95 < GOAL_P95_MS && call.p95 < GOAL_P95_MS,
    }),
  );
} finally {
  await bridge.close();
  await browser.close();
  await Promise.all([site.close(), demo.stop()]);
}
