import { Socket } from 'node:net';

/** Hosts a test may reach: this machine. */
const LOOPBACK = /^(?:127\.\d{1,3}\.\d{1,3}\.\d{1,3}|localhost|::1|\[::1\]|::ffff:127\.0\.0\.1)$/i;

export interface NetworkGuard {
  /** Every non-loopback target something in this process tried, as `fetch <url>` or `connect <host>:<port>`. */
  readonly attempts: readonly string[];
  /** Puts fetch and the socket layer back as they were. */
  restore(): void;
}

/** The host a `Socket#connect` call names, in any of its forms; null for a local path (a pipe). */
function connectTarget(args: unknown[]): string | null {
  const [first, second] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first)))
    return `${typeof second === 'string' ? second : 'localhost'}:${first}`;
  if (Array.isArray(first)) return connectTarget(first);
  if (first !== null && typeof first === 'object') {
    const options = first as { path?: unknown; host?: unknown; port?: unknown };
    if (typeof options.path === 'string') return null;
    return `${typeof options.host === 'string' ? options.host : 'localhost'}:${String(options.port)}`;
  }
  return null;
}

function isLoopback(hostAndPort: string): boolean {
  return LOOPBACK.test(hostAndPort.slice(0, hostAndPort.lastIndexOf(':')));
}

/**
 * Fails every request that would leave this machine, and records it, so a test can assert none happened.
 * WalletConnect calls the global fetch for Verify, telemetry and push, and opens its relay socket through
 * `ws` or the global WebSocket: every one of them, and undici's fetch, ends in `net.Socket#connect` (TLS
 * sockets too), so the guard sits there as well as on fetch.
 */
export function guardNetwork(): NetworkGuard {
  const attempts: string[] = [];
  const realFetch = globalThis.fetch;
  const realConnect = Socket.prototype.connect;

  globalThis.fetch = async (input, init) => {
    const target = new URL(input instanceof Request ? input.url : String(input));
    if (!LOOPBACK.test(target.hostname)) {
      attempts.push(`fetch ${target.origin}${target.pathname}`);
      throw new TypeError('fetch failed: this test has no network');
    }
    return realFetch(input, init);
  };
  Socket.prototype.connect = function connect(this: Socket, ...args: unknown[]) {
    const target = connectTarget(args);
    if (target !== null && !isLoopback(target)) {
      attempts.push(`connect ${target}`);
      process.nextTick(() => this.destroy(new Error(`connect ${target}: this test has no network`)));
      return this;
    }
    return (realConnect as (...a: unknown[]) => Socket).apply(this, args);
  } as typeof Socket.prototype.connect;

  return {
    attempts,
    restore() {
      globalThis.fetch = realFetch;
      Socket.prototype.connect = realConnect;
    },
  };
}
