import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { RELAY_MAX_MESSAGE_BYTES, RELAY_PROTOCOL } from '../../../shared/pairing/relayWire';
import type { Logger } from '../../log';
import { contentSecurityPolicy } from '../../security/contentSecurityPolicy';
import { pathOf, readStaticFile } from '../../web/staticFiles';
import { DEFAULT_RELAY_LIMITS, RelayCore, type RelayLimits } from './relayCore';

export type { RelayLimits } from './relayCore';

export const RELAY_PATH = '/relay';

export interface RelayOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** The built phone companion, served on the relay's port so the QR code's http:// URL opens it. */
  companionDir?: string;
  log: Logger;
  limits?: Partial<RelayLimits>;
  now?: () => number;
}

export interface RelayStats {
  sockets: number;
  routes: number;
  rendezvous: number;
  queuedFrames: number;
  queuedBytes: number;
  handled: number;
}

export interface Relay {
  /** Where the phone loads the companion: http://host:port/ */
  url: string;
  /** ws://host:port/relay */
  wsUrl: string;
  port: number;
  close(): Promise<void>;
  stats(): RelayStats;
}

const NOT_BUILT_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Ledgerline</title>' +
  '<p>The phone companion is not available in this build of Ledgerline. Pair from a build that includes it.</p>';
/** The ws Host header the CSP may name; anything else falls back to 'self' alone. */
const HOST_HEADER = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

const bytesOf = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/**
 * The LAN relay: one HTTP port serving the phone companion and, on /relay, the binary WebSocket protocol of
 * `relayWire`. It holds no secrets and sees only opaque ids and sealed frames.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const { log } = options;
  const now = options.now ?? Date.now;
  const limits = { ...DEFAULT_RELAY_LIMITS, ...options.limits };
  const core = new RelayCore(limits, log, now);

  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error('relay server error', { error: error.message }));
  const { port } = server.address() as AddressInfo;
  const authority = options.host.includes(':') ? `[${options.host}]:${port}` : `${options.host}:${port}`;

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    serveCompanion(req, res).catch((error: unknown) => {
      log.error('relay could not serve the companion', {
        error: error instanceof Error ? error.name : 'unknown',
      });
      if (!res.headersSent) reply(res, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.destroy();
    });
  });

  async function serveCompanion(req: IncomingMessage, res: ServerResponse) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return reply(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    }
    const dir = options.companionDir;
    if (!dir || !(await isDirectory(dir))) return reply(res, 503, 'text/html; charset=utf-8', NOT_BUILT_PAGE);
    const path = pathOf(req);
    const file = path === null ? null : await readStaticFile(dir, path);
    if (!file) return reply(res, 404, 'text/plain; charset=utf-8', 'Not found');
    const host = req.headers.host;
    const connectSrc = host && HOST_HEADER.test(host) ? ["'self'", `ws://${host}`] : ["'self'"];
    res.writeHead(200, {
      ...securityHeaders,
      'Content-Security-Policy': contentSecurityPolicy({ connectSrc }),
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: RELAY_MAX_MESSAGE_BYTES,
    handleProtocols: () => RELAY_PROTOCOL,
  });
  // The companion page's own origin. A browser names the page that opens a socket; any other page (a site
  // the phone or the desktop visits) has no business on the relay. Native clients send no Origin at all.
  const ownOrigin = `http://${authority}`;

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const address = req.socket.remoteAddress ?? 'unknown';
    const refusal =
      pathOf(req) !== RELAY_PATH
        ? '404 Not Found'
        : req.headers.origin !== undefined && req.headers.origin !== ownOrigin
          ? '403 Forbidden'
          : !offersRelayProtocol(req)
            ? '426 Upgrade Required'
            : !core.admits(address)
              ? '429 Too Many Requests'
              : null;
    if (refusal) {
      core.refused('relay refused a connection', refusal.slice(0, 3));
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const ownHost = address === req.socket.localAddress;
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, address, ownHost));
  });

  function attach(ws: WebSocket, address: string, ownHost: boolean) {
    const peer = core.attach({
      address,
      ownHost,
      send: (message) => {
        if (ws.readyState !== ws.OPEN) return;
        // A peer that stops reading would otherwise make the relay buffer everything sent to its routes.
        if (ws.bufferedAmount > limits.socketBufferBytes) {
          log.warn('relay dropped a connection that stopped reading');
          ws.terminate();
          return;
        }
        ws.send(message);
      },
      close: (code, reason) => ws.close(code, reason),
    });
    log.info('relay connection opened', { sockets: core.stats().sockets });
    ws.on('message', (data, isBinary) => {
      try {
        if (isBinary) peer.receive(bytesOf(data));
        else peer.refuse('relay messages are binary, not text');
      } catch (error) {
        log.error('relay failed to handle a message', {
          error: error instanceof Error ? error.name : 'unknown',
        });
        ws.terminate();
      }
    });
    // ws reports protocol violations (such as a message over maxPayload) here and then closes the socket.
    ws.on('error', (error: Error & { code?: string }) => core.refused('relay socket error', error.code));
    ws.on('close', () => {
      peer.detach();
      log.info('relay connection closed', { sockets: core.stats().sockets });
    });
  }

  const sweeper = setInterval(() => core.sweep(), limits.sweepIntervalMs);
  sweeper.unref();

  return {
    url: `http://${authority}/`,
    wsUrl: `ws://${authority}${RELAY_PATH}`,
    port,
    stats: () => core.stats(),
    close: async () => {
      clearInterval(sweeper);
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** A client that does not name this wire version would speak another one (PROTOCOL.md section 7.1). */
function offersRelayProtocol(req: IncomingMessage): boolean {
  const offered = req.headers['sec-websocket-protocol'] ?? '';
  return offered.split(',').some((protocol) => protocol.trim() === RELAY_PROTOCOL);
}

const securityHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

function reply(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, {
    ...securityHeaders,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
