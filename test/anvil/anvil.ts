import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../net/freePort';

/** A real anvil node on a loopback port. */
export interface AnvilNode {
  readonly chainId: number;
  readonly port: number;
  readonly url: string;
  /** Ends the node as a crash would (SIGKILL), and waits until it has exited. */
  kill(): Promise<void>;
  /** Starts a fresh node (empty state) on the same port and chain id. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const ARCH: Partial<Record<string, string>> = { x64: 'amd64', arm64: 'arm64' };
const READY_TIMEOUT_MS = 15_000;

/** The platform package's binary itself, not the npm wrapper script, so a signal reaches anvil directly. */
export function anvilBinary(): string {
  const name = process.platform === 'win32' ? 'anvil.exe' : 'anvil';
  const pkg = `@foundry-rs/anvil-${process.platform}-${ARCH[process.arch] ?? process.arch}`;
  return createRequire(import.meta.url).resolve(`${pkg}/bin/${name}`);
}

/** Every child still running, so a worker that dies mid-test does not leave nodes behind. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function launch(chainId: number, port: number): Promise<ChildProcess> {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--chain-id', String(chainId), '--silent'];
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  running.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-2000)));
  const exited = once(child, 'exit').then(() => running.delete(child));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`anvil (chain ${chainId}, port ${port}) exited before it was ready: ${stderr.trim()}`);
    }
    if (await answers(port)) return child;
    await sleep(20);
  }
  child.kill('SIGKILL');
  await exited;
  throw new Error(`anvil (chain ${chainId}, port ${port}) was not ready within ${READY_TIMEOUT_MS} ms`);
}

async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}',
      signal: AbortSignal.timeout(1_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function end(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill(signal);
  await exited;
}

export async function startAnvil(chainId: number, { port }: { port?: number } = {}): Promise<AnvilNode> {
  let chosen = port ?? (await freePort());
  let child: ChildProcess;
  try {
    child = await launch(chainId, chosen);
  } catch (error) {
    // Another process may have taken the free port between the check and the launch; try once more.
    if (port !== undefined) throw error;
    chosen = await freePort();
    child = await launch(chainId, chosen);
  }
  return {
    chainId,
    port: chosen,
    url: `http://127.0.0.1:${chosen}`,
    kill: () => end(child, 'SIGKILL'),
    async restart() {
      await end(child, 'SIGKILL');
      child = await launch(chainId, chosen);
    },
    stop: () => end(child, 'SIGTERM'),
  };
}
