import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { PortfolioView } from '../../src/shared/portfolio';
import { startSecretService } from '../../test/keychain/secretService';
import { type BridgeClient, connectBridge } from './bridgeClient';
import { leavePendingSend, sendWithEmulatedLedger } from './demoActivity';
import { startDemoBlockClock, startDemoChains } from './demoChains';
import { amountOf, DEMO_ACCOUNTS, DEMO_CHAIN_IDS, DEMO_TOKENS, LOOK_ALIKE } from './demoPortfolio';
import { configureReview } from './demoReview';

export interface DemoOptions {
  /** The browser host's port; 0 (the default) takes a free one. */
  port?: number;
  /**
   * Where the wallet keeps its data: a new or empty directory, kept on stop (its vault key lives in the demo's
   * keyring, which goes). A fresh temporary directory otherwise, removed on stop.
   */
  dataDir?: string;
  /** The loopback port paired browser extensions connect to; 0 takes a free one. The app's default otherwise. */
  bridgePort?: number;
  /**
   * The least time between two value snapshots of a series that moved, for a test of the value chart that
   * should not wait out the app's minute (DEMO_VALUE_SNAPSHOT_FLOOR_MS). The browser host only.
   */
  valueSnapshotFloorMs?: number;
}

export interface DemoChain {
  chainId: number;
  url: string;
}

export interface Demo {
  /** The browser host's `Open …` address, secret included. */
  url: string;
  origin: string;
  secret: string;
  dataDir: string;
  chains: DemoChain[];
  /** Settles with the reason when the app's process ends by itself, as a crash would. */
  exited: Promise<string>;
  /** Stops the app, the chains and the keyring; safe to call more than once. */
  stop(): Promise<void>;
}

export type ElectronDemo = Omit<Demo, 'url' | 'origin' | 'secret'>;

const HOST_START_TIMEOUT_MS = 20_000;

/**
 * The demo wallet in the browser host: three seeded anvil chains, a private Secret Service for the vault, and
 * a wallet configured through its own API (chains, custom RPCs, watch-only accounts, the look-alike token,
 * the review's token and router name), refreshed and checked against demoPortfolio.ts before this resolves.
 */
export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  return withCleanup(async (cleanup) => {
    const { host, dataDir, chains } = await prepare(cleanup, options);
    const { url, origin, secret, exited } = host;
    return { url, origin, secret, dataDir, chains, exited, stop: () => cleanup.run() };
  });
}

/**
 * The same demo in the desktop app. Electron has no bridge to configure it through, so the browser host
 * configures the data directory first and stops; Electron then opens that directory and the same keyring.
 */
export async function startElectronDemo(
  electronBinary: string,
  options: DemoOptions = {},
): Promise<ElectronDemo> {
  return withCleanup(async (cleanup) => {
    const { host, dataDir, chains, dbusAddress } = await prepare(cleanup, options);
    await host.stop();
    const electron = spawnApp(
      electronBinary,
      ['.'],
      { WALLET_DATA_DIR: dataDir, DBUS_SESSION_BUS_ADDRESS: dbusAddress },
      'inherit',
    );
    cleanup.add(electron.stop);
    return { dataDir, chains, exited: electron.exited, stop: () => cleanup.run() };
  });
}

/** Stops, in reverse order, everything started so far; on a failure it runs before the error goes on. */
class Cleanup {
  private readonly steps: (() => Promise<void>)[] = [];
  private running: Promise<void> | null = null;
  private aborted = false;

  /** Called on Ctrl+C while starting: the start ends at its next step, and then everything is stopped. */
  abort(): void {
    this.aborted = true;
  }

  add(step: () => Promise<void>): void {
    this.steps.push(step);
    this.check();
  }

  check(): void {
    if (this.aborted) throw new Error('the demo was stopped while it was starting');
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      const failures: unknown[] = [];
      for (const step of this.steps.reverse()) await step().catch((error: unknown) => failures.push(error));
      if (failures.length > 0) throw new AggregateError(failures, 'the demo did not stop cleanly');
    })();
    return this.running;
  }
}

