import { Socket } from 'node:net';

/** Outbound connection attempts refused while the guard is up, as "host:port". */
export interface NetworkGuard {
  readonly attempts: string[];
  restore(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Refuses every TCP connection except to loopback, at the socket, so it catches `fetch` (undici),
 * `http`/`https` and anything else built on `net`, and records each attempt for the test to assert on.
 */
export function blockOutboundNetwork(): NetworkGuard {
  const attempts: string[] = [];
  const original = Socket.prototype.connect;
  // The overloads of `connect` cannot be restated here; the guard only reads the target out of its arguments.
  const guarded = function (this: Socket, ...args: unknown[]): Socket {
    const { host, port } = target(args);
    if (!LOOPBACK.has(host)) {
      attempts.push(`${host}:${port}`);
      process.nextTick(() => this.destroy(new Error(`Network blocked by the test: ${host}:${port}`)));
      return this;
    }
    return (original as (...rest: unknown[]) => Socket).apply(this, args);
  };
  Socket.prototype.connect = guarded as typeof Socket.prototype.connect;
  return {
    attempts,
    restore: () => {
      Socket.prototype.connect = original;
    },
  };
}

function target(args: unknown[]): { host: string; port: string } {
  const [first, second] = args;
  // connect(options[, listener]): options may arrive wrapped in an array by Node's internal normalisation.
  const options = Array.isArray(first) ? (first[0] as unknown) : first;
  if (typeof options === 'object' && options !== null) {
    const { host, port, path } = options as { host?: string; port?: number; path?: string | null };
    // Node dials a pipe only for a non-empty path; http clients (node-fetch) pass `path: null` for TCP.
    if (typeof path === 'string' && path !== '') return { host: 'localhost', port: path };
    return { host: host ?? 'localhost', port: String(port) };
  }
  return { host: typeof second === 'string' ? second : 'localhost', port: String(first) };
}
