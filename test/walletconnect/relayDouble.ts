import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { RelayMailbox } from './relayMailbox';
import { parseRelayCall, RelayCallError, type PublishParams, type RelayCall } from './relayCalls';

/**
 * A WalletConnect relay on 127.0.0.1 for tests: the relay's WebSocket JSON-RPC (irn_* and the two session
 * publish methods sign-client 2.25 sends), enough for `@walletconnect/core` on both ends. It routes the
 * encrypted envelopes it is given and reads none of them, as the real relay does.
 */
export interface RelayDouble {
  /** ws://127.0.0.1:<port> */
  readonly url: string;
  close(): Promise<void>;
  /** Every message published, in order, for tests to see the traffic. */
  published(): readonly PublishedMessage[];
  /** How many times a JSON-RPC method was called by any client. */
  calls(method: string): number;
  /** Ends every open socket, as a relay hiccup would; clients reconnect and what was held stays held. */
  dropConnections(): void;
  /** While on, every socket is ended and new connections are cut before the handshake (no internet). */
  refuseConnections(on: boolean): void;
}

export interface PublishedMessage {
  readonly topic: string;
  readonly tag: number;
  readonly at: number;
}

export interface RelayDoubleOptions {
  /** Largest frame a client may send, in bytes. */
  maxFrameBytes?: number;
  maxSockets?: number;
  maxSubscriptionsPerSocket?: number;
  maxMessagesPerTopic?: number;
  /** Messages a batch fetch returns at once; the rest are announced with `hasMore`. */
  fetchPageSize?: number;
  /** WebSocket pings keep core's heartbeat from declaring the connection stalled. */
  pingIntervalMs?: number;
}

const DEFAULTS: Required<RelayDoubleOptions> = {
  maxFrameBytes: 256 * 1024,
  maxSockets: 64,
  maxSubscriptionsPerSocket: 1000,
  maxMessagesPerTopic: 100,
  fetchPageSize: 50,
  pingIntervalMs: 10_000,
};
const PUBLISHED_KEPT = 10_000;
const TOPICS_HELD = 10_000;
const JWT = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** Tags the session publish methods give the envelopes they carry, as the SDK's own publish would. */
const TAG_SESSION_PROPOSE = 1100;
const TAG_SESSION_PROPOSE_RESPONSE = 1101;
const TAG_SESSION_SETTLE = 1102;

interface Client {
  readonly socket: WebSocket;
  /** The client's own id (its auth JWT's issuer), which stays the same across its reconnects. */
  readonly id: string;
  /** topic → subscription id */
  readonly subscriptions: Map<string, string>;
  /** relay-side request id → the held message it delivered, until the client acknowledges it */
  readonly awaitingAck: Map<number, { topic: string; message: string }>;
}

