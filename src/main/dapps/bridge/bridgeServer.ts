import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { BRIDGE_SUBPROTOCOL } from '../../../shared/bridge/bridgeKeys';
import { MAX_FRAME_LENGTH } from '../../../shared/pairing/secureChannel';
import type { Logger } from '../../log';
import type { Socket } from './bridgeConnection';
import { FixedWindow } from './fixedWindow';

export interface BridgeLimits {
  /** Sockets open at once, verified or not. */
  sockets: number;
  /** Frames one socket may send per second before it is closed. */
  framesPerSecond: number;
  /** From the upgrade to the proof of the pre-shared key. */
  handshakeMs: number;
  pingMs: number;
}

export const DEFAULT_BRIDGE_LIMITS: BridgeLimits = {
  sockets: 16,
  framesPerSecond: 400,
  handshakeMs: 5_000,
  pingMs: 20_000,
};

/** What the server hands each accepted socket to, and hears back from. */
export interface SocketHandler {
  receive(frame: Uint8Array): void;
  closed(): void;
  close(code: number): void;
  readonly verified: boolean;
}

export interface BridgeServerOptions {
  port: number;
  log: Logger;
  limits: BridgeLimits;
  accept(socket: Socket): SocketHandler;
}

export interface BridgeServer {
  port: number;
  close(): Promise<void>;
}

/** Only an extension's own pages and workers send these: a web page cannot name one. */
const EXTENSION_ORIGIN = /^(?:chrome-extension:\/\/[a-p]{32}|moz-extension:\/\/[0-9a-f-]{36})$/;

const bytesOf = (data: RawData): Uint8Array =>
  Array.isArray(data) ? Buffer.concat(data) : data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/**
 * The loopback WebSocket extensions connect to: 127.0.0.1 only, binary frames of at most one sealed frame,
 * an extension's Origin, a bounded number of sockets, and a handshake that must finish in time.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const { log, limits } = options;
  const server = createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
    res.end('WebSocket only');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log.error('bridge server error', { error: error.message }));
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_LENGTH,
    handleProtocols: () => BRIDGE_SUBPROTOCOL,
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = !EXTENSION_ORIGIN.test(req.headers.origin ?? '')
      ? '403 Forbidden'
      : !offersProtocol(req)
        ? '426 Upgrade Required'
        : sockets.clients.size >= limits.sockets
          ? '503 Service Unavailable'
          : null;
    if (refusal) {
      log.warn('the browser bridge refused a connection', { status: refusal.slice(0, 3) });
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  function attach(ws: WebSocket) {
    const handler = options.accept({
      send: (frame) => {
        if (ws.readyState === ws.OPEN) ws.send(frame);
      },
      close: (code) => ws.close(code),
    });
    const deadline = setTimeout(() => {
      if (!handler.verified) handler.close(1008);
    }, limits.handshakeMs);
    const frames = new FixedWindow(limits.framesPerSecond, Date.now);
    ws.on('message', (data, isBinary) => {
      if (!isBinary || !frames.take()) return handler.close(1008);
      try {
        handler.receive(bytesOf(data));
      } catch (error) {
        log.error('the browser bridge failed on a frame', {
          error: error instanceof Error ? error.message : 'unknown',
        });
        handler.close(1011);
      }
    });
    // ws reports protocol violations (a frame over maxPayload, say) here and then closes the socket.
    ws.on('error', (error: Error & { code?: string }) =>
      log.warn('a bridge socket failed', { code: error.code }),
    );
    ws.on('close', () => {
      clearTimeout(deadline);
      handler.closed();
    });
  }

  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: async () => {
      for (const ws of sockets.clients) ws.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function offersProtocol(req: IncomingMessage): boolean {
  const offered = req.headers['sec-websocket-protocol'] ?? '';
  return offered.split(',').some((protocol) => protocol.trim() === BRIDGE_SUBPROTOCOL);
}
