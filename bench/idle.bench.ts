// Idle cost: what the demo wallet spends doing nothing. The demo (`startDemo`: seeded anvil chains, the demo's
// watch-only accounts and emulated Ledger account, a block every 2 s, a send left pending) runs behind the built
// browser host; Debian's Chromium opens the Portfolio page, waits for it to show the demo's tokens, lets it
// settle, and then CPU time is read from /proc over a fixed window for two processes: the host (the core runs
// in it) and the page's renderer. Not counted: the anvil chains, and the demo's block clock and price keeper,
// which run in this bench's own process; they stand in for the outside world. Bridge frames in the window are
// counted by name, so a change that adds polling names itself. Prints one JSON object. Run with
// `npm run bench:idle`, which builds the app (the demo runs the built host and renderer) and bundles this file.
// Optional, for finding where the host's time goes (then `node dist/bench/idle.bench.mjs` after one run):
// - IDLE_WINDOW_S: a longer window than 60 s, where a small change hides in the run-to-run noise;
// - IDLE_COUNT_RPC=1: the host reaches the chains through a counting pass-through in this process, and the
//   POSTs in the window are counted by JSON-RPC method (off by default: the headline runs the demo unchanged);
// - IDLE_HOST_PROFILE_DIR: the host runs under `node --cpu-prof` into that directory, and the window's bounds on
//   the monotonic clock the profile's timestamps use are printed, to cut the window out of the profile.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Browser, type CDPSession, chromium } from 'playwright-core';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { type Demo, startDemo } from '../scripts/demo/startDemo';
import { BridgeTally } from '../test/bench-support/bridgeTally';
import { RpcTally } from '../test/bench-support/rpcTally';
import {
  clockTicksPerSecond,
  cpuPercent,
  findChildProcesses,
  readProcStat,
} from '../test/bench-support/processCpu';

const WINDOW_S = windowSeconds(process.env.IDLE_WINDOW_S);
const COUNT_RPC = process.env.IDLE_COUNT_RPC === '1';
const PROFILE_DIR = process.env.IDLE_HOST_PROFILE_DIR;
/** After the first render: the page's first calls, the host's first poll of each chain and GC have passed. */
const SETTLE_S = 10;
/**
 * The issue measured 0.3% of a core in the host and 0.5% in the renderer and asks to keep it there. The goals
 * leave room for /proc's 10 ms ticks and for a loaded machine, but not for a new poller: in this Chromium, two
 * lines of text changing once a second on an otherwise still page cost about 0.6% of a core.
 */
const GOALS = { hostCpuPct: 0.5, rendererCpuPct: 1 };
const HOST_SCRIPT = 'dist/demo/emulated-ledger-host.mjs';

interface Sample {
  atMs: number;
  hostTicks: number;
  rendererTicks: number;
  /** Chromium's own accounts of the page, in CPU seconds: the whole renderer, and its main thread's tasks. */
  processS: number;
  taskS: number;
  scriptS: number;
  /** The page's layouts and style recalculations so far: each is a change on screen, and then a frame. */
  layouts: number;
  styleRecalcs: number;
}

function windowSeconds(given: string | undefined): number {
  if (given === undefined) return 60;
  const seconds = Number(given);
  if (!Number.isSafeInteger(seconds) || seconds < 10)
    throw new Error(`IDLE_WINDOW_S must be a whole number of seconds, at least 10, not ${given}`);
  return seconds;
}

/** Now on CLOCK_MONOTONIC in µs, the clock of V8's profile timestamps in any process on this machine. */
const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

/**
 * The page's renderer: Chromium's renderers less its own UI's (`--top-chrome-webui`, in the new headless mode
 * too). With the spare renderer turned off at launch, one page leaves exactly one.
 */
