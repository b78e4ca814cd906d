import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { vi } from 'vitest';
import { WebSocket as WsSocket } from 'ws';
import { createEventHub } from '../../src/main/api/events';
import { createExtensionBridge, type ExtensionBridge } from '../../src/main/dapps/bridge/extensionBridge';
import type { DappGateway, ProviderRequest } from '../../src/main/dapps/dappGateway';
import { PairingKeys } from '../../src/main/pairing/pairingKeys';
import type { BridgeLimits } from '../../src/main/dapps/bridge/bridgeServer';
import type { DispatchLimits } from '../../src/main/dapps/bridge/requestDispatch';
import { BridgeClient, type PairedDesktop } from '../../src/shared/bridge/bridgeClient';
import {
  BRIDGE_SUBPROTOCOL,
  bridgePrologue,
  deriveBridgeSecrets,
  encodeFirstFrame,
} from '../../src/shared/bridge/bridgeKeys';
import {
  decodeDesktopMessage,
  encodeBridgeMessage,
  type DesktopMessage,
  type ExtensionMessage,
} from '../../src/shared/bridge/bridgeMessages';
import type { BridgeSocket, BridgeSocketConstructor } from '../../src/shared/bridge/bridgeSocket';
import { keyPairFrom, NoiseHandshake } from '../../src/shared/pairing/noise';
import { SecureChannel } from '../../src/shared/pairing/secureChannel';
import type { BrowsersView } from '../../src/shared/dapps';
import type { TempDatabase } from '../store/tempDatabase';
import type { memorySecrets } from '../vault/memorySecrets';
import { quietLog } from '../pairing/pairingParts';

export const EXTENSION_ORIGIN = `chrome-extension://${'a'.repeat(32)}`;

/** Node's global WebSocket (undici) takes headers in its init; the DOM typings that also check this file do not. */
const NodeWebSocket = WebSocket as unknown as new (
  url: string,
  init: { protocols: string | string[]; headers: Record<string, string> },
) => BridgeSocket;

/** Node's global WebSocket, sending the Origin header a browser gives an extension's service worker. */
export const ExtensionWebSocket: BridgeSocketConstructor = class extends NodeWebSocket {
  constructor(url: string, protocols: string | string[]) {
    super(url, { protocols, headers: { origin: EXTENSION_ORIGIN } });
  }
};

/** A gateway double: answers `echo` with its params, `hang` never, anything else with 4200. */
export function gatewayDouble(): Pick<DappGateway, 'handle' | 'windowEthereumOrigins'> & {
  requests: ProviderRequest[];
  windowEthereum: string[];
} {
  const double = {
    requests: [] as ProviderRequest[],
    windowEthereum: ['https://app.example.org'],
    handle: async (request: ProviderRequest) => {
      double.requests.push(request);
      if (request.method === 'echo') return request.params;
      if (request.method === 'hang') return new Promise(() => undefined);
      const { unsupportedMethod } = await import('../../src/main/dapps/providerError');
      throw unsupportedMethod(request.method);
    },
    windowEthereumOrigins: () => double.windowEthereum,
  };
  return double;
}

export interface DesktopEnd {
  bridge: ExtensionBridge;
  gateway: ReturnType<typeof gatewayDouble>;
  views: BrowsersView[];
  port: number;
  call<C extends keyof ExtensionBridge['handlers']>(
    channel: C,
    request: Parameters<ExtensionBridge['handlers'][C]>[0],
  ): Promise<BrowsersView>;
}

/** A desktop's bridge over a real database and an in-memory vault; `secrets` survive a restart. */
export async function startDesktop(
  temp: TempDatabase,
  secrets: ReturnType<typeof memorySecrets>,
  options: { port?: number; limits?: Partial<BridgeLimits & DispatchLimits>; now?: () => number } = {},
): Promise<DesktopEnd> {
  const events = createEventHub();
  const views: BrowsersView[] = [];
  events.subscribe((name, payload) => {
    if (name === 'browsers.changed') views.push(payload as BrowsersView);
  });
  const gateway = gatewayDouble();
  const keys = new PairingKeys(secrets);
  const bridge = createExtensionBridge({
    db: temp.db,
    vault: secrets,
    events,
    log: quietLog(),
    port: options.port ?? 0,
    desktopName: 'Test desk',
    desktopKey: () => keys.desktopKey(),
    gateway,
    now: options.now,
    limits: options.limits,
  });
  await bridge.start();
  const context = {} as Parameters<ExtensionBridge['handlers']['browsers.status']>[1];
  const call: DesktopEnd['call'] = async (channel, request) =>
    (await (bridge.handlers[channel] as (request: unknown, context: unknown) => unknown)(
      request,
      context,
    )) as BrowsersView;
  const status = await call('browsers.status', undefined);
  return { bridge, gateway, views, port: status.bridge.port, call };
}

