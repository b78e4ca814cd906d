import { join } from 'node:path';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  BRIDGE_MAX_FRAME_BYTES,
  BRIDGE_PATH,
  BRIDGE_PROTOCOL,
  BridgeRequest,
  type BridgeServerFrame,
} from '../../shared/api/bridge';
import { createCore, type Core } from '../core';
import type { Logger } from '../log';
import type { DeviceSource } from '../signers/deviceSource';
import { contentSecurityPolicy } from '../security/contentSecurityPolicy';
import { createLaunchSecret, verifyUpgrade } from './bridgeAuth';
import { cacheControlFor, pathOf, readStaticFile } from '../web/staticFiles';

export interface BrowserHostOptions {
  /** 0 picks a free port. */
  port: number;
  /** The loopback port browser extensions connect to; a free one when absent. */
  bridgePort?: number;
  rendererDir: string;
  dataDir: string;
  app: { name: string; version: string };
  log: Logger;
  /** The hardware signers to watch; the launcher passes the real ones, end-to-end tests an emulator. */
  deviceSources?: readonly DeviceSource[];
  /** The demo host's shorter floor between value snapshots (CoreOptions); the app's minute when absent. */
  valueSnapshotFloorMs?: number;
}

export interface BrowserHost {
  origin: string;
  /** The URL to open: carries the launch secret in the fragment, which browsers never send to a server. */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = '127.0.0.1';

/**
 * Dev and test entry: the same core services and router as the Electron shell, with the renderer served to a
 * browser on loopback and the contract bridged over an authenticated WebSocket.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = createLaunchSecret();
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOOPBACK, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${LOOPBACK}:${port}`;

  let core: Core;
  try {
    core = createCore({
      dataDir: options.dataDir,
      app: { ...options.app, host: 'browser' },
      electronVersion: null,
      trustedOrigins: [origin],
      log: options.log,
      deviceSources: options.deviceSources,
      bridgePort: options.bridgePort,
      valueSnapshotFloorMs: options.valueSnapshotFloorMs,
      // The companion is built beside the renderer; the phone relay serves it to the phone.
      pairing: { companionDir: join(options.rendererDir, '..', 'companion') },
    });
  } catch (error) {
    server.close();
    throw error;
  }

  const headers = {
    'Content-Security-Policy': contentSecurityPolicy({ connectSrc: [`ws://${LOOPBACK}:${port}`] }),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    void serveStatic(req, res);
  });

  async function serveStatic(req: IncomingMessage, res: ServerResponse) {
    if (req.headers.host !== `${LOOPBACK}:${port}`) return reply(res, 403, 'Forbidden');
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(res, 405, 'Method not allowed');
    const path = pathOf(req);
    const file = path === null ? null : await readStaticFile(options.rendererDir, path);
    if (!file) return reply(res, 404, 'Not found');
    res.writeHead(200, {
      ...headers,
      'Cache-Control': cacheControlFor(path ?? ''),
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: BRIDGE_MAX_FRAME_BYTES,
    handleProtocols: (protocols) => (protocols.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = pathOf(req);
    const protocols = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    const verdict =
      path === BRIDGE_PATH
        ? verifyUpgrade({ host: req.headers.host, origin: req.headers.origin, protocols }, { origin, secret })
        : ({ ok: false, status: 403, reason: 'unknown path' } as const);
    if (!verdict.ok) {
      options.log.warn('bridge connection refused', { reason: verdict.reason });
      socket.end(
        `HTTP/1.1 ${verdict.status} ${verdict.status === 401 ? 'Unauthorized' : 'Forbidden'}\r\n\r\n`,
      );
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws, req.headers.origin ?? null));
  });

  function attach(ws: WebSocket, senderOrigin: string | null) {
    const send = (frame: BridgeServerFrame) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
    };
    const unsubscribe = core.events.subscribe((name, payload) => send({ kind: 'event', name, payload }));
    ws.on('close', unsubscribe);
    ws.on('error', (error) => options.log.warn('bridge socket error', { error: error.message }));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void handle(data, isBinary).then(send);
    });

    async function handle(data: RawData, isBinary: boolean): Promise<BridgeServerFrame> {
      const malformed = (message: string): BridgeServerFrame => ({
        kind: 'result',
        id: null,
        result: { ok: false, error: { code: 'invalid_request', message } },
      });
      if (isBinary) return malformed('Bridge frames must be JSON text.');
      let json: unknown;
      try {
        json = JSON.parse(data.toString());
      } catch {
        return malformed('Bridge frame is not valid JSON.');
      }
      const frame = BridgeRequest.safeParse(json);
      if (!frame.success) return malformed('Bridge frame must be {id, channel, payload}.');
      const { id, channel, payload } = frame.data;
      const result = await core.router.invoke(channel, payload, { origin: senderOrigin, isMainFrame: true });
      return { kind: 'result', id, result };
    }
  }

  return {
    origin,
    url: `${origin}/#secret=${secret}`,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      core.close();
    },
  };
}

function reply(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(text);
}
