import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatedTrezor } from './emulatedTrezor';
import { decodeFrame, encodeFrame, MAX_FRAME_BYTES } from './trezorWire';

/** What `/enumerate` and `/listen` report for one device, in Trezor Bridge's JSON shape. */
interface Descriptor {
  path: string;
  session: string | null;
  product: number;
  vendor: number;
  debug: boolean;
  debugSession: null;
}

/** Hex doubles the frame; the rest is slack for a JSON descriptor list. */
const MAX_BODY_BYTES = MAX_FRAME_BYTES * 2 + 1024;
/** Open `/listen` long polls at once; TrezorConnect keeps one, so more means a leak. */
const MAX_LISTENERS = 8;
const DEVICE_PATH = '1';
/** Trezor's USB ids (SatoshiLabs vendor, Model T and later). */
const TREZOR_VENDOR = 0x1209;
const TREZOR_PRODUCT = 0x53c1;

/**
 * A test double of Trezor Bridge (trezord) on a free 127.0.0.1 port, serving one EmulatedTrezor at a time over the
 * Bridge HTTP API v3 with the legacy "bridge" framing, so the real TrezorConnect BridgeTransport drives it.
 * The API it serves is described in test/trezor/README.md.
 */
export class TestTrezorBridge {
  /** Endpoints called, in order (`/call` with the message type), so tests can see the host's traffic. */
  readonly log: string[] = [];
  private readonly server: Server;
  /** The device plugged in, if any. */
  private device: EmulatedTrezor | null = null;
  private session: string | null = null;
  private sessionCounter = 0;
  private listeners: ((descriptors: Descriptor[]) => void)[] = [];
  /** Calls in flight; unplugging fails them as the real bridge does. */
  private readonly inFlight = new Set<() => void>();
  /** The device's answer to a posted message, kept for the `/read` that fetches it. */
  private unread: string | null = null;

  constructor() {
    this.server = createServer((request, response) => void this.handle(request, response));
  }

