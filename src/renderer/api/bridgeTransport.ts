import {
  BRIDGE_AUTH_PREFIX,
  BRIDGE_PATH,
  BRIDGE_PROTOCOL,
  BridgeServerFrame,
  type BridgeRequest,
} from '../../shared/api/bridge';
import type { Channel, EventName } from '../../shared/api/contract';
import { Envelope } from '../../shared/api/envelope';
import type { Transport } from './transport';

const SECRET_KEY = 'ledgerline.bridge.secret';
const RECONNECT_FIRST_MS = 1_000;
const RECONNECT_MAX_MS = 30_000;
/** Every call is local and small; a host that accepts a frame and never answers has hung. */
const CALL_TIMEOUT_MS = 30_000;

/**
 * Reads the launch secret from the URL fragment the host printed, then removes it from the address bar and
 * keeps it in sessionStorage (per tab, per origin) so a reload still connects.
 */
export function takeLaunchSecret(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)secret=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(SECRET_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(SECRET_KEY);
}

export class BridgeUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BridgeUnavailableError';
  }
}

interface Pending {
  resolve(envelope: Envelope<unknown>): void;
  reject(error: Error): void;
}

/** Carries the contract over the browser host's authenticated WebSocket. */
export function bridgeTransport(origin: string, secret: string): Transport {
  const url = `${origin.replace(/^http/, 'ws')}${BRIDGE_PATH}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: Promise<WebSocket> | null = null;
  let reconnectDelay = RECONNECT_FIRST_MS;

  function connect(): Promise<WebSocket> {
    socket ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, [BRIDGE_PROTOCOL, `${BRIDGE_AUTH_PREFIX}${secret}`]);
      ws.addEventListener('open', () => {
        reconnectDelay = RECONNECT_FIRST_MS;
        resolve(ws);
      });
      ws.addEventListener('message', (event) => receive(event.data));
      ws.addEventListener('close', () => {
        socket = null;
        const error = new BridgeUnavailableError('The connection to the wallet host closed.');
        reject(error);
        for (const request of pending.values()) request.reject(error);
        pending.clear();
        // Subscribers expect pushes to keep coming after the laptop wakes; back off so a host that is gone
        // (or restarted with a new secret) is not hammered.
        if ([...listeners.values()].some((set) => set.size > 0)) {
          setTimeout(() => void connect().catch(() => undefined), reconnectDelay);
          reconnectDelay = Math.min(reconnectDelay * 2, RECONNECT_MAX_MS);
        }
      });
    });
    return socket;
  }

  function receive(data: unknown) {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const frame = BridgeServerFrame.safeParse(json);
    if (!frame.success) return;
    if (frame.data.kind === 'event') {
      for (const listener of listeners.get(frame.data.name as EventName) ?? []) listener(frame.data.payload);
      return;
    }
    if (frame.data.id === null) return;
    const request = pending.get(frame.data.id);
    pending.delete(frame.data.id);
    const envelope = Envelope.safeParse(frame.data.result);
    if (!request) return;
    if (envelope.success) request.resolve(envelope.data as Envelope<unknown>);
    else request.reject(new Error('The wallet host sent a reply that is not an envelope.'));
  }

  return {
    async invoke(channel: Channel, payload: unknown) {
      const ws = await connect();
      const id = nextId++;
      const frame: BridgeRequest = { id, channel, payload };
      return new Promise<Envelope<unknown>>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new BridgeUnavailableError(`The wallet host did not answer ${channel} in time.`));
        }, CALL_TIMEOUT_MS);
        const settle =
          <T>(fn: (value: T) => void) =>
          (value: T) => {
            clearTimeout(timer);
            fn(value);
          };
        pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
        ws.send(JSON.stringify(frame));
      });
    },
    subscribe(name: EventName, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener);
      listeners.set(name, set);
      void connect().catch(() => undefined);
      return () => set.delete(listener);
    },
  };
}
