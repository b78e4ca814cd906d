// The relay alone in a child process, so a benchmark measures the relay's memory and not its clients'. The
// bench bundle forks itself with `--relay-child <limits as JSON>`; `relayChildMain` is that child's entry.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startRelay, type RelayLimits, type RelayStats } from '../src/main/pairing/relay/relayServer';

type ChildRequest = { op: 'stats' } | { op: 'rss' } | { op: 'close' };
type ChildReply =
  | { op: 'ready'; port: number }
  | { op: 'stats'; stats: RelayStats }
  | { op: 'rss'; rss: number; stats: RelayStats };

const CHILD_FLAG = '--relay-child';
const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** The limits this process should run a child relay with, or null when it is not a relay child. */
export function relayChildLimits(argv: string[]): Partial<RelayLimits> | null {
  const index = argv.indexOf(CHILD_FLAG);
  return index < 0 ? null : (JSON.parse(argv[index + 1] ?? '{}') as Partial<RelayLimits>);
}

/** Runs the relay and answers questions about it over IPC until told to close. */
export async function relayChildMain(limits: Partial<RelayLimits>): Promise<void> {
  const relay = await startRelay({ host: '127.0.0.1', port: 0, log: quietLog, limits });
  const send = (reply: ChildReply) => process.send?.(reply);
  process.on('message', (request: ChildRequest) => {
    if (request.op === 'stats') send({ op: 'stats', stats: relay.stats() });
    if (request.op === 'rss') {
      globalThis.gc?.();
      send({ op: 'rss', rss: process.memoryUsage().rss, stats: relay.stats() });
    }
    if (request.op === 'close') void relay.close().then(() => process.disconnect());
  });
  send({ op: 'ready', port: relay.port });
}

function ask<R extends ChildReply>(child: ChildProcess, request: ChildRequest, op: R['op']): Promise<R> {
  return new Promise((resolve) => {
    const onMessage = (reply: ChildReply) => {
      if (reply.op !== op) return;
      child.off('message', onMessage);
      resolve(reply as R);
    };
    child.on('message', onMessage);
    child.send(request);
  });
}

export interface RelayChild {
  url: string;
  stats(): Promise<RelayStats>;
  /** Resident memory after a full garbage collection. */
  rss(): Promise<{ rss: number; stats: RelayStats }>;
  close(): Promise<void>;
}

/** Forks this bundle as a relay child with `limits`. */
export async function startRelayChild(limits: Partial<RelayLimits> = {}): Promise<RelayChild> {
  const child = fork(fileURLToPath(import.meta.url), [CHILD_FLAG, JSON.stringify(limits)], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const ready = await new Promise<{ port: number }>((resolve) =>
    child.once('message', (reply: ChildReply) => reply.op === 'ready' && resolve(reply)),
  );
  return {
    url: `ws://127.0.0.1:${ready.port}/relay`,
    stats: async () => (await ask<{ op: 'stats'; stats: RelayStats }>(child, { op: 'stats' }, 'stats')).stats,
    rss: () => ask<{ op: 'rss'; rss: number; stats: RelayStats }>(child, { op: 'rss' }, 'rss'),
    close: async () => {
      child.send({ op: 'close' } satisfies ChildRequest);
      const code = await exited;
      if (code !== 0) throw new Error(`the relay child exited with ${code}`);
    },
  };
}