/** An extension's client whose storage is a variable. */
export function extensionEnd(stored: PairedDesktop | null = null) {
  const storage = { desktop: stored, saves: vi.fn() };
  const statuses: string[] = [];
  const client = new BridgeClient({
    WebSocket: ExtensionWebSocket,
    name: 'Chromium on Linux',
    load: async () => storage.desktop,
    save: async (desktop) => {
      storage.desktop = desktop;
      storage.saves(desktop);
    },
  });
  client.onStatus((status) => statuses.push(status));
  return { client, storage, statuses };
}

/** Pairs a fresh extension with the desktop, the user confirming matching codes. */
export async function pairExtension(desktop: DesktopEnd) {
  const end = extensionEnd();
  const view = await desktop.call('browsers.startPairing', undefined);
  const pairing = view.pairing as NonNullable<BrowsersView['pairing']>;
  const { sas, done } = await end.client.pair(pairing.code);
  await until(() => desktop.views.at(-1)?.pairing?.state === 'confirming');
  await desktop.call('browsers.confirmPairing', { id: pairing.id, matches: true });
  await done;
  return { ...end, sas, pairingId: pairing.id, code: pairing.code };
}

export async function until(condition: () => boolean, timeoutMs = 4000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('the condition did not come true in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * A hand-made extension socket speaking the wire directly, to send what the client never would. `messages`
 * are the application messages it could open; `closed` settles with the close code.
 */
export async function rawSocket(port: number, origin: string | null = EXTENSION_ORIGIN) {
  const ws = new WsSocket(`ws://127.0.0.1:${port}`, BRIDGE_SUBPROTOCOL, origin ? { origin } : {});
  const frames: Uint8Array[] = [];
  const closed = new Promise<number>((resolve) => {
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => resolve(-1));
  });
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  const opened = await new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('unexpected-response', () => resolve(false));
    ws.once('error', () => resolve(false));
  });
  return { ws, frames, closed, opened };
}

/** Resumes as a paired extension by hand; returns the open channel and the socket to misbehave on. */
export async function rawResume(port: number, desktop: PairedDesktop) {
  const raw = await rawSocket(port);
  const rendezvous = hexToBytes(desktop.browserId);
  const noise = new NoiseHandshake({
    role: 'initiator',
    prologue: bridgePrologue('resume', rendezvous),
    staticKey: keyPairFrom(hexToBytes(desktop.browserKey)),
    remoteStatic: hexToBytes(desktop.desktopKey),
    psk: hexToBytes(desktop.resumePsk),
  });
  raw.ws.send(encodeFirstFrame('resume', rendezvous, noise.writeMessage()));
  await until(() => raw.frames.length === 1);
  noise.readMessage(raw.frames[0] as Uint8Array);
  const result = noise.split();
  const secrets = deriveBridgeSecrets(result);
  const channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
  const sealed = (message: ExtensionMessage) => channel.seal(encodeBridgeMessage(message));
  const opened: DesktopMessage[] = [];
  let read = 1;
  /** Opens each frame once: the channel refuses a frame it has seen. */
  const received = (): DesktopMessage[] => {
    for (; read < raw.frames.length; read++) {
      const bytes = channel.open(raw.frames[read] as Uint8Array);
      if (bytes) opened.push(decodeDesktopMessage(bytes));
    }
    return opened;
  };
  for (const frame of sealed({ t: 'resume' })) raw.ws.send(frame);
  await until(() => raw.frames.length >= 2);
  return { ...raw, channel, sealed, received, browserId: bytesToHex(rendezvous) };
}