async function withCleanup<T>(start: (cleanup: Cleanup) => Promise<T>): Promise<T> {
  const cleanup = new Cleanup();
  const abort = () => cleanup.abort();
  process.once('SIGINT', abort).once('SIGTERM', abort);
  try {
    const started = await start(cleanup);
    cleanup.check();
    return started;
  } catch (error) {
    await cleanup.run().catch(() => undefined);
    throw error;
  } finally {
    process.off('SIGINT', abort).off('SIGTERM', abort);
  }
}

interface Prepared {
  host: RunningHost;
  dataDir: string;
  chains: DemoChain[];
  dbusAddress: string;
}

async function prepare(
  cleanup: Cleanup,
  { port = 0, dataDir: givenDir, bridgePort, valueSnapshotFloorMs }: DemoOptions,
): Promise<Prepared> {
  if (givenDir && existsSync(givenDir) && readdirSync(givenDir).length > 0) {
    throw new Error(`the demo needs a new or empty data directory, and ${givenDir} is not empty`);
  }
  const dataDir = givenDir ?? mkdtempSync(join(tmpdir(), 'ledgerline-demo-'));
  if (!givenDir) cleanup.add(async () => rmSync(dataDir, { recursive: true, force: true }));
  const keyring = await startSecretService({ exportAddress: false });
  cleanup.add(keyring.stop);
  const nodes = await startDemoChains();
  cleanup.add(async () => void (await Promise.all(nodes.map((node) => node.stop()))));
  const chains = nodes.map(({ chainId, url }) => ({ chainId, url }));
  const host = await startHost(port, dataDir, keyring.address, bridgePort, valueSnapshotFloorMs);
  cleanup.add(host.stop);
  await configureWallet(host, chains);
  // From here on blocks keep coming, as on a live chain; the checks above read chains that held still.
  cleanup.add(startDemoBlockClock(nodes).stop);
  return { host, dataDir, chains, dbusAddress: keyring.address };
}

interface RunningHost {
  url: string;
  origin: string;
  secret: string;
  exited: Promise<string>;
  stop(): Promise<void>;
}