  async start(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', resolve);
    });
    return (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.notify([]);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  plugIn(device: EmulatedTrezor): void {
    this.device = device;
    this.notify(this.descriptors());
  }

  /** Another application (Trezor Suite) acquires the device, or lets it go again. */
  setUsedElsewhere(elsewhere: boolean): void {
    this.session = elsewhere ? `elsewhere-${++this.sessionCounter}` : null;
    this.notify(this.descriptors());
  }

  /** The cable comes out: the session ends, calls in flight fail, and listeners see the device gone. */
  unplug(): void {
    this.device?.powerOff();
    this.device = null;
    this.session = null;
    for (const fail of this.inFlight) fail();
    this.notify(this.descriptors());
  }

  private descriptors(): Descriptor[] {
    if (!this.device) return [];
    return [
      {
        path: DEVICE_PATH,
        session: this.session,
        product: TREZOR_PRODUCT,
        vendor: TREZOR_VENDOR,
        debug: false,
        debugSession: null,
      },
    ];
  }

  private notify(descriptors: Descriptor[]): void {
    const waiting = this.listeners;
    this.listeners = [];
    for (const listener of waiting) listener(descriptors);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    if (body === null) return reply(response, 413, { error: 'request too large' });
    const [, endpoint = '', ...params] = new URL(request.url ?? '/', 'http://127.0.0.1').pathname.split('/');
    this.log.push(`/${endpoint}`);
    if (request.method !== 'POST') return reply(response, 405, { error: 'POST only' });
    switch (endpoint) {
      case '':
        return reply(response, 200, { version: '3.0.0', protocolMessages: false });
      case 'enumerate':
        return reply(response, 200, this.descriptors());
      case 'listen':
        return this.listen(body, response);
      case 'acquire':
        return this.acquire(params[0], params[1], response);
      case 'release':
        return this.release(params[0], response);
      case 'call':
      case 'post':
        return this.call(endpoint, params[0], body, response);
      case 'read':
        return this.read(params[0], response);
      default:
        return reply(response, 404, { error: `the test bridge has no /${endpoint}` });
    }
  }

  /** Long poll: answers at once if the caller's list is stale, else at the next change. */
  private listen(body: string, response: ServerResponse): void {
    const current = this.descriptors();
    if (sessionsOf(body) !== sessionsOf(current) || this.listeners.length >= MAX_LISTENERS) {
      return reply(response, 200, current);
    }
    this.listeners.push((descriptors) => reply(response, 200, descriptors));
  }

  private acquire(path: string | undefined, previous: string | undefined, response: ServerResponse): void {
    if (!this.device || path !== DEVICE_PATH) return reply(response, 400, { error: 'device not found' });
    const expected = this.session ?? 'null';
    if (previous !== expected) return reply(response, 400, { error: 'wrong previous session' });
    this.session = String(++this.sessionCounter);
    reply(response, 200, { session: this.session });
    this.notify(this.descriptors());
  }

  private release(session: string | undefined, response: ServerResponse): void {
    if (session === undefined || session !== this.session) {
      return reply(response, 400, { error: 'session not found' });
    }
    this.session = null;
    // TrezorConnect reads a literal `{}` here as a malformed answer; trezord answers with an empty body.
    reply(response, 200, '');
    this.notify(this.descriptors());
  }

  private async call(
    endpoint: 'call' | 'post',
    session: string | undefined,
    body: string,
    response: ServerResponse,
  ): Promise<void> {
    const device = this.device;
    if (!device || session === undefined || session !== this.session) {
      return reply(response, 400, { error: 'session not found' });
    }
    let message;
    try {
      message = decodeFrame(Buffer.from(body, 'hex'));
    } catch {
      return reply(response, 400, { error: 'malformed wire format' });
    }
    this.log[this.log.length - 1] += ` ${message.type}`;
    // TrezorConnect posts only Cancel: it ends the open request, whose own call then answers; with none
    // open the device answers the Cancel, and that answer waits for `/read`.
    if (endpoint === 'post') {
      if (message.type !== 'Cancel')
        return reply(response, 400, { error: 'the test bridge posts only Cancel' });
      const answer = device.cancel();
      this.unread = answer && encodeFrame(answer).toString('hex');
      return reply(response, 200, '');
    }
    let fail = (): void => undefined;
    const disconnected = new Promise<null>((resolve) => (fail = () => resolve(null)));
    this.inFlight.add(fail);
    const answer = await Promise.race([device.exchange(message), disconnected]);
    this.inFlight.delete(fail);
    if (answer === null || this.device !== device) {
      return reply(response, 400, { error: 'device disconnected during action' });
    }
    reply(response, 200, encodeFrame(answer).toString('hex'));
  }

  /** The answer to a posted message; with none waiting the real bridge would block, so this one refuses. */
  private read(session: string | undefined, response: ServerResponse): void {
    if (session === undefined || session !== this.session) {
      return reply(response, 400, { error: 'session not found' });
    }
    const answer = this.unread;
    this.unread = null;
    if (answer === null) return reply(response, 400, { error: 'nothing to read' });
    reply(response, 200, answer);
  }
}

/** The path/session pairs of a descriptor list (the caller's copy carries extra fields), or '' if invalid. */
function sessionsOf(list: string | Descriptor[]): string {
  let parsed: unknown = list;
  if (typeof list === 'string') {
    try {
      parsed = JSON.parse(list);
    } catch {
      return '';
    }
  }
  if (!Array.isArray(parsed)) return '';
  return parsed.map((entry: Partial<Descriptor>) => `${entry.path}:${entry.session}`).join(',');
}

/** The request body as text, or null once it passes the bound (the rest is not read). */
async function readBody(request: IncomingMessage): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      request.destroy();
      return null;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.writableEnded || response.destroyed) return;
  response.writeHead(status, {
    'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
  });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