export async function startRelayDouble(options: RelayDoubleOptions = {}): Promise<RelayDouble> {
  const limits = { ...DEFAULTS, ...options };
  const mailbox = new RelayMailbox({ messagesPerTopic: limits.maxMessagesPerTopic, topics: TOPICS_HELD });
  const clients = new Set<Client>();
  const published: PublishedMessage[] = [];
  const callCounts = new Map<string, number>();
  let refusing = false;
  let nextDeliveryId = Date.now() * 1000;

  const http = createServer((_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes });

  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (refusing) return void socket.destroy();
    const refusal = admission(request, clients.size, limits.maxSockets);
    if (refusal !== undefined) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => accept(ws, clientIdentity(request)));
  });

  function accept(socket: WebSocket, id: string): void {
    const client: Client = { socket, id, subscriptions: new Map(), awaitingAck: new Map() };
    clients.add(client);
    socket.on('message', (data: RawData) => onFrame(client, rawText(data)));
    socket.on('close', () => clients.delete(client));
    // A frame over maxPayload ends the socket with 1009; the error that precedes it is expected, not a crash.
    socket.on('error', () => clients.delete(client));
  }

  function onFrame(client: Client, text: string): void {
    let call: RelayCall | { response: { id: number; result?: unknown } };
    try {
      call = parseRelayCall(text);
    } catch (error) {
      const { code, message, id } = asCallError(error);
      return send(client, { id: id ?? null, jsonrpc: '2.0', error: { code, message } });
    }
    if ('response' in call) return acknowledged(client, call.response.id);
    callCounts.set(call.method, (callCounts.get(call.method) ?? 0) + 1);
    try {
      send(client, { id: call.id, jsonrpc: '2.0', result: answer(client, call) });
    } catch (error) {
      const { code, message } = asCallError(error);
      send(client, { id: call.id, jsonrpc: '2.0', error: { code, message } });
    }
  }

  function answer(client: Client, call: RelayCall): unknown {
    switch (call.method) {
      case 'irn_subscribe':
        return subscribe(client, [call.params.topic])[0];
      case 'irn_batchSubscribe':
        return subscribe(client, call.params.topics);
      case 'irn_unsubscribe':
        client.subscriptions.delete(call.params.topic);
        return true;
      case 'irn_batchUnsubscribe':
        for (const { topic } of call.params.subscriptions) client.subscriptions.delete(topic);
        return true;
      case 'irn_publish':
        publish(client, call.params);
        return true;
      case 'irn_batchPublish':
        for (const message of call.params.messages) publish(client, message);
        return true;
      case 'irn_batchFetchMessages':
        return fetchHeld(call.params.topics);
      case 'wc_proposeSession': {
        const { pairingTopic, sessionProposal, ttl, attestation } = call.params;
        // sign-client created the pairing without subscribing and relies on this call to subscribe the dApp.
        subscribe(client, [pairingTopic]);
        publish(client, {
          topic: pairingTopic,
          message: sessionProposal,
          ttl,
          tag: TAG_SESSION_PROPOSE,
          attestation,
        });
        return true;
      }
      case 'wc_approveSession': {
        const { pairingTopic, sessionTopic, sessionProposalResponse, sessionSettlementRequest, ttl } =
          call.params;
        const response = sessionProposalResponse;
        // Likewise the wallet to the session topic, which sign-client registered without subscribing.
        subscribe(client, [sessionTopic]);
        publish(client, { topic: pairingTopic, message: response, ttl, tag: TAG_SESSION_PROPOSE_RESPONSE });
        publish(client, {
          topic: sessionTopic,
          message: sessionSettlementRequest,
          ttl,
          tag: TAG_SESSION_SETTLE,
        });
        return true;
      }
    }
  }

  function subscribe(client: Client, topics: readonly string[]): string[] {
    const added = topics.filter((topic) => !client.subscriptions.has(topic));
    if (client.subscriptions.size + added.length > limits.maxSubscriptionsPerSocket) {
      throw new RelayCallError(-32000, `Too many subscriptions: at most ${limits.maxSubscriptionsPerSocket}`);
    }
    const ids = topics.map((topic) => {
      const id = client.subscriptions.get(topic) ?? sha256(`${topic}:${client.id}`);
      client.subscriptions.set(topic, id);
      return id;
    });
    // After the answer, so the client knows the subscription before its first delivery arrives.
    setImmediate(() => {
      for (const topic of added) {
        for (const held of mailbox.peek(topic)) if (held.from !== client.id) deliver(client, held);
      }
    });
    return ids;
  }

  function publish(from: Client, params: PublishParams): void {
    const at = Date.now();
    const held = {
      ...params,
      tag: params.tag ?? 0,
      from: from.id,
      publishedAt: at,
      expiresAt: at + params.ttl * 1000,
    };
    published.push({ topic: params.topic, tag: held.tag, at });
    if (published.length > PUBLISHED_KEPT) published.shift();
    mailbox.hold(held);
    for (const client of clients) {
      if (client.id !== from.id && client.subscriptions.has(params.topic)) deliver(client, held);
    }
  }

  function deliver(client: Client, held: ReturnType<RelayMailbox['peek']>[number]): void {
    const id = nextDeliveryId++;
    const subscription = client.subscriptions.get(held.topic);
    if (subscription === undefined) return;
    client.awaitingAck.set(id, { topic: held.topic, message: held.message });
    const { topic, message, publishedAt, tag, attestation } = held;
    send(client, {
      id,
      jsonrpc: '2.0',
      method: 'irn_subscription',
      params: { id: subscription, data: { topic, message, publishedAt, tag, attestation } },
    });
  }

  function acknowledged(client: Client, id: number): void {
    const delivered = client.awaitingAck.get(id);
    if (delivered === undefined) return;
    client.awaitingAck.delete(id);
    mailbox.take(delivered.topic, delivered.message);
  }

  function fetchHeld(topics: readonly string[]): { messages: unknown[]; hasMore: boolean } {
    const all = topics.flatMap((topic) => mailbox.peek(topic));
    const page = all.slice(0, limits.fetchPageSize);
    for (const held of page) mailbox.take(held.topic, held.message);
    const messages = page.map(({ topic, message, publishedAt, tag, attestation }) => ({
      topic,
      message,
      publishedAt,
      tag,
      attestation,
    }));
    return { messages, hasMore: all.length > page.length };
  }

  function send(client: Client, payload: unknown): void {
    if (client.socket.readyState === client.socket.OPEN) client.socket.send(JSON.stringify(payload));
  }

  function endAll(): void {
    for (const client of clients) client.socket.terminate();
    clients.clear();
  }

  const pinger = setInterval(() => {
    for (const client of clients) client.socket.ping();
  }, limits.pingIntervalMs);
  pinger.unref();

  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const { port } = http.address() as { port: number };

  return {
    url: `ws://127.0.0.1:${port}`,
    async close() {
      clearInterval(pinger);
      endAll();
      wss.close();
      http.closeAllConnections();
      http.close();
      await once(http, 'close');
    },
    published: () => [...published],
    calls: (method) => callCounts.get(method) ?? 0,
    dropConnections: endAll,
    refuseConnections(on) {
      refusing = on;
      if (on) endAll();
    },
  };
}

/**
 * The real relay refuses a connection without a project id; the exact status it uses is not documented in
 * what we could read, so the double answers 401 and names the reason in tests that check it.
 */
function admission(request: IncomingMessage, open: number, maxSockets: number): string | undefined {
  const query = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams;
  const projectId = query.get('projectId');
  if (projectId === null || projectId.length === 0 || projectId.length > 128) return '401 Unauthorized';
  if (!JWT.test(query.get('auth') ?? '')) return '401 Unauthorized';
  if (open >= maxSockets) return '503 Service Unavailable';
  return undefined;
}

/** The issuer of the client's auth JWT (its did:key), or a fresh id when the token names none. */
function clientIdentity(request: IncomingMessage): string {
  const auth = new URL(request.url ?? '/', 'ws://127.0.0.1').searchParams.get('auth') ?? '';
  try {
    const claims = JSON.parse(Buffer.from(auth.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    const issuer =
      typeof claims === 'object' && claims !== null ? (claims as { iss?: unknown }).iss : undefined;
    if (typeof issuer === 'string' && issuer.length > 0 && issuer.length <= 256) return issuer;
  } catch {
    // Not JSON: the token is still accepted, as the double does not check signatures.
  }
  return randomUUID();
}

function asCallError(error: unknown): RelayCallError {
  return error instanceof RelayCallError ? error : new RelayCallError(-32603, 'Internal error');
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
