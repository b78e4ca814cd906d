import { startRelay, type Relay, type RelayOptions } from '../../src/main/pairing/relay/relayServer';
import { RelayClient } from '../../src/shared/pairing/relayClient';
import { proveRoute, routeKey } from '../../src/shared/pairing/relayProof';
import {
  decodeServerMessage,
  RELAY_PROTOCOL,
  type RelayClientMessage,
  type RelayErrorCode,
  type RelayServerMessage,
} from '../../src/shared/pairing/relayWire';
import type { LogFields, Logger } from '../../src/main/log';

/** Fixtures for the relay's socket-level tests. */

export interface LogEntry {
  level: string;
  message: string;
  fields: LogFields;
}

export function captureLog(): { log: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const entry =
    (level: string) =>
    (message: string, fields: LogFields = {}) => {
      entries.push({ level, message, fields });
    };
  return { log: { info: entry('info'), warn: entry('warn'), error: entry('error') }, entries };
}

/**
 * Relays on 127.0.0.1 with a captured log, each closed by `closeAll` (call it from `afterEach`).
 */
export function loopbackRelays() {
  const started: Relay[] = [];
  return {
    async start(options: Omit<Partial<RelayOptions>, 'host' | 'port' | 'log'> = {}) {
      const logs = captureLog();
      const relay = await startRelay({ host: '127.0.0.1', port: 0, log: logs.log, ...options });
      started.push(relay);
      return { relay, logs };
    },
    closeAll: () => Promise.all(started.splice(0).map((relay) => relay.close())),
  };
}

export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

export type RecordedEvent =
  | { type: 'knocked'; rendezvous: Uint8Array; replyRoute: Uint8Array; handshake: Uint8Array }
  | { type: 'deliver'; route: Uint8Array; frame: Uint8Array }
  | { type: 'error'; code: RelayErrorCode; id: Uint8Array; message: string }
  | { type: 'closed' };

/** A RelayClient whose events are kept in order, for assertions. */
export async function recordingClient(
  url: string,
): Promise<{ client: RelayClient; events: RecordedEvent[] }> {
  const client = await RelayClient.connect(url);
  const events: RecordedEvent[] = [];
  client.on('knocked', (rendezvous, replyRoute, handshake) =>
    events.push({ type: 'knocked', rendezvous, replyRoute, handshake }),
  );
  client.on('deliver', (route, frame) => events.push({ type: 'deliver', route, frame }));
  client.on('error', (code, id, message) => events.push({ type: 'error', code, id, message }));
  client.on('closed', () => events.push({ type: 'closed' }));
  return { client, events };
}

/** A bare WebSocket, for sending what a RelayClient never would. */
export async function rawSocket(url: string): Promise<{
  socket: WebSocket;
  received: RelayServerMessage[];
  closed: () => number | null;
}> {
  const socket = new WebSocket(url, [RELAY_PROTOCOL]);
  socket.binaryType = 'arraybuffer';
  const received: RelayServerMessage[] = [];
  let closeCode: number | null = null;
  socket.addEventListener('message', (event: MessageEvent) => {
    received.push(decodeServerMessage(new Uint8Array(event.data as ArrayBuffer)));
  });
  socket.addEventListener('close', (event: CloseEvent) => {
    closeCode = event.code;
  });
  await new Promise<void>((resolve, reject) => {
    // Usable once the challenge is in, as for a RelayClient.
    socket.addEventListener('message', () => resolve());
    socket.addEventListener('error', () => reject(new Error('raw socket failed to connect')));
  });
  return { socket, received, closed: () => closeCode };
}

export const randomId = (): Uint8Array => crypto.getRandomValues(new Uint8Array(16));

/** A LISTEN that proves `route` to the socket whose challenge was `nonce`, as a RelayClient would send it. */
export function provenListen(
  route: Uint8Array,
  nonce: Uint8Array,
): Extract<RelayClientMessage, { op: 'listen' }> {
  const key = routeKey(route);
  return { op: 'listen', route: key.wireId, proof: proveRoute(key, nonce) };
}

/** The challenge a raw socket got first: every LISTEN on that socket signs it. */
export function challengeOf(received: RelayServerMessage[]): Uint8Array {
  const first = received[0];
  if (first?.op !== 'challenge') throw new Error('the relay did not open with a challenge');
  return first.nonce;
}