async function pageRenderer(browserCdp: CDPSession): Promise<number> {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  const pages = processInfo
    .filter((info) => info.type === 'renderer')
    .map((info) => info.id)
    .filter((pid) => !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--top-chrome-webui'));
  if (pages.length !== 1)
    throw new Error(`expected one page renderer, found ${pages.length}: ${pages.join()}`);
  return pages[0] as number;
}

async function sample(hostPid: number, rendererPid: number, pageCdp: CDPSession): Promise<Sample> {
  const { metrics } = await pageCdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((entry) => entry.name === name)?.value ?? NaN;
  return {
    atMs: performance.now(),
    hostTicks: readProcStat(hostPid).cpuTicks,
    rendererTicks: readProcStat(rendererPid).cpuTicks,
    processS: metric('ProcessTime'),
    taskS: metric('TaskDuration'),
    scriptS: metric('ScriptDuration'),
    layouts: metric('LayoutCount'),
    styleRecalcs: metric('RecalcStyleCount'),
  };
}

/** Counts the demo's accounts and, when asked, turns the host's chain endpoints to counting pass-throughs. */
async function prepareHost(demo: Demo, rpc: RpcTally | null): Promise<number> {
  const bridge = await connectBridge(demo.origin, demo.secret);
  try {
    if (rpc) {
      for (const { chainId, url } of demo.chains)
        await bridge.call('chains.setRpc', { chainId, urls: [await rpc.front(url)] });
    }
    return (await bridge.call('accounts.list')).length;
  } finally {
    await bridge.close();
  }
}

async function measure(demo: Demo, browser: Browser, rpc: RpcTally | null) {
  const hosts = findChildProcesses(process.pid, HOST_SCRIPT);
  if (hosts.length !== 1) throw new Error(`expected one ${HOST_SCRIPT} process, found ${hosts.length}`);
  const hostPid = hosts[0] as number;
  const accounts = await prepareHost(demo, rpc);

  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  let tally: BridgeTally | null = null;
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => tally?.sent(payload));
    socket.on('framereceived', ({ payload }) => tally?.received(payload));
  });
  await page.goto(demo.url);
  await page.getByRole('heading', { level: 1, name: 'Portfolio' }).waitFor();
  await page.getByRole('table', { name: 'Tokens' }).getByText('USDC').first().waitFor();
  const pageCdp = await context.newCDPSession(page);
  // Thread time, not wall time: on a loaded machine a task's wall time counts the time it waited for a core.
  await pageCdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const browserCdp = await browser.newBrowserCDPSession();
  await sleep(SETTLE_S * 1000);

  const rendererPid = await pageRenderer(browserCdp);
  const ticksPerS = clockTicksPerSecond();
  const start = await sample(hostPid, rendererPid, pageCdp);
  const startUs = monotonicUs();
  tally = new BridgeTally();
  if (rpc) rpc.counting = true;
  await Promise.race([
    sleep(WINDOW_S * 1000),
    demo.exited.then((reason) => Promise.reject(new Error(`the host stopped in the window: ${reason}`))),
  ]);
  const end = await sample(hostPid, rendererPid, pageCdp);
  const endUs = monotonicUs();
  const counts = (tally as BridgeTally).counts();
  tally = null;
  if (rpc) rpc.counting = false;
  const after = await pageRenderer(browserCdp);
  if (after !== rendererPid)
    throw new Error(`the page changed renderer in the window: ${rendererPid} → ${after}`);

  const wallS = (end.atMs - start.atMs) / 1000;
  const pct = (seconds: number) => Number(cpuPercent(seconds, wallS).toFixed(2));
  const perMinute = (count: number) => Number(((count * 60) / wallS).toFixed(1));
  const hostCpuPct = pct((end.hostTicks - start.hostTicks) / ticksPerS);
  const rendererCpuPct = pct((end.rendererTicks - start.rendererTicks) / ticksPerS);
  return {
    name: 'idle',
    windowS: WINDOW_S,
    settleS: SETTLE_S,
    accounts,
    chains: demo.chains.length,
    hostCpuPct,
    rendererCpuPct,
    // Chromium's account of the same renderer, a cross-check of /proc, and how much of it is the main thread.
    rendererProcessTimePct: pct(end.processS - start.processS),
    rendererTaskPct: pct(end.taskS - start.taskS),
    rendererScriptPct: pct(end.scriptS - start.scriptS),
    // Counts, not times, so they hold on a loaded machine: how often the still page changed what it shows.
    rendererLayoutsPerMin: perMinute(end.layouts - start.layouts),
    rendererStyleRecalcsPerMin: perMinute(end.styleRecalcs - start.styleRecalcs),
    bridgeCalls: counts.calls,
    bridgePushes: counts.pushes,
    ...(rpc ? { rpcInWindow: rpc.counts() } : {}),
    ...(PROFILE_DIR ? { hostPid, profileWindowUs: [startUs, endUs] } : {}),
    goals: GOALS,
    meetsGoals: hostCpuPct <= GOALS.hostCpuPct && rendererCpuPct <= GOALS.rendererCpuPct,
    notCounted: 'the anvil chains; the block clock and price keeper (this bench process)',
    loadAverage1m: Number(loadavg()[0]?.toFixed(2)),
  };
}

const rpc = COUNT_RPC ? new RpcTally() : null;
// The host inherits this process's environment when the demo starts it, and nothing else started here is Node.
const nodeOptions = process.env.NODE_OPTIONS;
if (PROFILE_DIR) process.env.NODE_OPTIONS = `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}`;
const demo = await startDemo();
if (nodeOptions === undefined) delete process.env.NODE_OPTIONS;
else process.env.NODE_OPTIONS = nodeOptions;
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A spare renderer waits for the next navigation; this bench makes none, and one page has one renderer.
      '--disable-features=SpareRendererForSitePerProcess',
    ],
  });
  try {
    console.log(JSON.stringify(await measure(demo, browser, rpc)));
  } finally {
    await browser.close();
  }
} finally {
  await demo.stop();
  await rpc?.close();
}