async function startHost(
  port: number,
  dataDir: string,
  dbusAddress: string,
  bridgePort: number | undefined,
  valueSnapshotFloorMs: number | undefined,
): Promise<RunningHost> {
  const host = spawnApp(
    process.execPath,
    ['dist/demo/emulated-ledger-host.mjs'],
    {
      PORT: String(port),
      WALLET_DATA_DIR: dataDir,
      DBUS_SESSION_BUS_ADDRESS: dbusAddress,
      ...(bridgePort === undefined ? {} : { WALLET_BRIDGE_PORT: String(bridgePort) }),
      ...(valueSnapshotFloorMs === undefined
        ? {}
        : { DEMO_VALUE_SNAPSHOT_FLOOR_MS: String(valueSnapshotFloorMs) }),
    },
    'pipe',
  );
  const { stdout } = host.child;
  if (!stdout) throw new Error('the browser host was spawned without a stdout pipe');
  const lines = createInterface({ input: stdout });
  const opened = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the browser host did not start within ${HOST_START_TIMEOUT_MS} ms`)),
      HOST_START_TIMEOUT_MS,
    );
    lines.on('line', (line) => {
      const match = /^Open (http:\/\/127\.0\.0\.1:\d+\/\S*)$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    void host.exited.then((reason) => {
      clearTimeout(timer);
      reject(new Error(reason));
    });
  });
  const url = await opened.catch(async (error: unknown) => {
    await host.stop();
    throw error;
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, secret: parsed.hash.replace('#secret=', ''), ...host };
}

interface SpawnedApp {
  child: ChildProcess;
  exited: Promise<string>;
  stop(): Promise<void>;
}

/** Runs the app with the demo's environment; its stderr is kept (or shown) so a crash explains itself. */
function spawnApp(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  stdio: 'pipe' | 'inherit',
): SpawnedApp {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', stdio, stdio] });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-4000)));
  let stopping = false;
  const ended = once(child, 'exit');
  const exited = ended.then(
    ([code, signal]: unknown[]) =>
      stopping
        ? new Promise<string>(() => undefined)
        : `${command} exited (${String(signal ?? code)}): ${stderr.trim()}`,
    (error: Error) => `${command} could not start: ${error.message}`,
  );
  return {
    child,
    exited,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await ended;
    },
  };
}

/** Sets the wallet up through the same calls its screens make, then checks what it read. */
async function configureWallet(host: RunningHost, chains: readonly DemoChain[]): Promise<void> {
  const bridge = await connectBridge(host.origin, host.secret);
  try {
    await bridge.call('settings.set', { enabledChainIds: [...DEMO_CHAIN_IDS] });
    for (const { chainId, url } of chains) await bridge.call('chains.setRpc', { chainId, urls: [url] });
    for (const { address, label } of DEMO_ACCOUNTS)
      await bridge.call('accounts.addWatch', { address, label });
    await bridge.call('tokens.add', { chainId: LOOK_ALIKE.chainId, address: LOOK_ALIKE.address });
    await configureReview(bridge);
    const stale = (await bridge.call('portfolio.refresh')).filter((status) => status.state !== 'ok');
    if (stale.length > 0) {
      const reasons = stale.map((status) => `${status.name}: ${status.reason ?? 'stale'}`);
      throw new Error(`the demo chains did not all refresh: ${reasons.join('; ')}`);
    }
    checkPortfolio(await bridge.call('portfolio.get'));
    const signed = await sendWithEmulatedLedger(bridge, chains);
    await checkHistory(bridge, signed);
    await leavePendingSend(bridge, chains);
  } finally {
    await bridge.close();
  }
}

/** Fails the start unless history shows the bridge transfer linked and the Ledger-signed send's device. */
async function checkHistory(bridge: BridgeClient, signedHash: string): Promise<void> {
  const failed = (await bridge.call('history.sync')).filter((state) => state.state !== 'synced');
  if (failed.length > 0) {
    const reasons = failed.map((state) => `chain ${state.chainId}: ${state.message ?? state.state}`);
    throw new Error(`the demo history did not sync: ${reasons.join('; ')}`);
  }
  const { entries } = await bridge.call('history.page', { limit: 50 });
  const problems: string[] = [];
  if (!entries.some((entry) => entry.kind === 'bridge' && entry.bridge?.status === 'arrived')) {
    problems.push('the CCTP transfer is not one linked, arrived bridge entry');
  }
  if (!entries.some((entry) => entry.hash === signedHash && entry.signedBy?.kind === 'ledger')) {
    problems.push('the Ledger-signed send does not name its device');
  }
  if (problems.length > 0)
    throw new Error(`the wallet does not show the demo history:\n${problems.join('\n')}`);
}

/** Fails the start when the wallet reads anything other than what the chains were seeded with. */
function checkPortfolio(view: PortfolioView): void {
  const problems: string[] = [];
  for (const token of DEMO_TOKENS) {
    for (const { label, address } of DEMO_ACCOUNTS) {
      const holding = view.holdings.find(
        (entry) =>
          entry.chainId === token.chainId &&
          entry.account.toLowerCase() === address.toLowerCase() &&
          entry.token.toLowerCase() === token.address.toLowerCase(),
      );
      const expected = amountOf(token, label).toString();
      if (holding?.amount !== expected) {
        problems.push(
          `${label}'s ${token.symbol} on ${token.chainId}: ${holding?.amount ?? 'missing'} ≠ ${expected}`,
        );
      }
    }
  }
  const flagged = view.warnings.some(
    (warning) =>
      warning.severity === 'danger' &&
      warning.tokens.some((token) => token.toLowerCase() === LOOK_ALIKE.address.toLowerCase()),
  );
  if (!flagged) problems.push(`the look-alike ${LOOK_ALIKE.symbol} carries no danger warning`);
  if (problems.length > 0)
    throw new Error(`the wallet does not show the demo portfolio:\n${problems.join('\n')}`);
}
