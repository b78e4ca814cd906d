import type { Database } from 'better-sqlite3';
import { ApiError } from '../../../shared/api/envelope';
import type { BrowsersView } from '../../../shared/dapps';
import type { EventHub } from '../../api/events';
import type { Logger } from '../../log';
import type { KeyPair } from '../../../shared/pairing/noise';
import type { Vault } from '../../vault/vault';
import type { DappGateway } from '../dappGateway';
import { BridgeConnection } from './bridgeConnection';
import {
  DEFAULT_BRIDGE_LIMITS,
  startBridgeServer,
  type BridgeLimits,
  type BridgeServer,
} from './bridgeServer';
import { OnlineBrowsers, type BrowserLink } from './browserLink';
import { BrowserPairing } from './browserPairing';
import { browsersHandlers, type BrowsersHandlers } from './browsersHandlers';
import { PairedBrowsers } from './pairedBrowsers';
import { PairedBrowsersRepository } from './pairedBrowsersRepository';
import { CLOSE_NOT_PAIRED } from '../../../shared/bridge/bridgeSocket';
import { DEFAULT_DISPATCH_LIMITS, RequestDispatch, type DispatchLimits } from './requestDispatch';

export const DEFAULT_BRIDGE_PORT = 47391;

export interface ExtensionBridgeOptions {
  db: Database;
  vault: Pick<Vault, 'get' | 'put' | 'delete'>;
  events: EventHub;
  log: Logger;
  /** The loopback port extensions connect to; 0 picks a free one (tests). */
  port: number;
  desktopName: string;
  /**
   * The desktop's static X25519 key, the same `S_d` phones pin (the phone pairing's PairingKeys), handed in
   * by the composition root so the desktop has one identity.
   */
  desktopKey(): Promise<KeyPair>;
  gateway: Pick<DappGateway, 'handle' | 'windowEthereumOrigins'>;
  now?: () => number;
  limits?: Partial<BridgeLimits & DispatchLimits>;
}

export interface ExtensionBridge {
  link: BrowserLink;
  handlers: BrowsersHandlers;
  /** Listens; a port that is taken is reported in `browsers.status`, never thrown. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** The paired browsers, their pairing, and the loopback socket they reach the dApp service through. */
export function createExtensionBridge(options: ExtensionBridgeOptions): ExtensionBridge {
  const { db, vault, events, log, gateway, desktopName } = options;
  const now = options.now ?? Date.now;
  const limits = { ...DEFAULT_BRIDGE_LIMITS, ...DEFAULT_DISPATCH_LIMITS, ...options.limits };
  const browsers = new PairedBrowsers(new PairedBrowsersRepository(db), vault, now);
  const online = new OnlineBrowsers();
  const dispatch = new RequestDispatch(gateway, limits, now, log);
  const pairing = new BrowserPairing({ now, changed: () => void changed() });
  const sockets = new Set<BridgeConnection>();
  let server: BridgeServer | null = null;
  let error: string | null = null;
  let ping: ReturnType<typeof setInterval> | null = null;
  // The core closes the database right after asking the bridge to close; sockets that end after that must
  // not write or emit.
  let closing = false;

  const context = {
    desktopKey: () => options.desktopKey(),
    pairing,
    browsers,
    dispatch,
    desktopName: desktopName.slice(0, 60),
    windowEthereum: () => gateway.windowEthereumOrigins(),
    log,
    online(browser: BridgeConnection) {
      // One socket per browser: a second one (a restarted service worker) replaces the first.
      for (const other of sockets)
        if (other !== browser && other.browserId === browser.browserId) other.close(1000);
      online.add(browser);
      changed();
    },
    offline(browser: BridgeConnection) {
      online.remove(browser);
      if (closing) return;
      browsers.seen(browser.browserId);
      changed();
    },
  };

  function view(): BrowsersView {
    return {
      bridge: { listening: server !== null, port: server?.port ?? options.port, error },
      pairing: pairing.view(),
      paired: browsers.views((id) => online.isOnline(id)),
    };
  }

  function changed(): BrowsersView {
    const current = view();
    events.emit('browsers.changed', current);
    return current;
  }

  async function startPairing(): Promise<BrowsersView> {
    if (!server) throw new ApiError('invalid_state', error ?? 'The browser bridge is not running.');
    pairing.start((await options.desktopKey()).publicKey, server.port);
    return changed();
  }

  function revoke(id: string): BrowsersView {
    if (!browsers.remove(id)) throw new ApiError('not_found', 'That browser is not paired with this wallet.');
    for (const socket of sockets) if (socket.browserId === id) socket.close(CLOSE_NOT_PAIRED);
    return changed();
  }

  return {
    link: online,
    handlers: browsersHandlers({
      status: view,
      startPairing,
      confirmPairing: async (id, matches) => {
        await pairing.confirm(id, matches);
        return changed();
      },
      cancelPairing: (id) => {
        pairing.cancel(id);
        return changed();
      },
      revoke,
    }),
    async start() {
      try {
        server = await startBridgeServer({
          port: options.port,
          log,
          limits,
          accept: (socket) => {
            const connection = new BridgeConnection(socket, context);
            sockets.add(connection);
            return {
              receive: (frame) => connection.receive(frame),
              closed: () => {
                sockets.delete(connection);
                connection.closed();
              },
              close: (code) => connection.close(code),
              get verified() {
                return connection.verified;
              },
            };
          },
        });
        error = null;
        ping = setInterval(() => online.broadcast({ t: 'ping' }), limits.pingMs);
        ping.unref();
      } catch (cause) {
        error = listenError(options.port, cause);
        log.warn('the browser bridge could not start', { reason: error });
      }
      changed();
    },
    async close() {
      closing = true;
      if (ping) clearInterval(ping);
      pairing.end();
      await server?.close();
      server = null;
    },
  };
}

function listenError(port: number, cause: unknown): string {
  const code = (cause as { code?: string }).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} on this computer is taken by another program, so browsers cannot connect. Close that program, or start Ledgerline with WALLET_BRIDGE_PORT set to a free port, and restart.`;
  }
  return `The browser bridge could not listen on port ${port}: ${cause instanceof Error ? cause.message : String(cause)}`;
}
