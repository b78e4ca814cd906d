// The phone-pairing relay on loopback: pairing handshakes, signing round trips and sealed-frame throughput
// against an in-process relay, and the relay's memory with 1,000 paired sessions, measured in a child process
// so the clients' own memory is not counted. The protocol pieces (Noise, session keys, sealed channel, relay
// client, app messages, the phone's signing code) are driven directly rather than through PairingService and
// PhoneClient: those add a database, a vault and a user who compares codes, none of which is the relay's cost.
// The phone signs as the companion does: the request's content digest, with the key PhoneSigningKey keeps
// while the companion is unlocked (derived once, in the warm-up, as after an unlock or a 5-minute pause).
// Last, the relay's memory growth under a flood of empty SENDs (bench/relayFlood.ts) and how many proven
// LISTENs it checks a second (bench/relayListen.ts). Prints one JSON object.
// Run with `npm run bench:relay`, which bundles it with esbuild first; the bundle forks itself with
// `--relay-child` for the memory measurements (bench/relayChild.ts).
import { randomBytes } from 'node:crypto';
import { requestContentDigest } from '../src/companion/client/requestAnswers';
import { phoneAccount } from '../src/companion/core/phoneKeys';
import { PhoneSigningKey } from '../src/companion/core/phoneSigningKey';
import { parseSignRequest } from '../src/companion/core/signRequest';
import { startRelay, type Relay, type RelayStats } from '../src/main/pairing/relay/relayServer';
import {
  decodeDesktopMessage,
  decodePhoneMessage,
  encodeMessage,
  type DesktopMessage,
  type PhoneMessage,
} from '../src/shared/pairing/messages';
import { generateKeyPair, NoiseHandshake, type KeyPair } from '../src/shared/pairing/noise';
import { RelayClient } from '../src/shared/pairing/relayClient';
import { RelayErrorCode } from '../src/shared/pairing/relayWire';
import { SecureChannel } from '../src/shared/pairing/secureChannel';
import {
  deriveSessionSecrets,
  handshakePrologue,
  shortAuthenticationString,
} from '../src/shared/pairing/sessionKeys';
import { relayChildLimits, relayChildMain, startRelayChild } from './relayChild';
import { floodMemory } from './relayFlood';
import { listenProofRate } from './relayListen';

const MNEMONIC = 'test test test test test test test test test test test junk';
const PAIRINGS = 50;
const WARM_UP = 50;
const ROUND_TRIPS = 500;
const THROUGHPUT_MS = 3_000;
/** Frames in flight during the throughput run: enough to keep the pipe full, far below the relay's buffer cap. */
const WINDOW = 256;
/** 1,000 bytes of data plus the 12-byte chunk header lands in the 1 KiB bucket. */
const FRAME_DATA_BYTES = 1_000;
const SESSIONS = 1_000;
const CONNECT_BATCH = 50;
const GOALS = { roundTripMsP95: 3, rssMbAt1000Sessions: 200, floodGrowthMb: 32 };
// USDC on mainnet; the calldata is transfer(address,uint256): 4-byte selector + two 32-byte words = 68 bytes.
const TOKEN = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const RECIPIENT = '70997970c51812dc3a010c7d01b50e0d17dc79c8';
const TRANSFER_DATA = `0xa9059cbb${RECIPIENT.padStart(64, '0')}${25_000_000n.toString(16).padStart(64, '0')}`;

const quietLog = { info: () => undefined, warn: () => undefined, error: () => undefined };
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');
const bytes = (length: number) => new Uint8Array(randomBytes(length));
const mb = (value: number) => Number((value / 1024 / 1024).toFixed(1));
const round = (value: number) => Number(value.toFixed(2));

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/** A relay connection whose deliveries are dispatched by route, and whose errors fail the benchmark. */
class Endpoint {
  private readonly routes = new Map<string, (frame: Uint8Array) => void>();
  private readonly errorWaiters = new Map<string, () => void>();
  knocked: ((rendezvous: Uint8Array, replyRoute: Uint8Array, handshake: Uint8Array) => void) | null = null;

  private constructor(readonly client: RelayClient) {
    client.on('deliver', (route, frame) => this.routes.get(hex(route))?.(frame));
    client.on('knocked', (rendezvous, replyRoute, handshake) =>
      this.knocked?.(rendezvous, replyRoute, handshake),
    );
    client.on('error', (code, id, message) => {
      const waiter = this.errorWaiters.get(`${code}:${hex(id)}`);
      if (!waiter) throw new Error(`the relay refused: ${message}`);
      this.errorWaiters.delete(`${code}:${hex(id)}`);
      waiter();
    });
  }

  static async connect(url: string): Promise<Endpoint> {
    return new Endpoint(await RelayClient.connect(url));
  }

  route(route: Uint8Array, handler: (frame: Uint8Array) => void): void {
    this.routes.set(hex(route), handler);
    this.client.listen(route);
  }

  drop(route: Uint8Array): void {
    this.routes.delete(hex(route));
    this.client.unlisten(route);
  }

  /**
   * Opens a rendezvous and waits until the relay has it. One socket's messages are handled in order, so the
   * relay refusing a second OPEN of the same id proves the first is in place before anyone knocks.
   */
  async openRendezvous(rendezvous: Uint8Array, ttlSeconds: number): Promise<void> {
    const taken = new Promise<void>((resolve) =>
      this.errorWaiters.set(`${RelayErrorCode.rendezvousTaken}:${hex(rendezvous)}`, resolve),
    );
    this.client.open(rendezvous, ttlSeconds);
    this.client.open(rendezvous, ttlSeconds);
    await taken;
  }
}

interface Session {
  route: Uint8Array;
  desktop: SecureChannel;
  phone: SecureChannel;
  phoneEndpoint: Endpoint;
}

/** One pairing, timed from the phone's knock to the desktop opening the phone's hello. */
async function pair(
  relay: Relay,
  desktop: Endpoint,
  desktopStatic: KeyPair,
): Promise<{ ms: number; withConnectMs: number; session: Session }> {
  const connectStarted = performance.now();
  const rendezvous = bytes(16);
  const psk = bytes(32);
  await desktop.openRendezvous(rendezvous, 120);
  const phoneEndpoint = await Endpoint.connect(relay.wsUrl);
  const phoneStatic = generateKeyPair();
  const account = phoneAccount(MNEMONIC);

  const started = performance.now();
  let desktopChannel: SecureChannel | null = null;
  let desktopSas = '';
  const hello = new Promise<PhoneMessage>((resolve, reject) => {
    desktop.knocked = (knockedOn, replyRoute, message1) => {
      if (hex(knockedOn) !== hex(rendezvous)) return;
      const noise = new NoiseHandshake({
        role: 'responder',
        prologue: handshakePrologue('pair', rendezvous),
        staticKey: desktopStatic,
        psk,
      });
      noise.readMessage(message1);
      const message2 = noise.writeMessage();
      const result = noise.split();
      const secrets = deriveSessionSecrets(result);
      desktopSas = shortAuthenticationString(result);
      const channel = new SecureChannel({ route: secrets.route, send: result.send, receive: result.receive });
      desktopChannel = channel;
      desktop.client.send(replyRoute, message2);
      desktop.route(secrets.route, (frame) => {
        try {
          const opened = channel.open(frame);
          if (opened) resolve(decodePhoneMessage(opened));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    };
  });

  const noise = new NoiseHandshake({
    role: 'initiator',
    prologue: handshakePrologue('pair', rendezvous),
    staticKey: phoneStatic,
    remoteStatic: desktopStatic.publicKey,
    psk,
  });
  const replyRoute = bytes(16);
  const reply = new Promise<Uint8Array>((resolve) => phoneEndpoint.route(replyRoute, resolve));
  phoneEndpoint.client.knock(rendezvous, replyRoute, noise.writeMessage());
  noise.readMessage(await reply);
  const result = noise.split();
  const secrets = deriveSessionSecrets(result);
  const phoneSas = shortAuthenticationString(result);
  const phoneChannel = new SecureChannel({
    route: secrets.route,
    send: result.send,
    receive: result.receive,
  });
  phoneEndpoint.drop(replyRoute);
  phoneEndpoint.route(secrets.route, () => undefined);
  for (const frame of phoneChannel.seal(
    encodeMessage({ t: 'hello', v: 1, phone: { name: 'Bench phone', address: account.address } }),
  )) {
    phoneEndpoint.client.send(secrets.route, frame);
  }
  const message = await hello;
  const ended = performance.now();
  desktop.knocked = null;
  if (message.t !== 'hello' || phoneSas !== desktopSas || !desktopChannel) {
    throw new Error('the pairing did not complete as expected');
  }
  return {
    ms: ended - started,
    withConnectMs: ended - connectStarted,
    session: { route: secrets.route, desktop: desktopChannel, phone: phoneChannel, phoneEndpoint },
  };
}

function signRequest(): DesktopMessage {
  const createdAt = Date.now();
  return {
    t: 'sign',
    id: hex(bytes(16)),
    desktop: 'Bench desktop',
    chainId: 1,
    desktopChainId: 1,
    createdAt,
    expiresAt: createdAt + 5 * 60_000,
    tx: {
      type: 2,
      nonce: 42,
      to: TOKEN,
      value: '0',
      data: TRANSFER_DATA,
      gasLimit: '65000',
      maxFeePerGas: '30000000000',
      maxPriorityFeePerGas: '1500000000',
    },
  };
}

/** Desktop seals a sign request; the phone opens, decodes, signs and answers; the desktop opens the answer. */
async function roundTrips(desktop: Endpoint, session: Session): Promise<number[]> {
  const { route, phoneEndpoint } = session;
  const signingKey = new PhoneSigningKey();
  let answered: ((message: PhoneMessage) => void) | null = null;
  desktop.route(route, (frame) => {
    const opened = session.desktop.open(frame);
    if (opened) answered?.(decodePhoneMessage(opened));
  });
  phoneEndpoint.route(route, (frame) => {
    const opened = session.phone.open(frame);
    if (!opened) return;
    const request = parseSignRequest(decodeDesktopMessage(opened));
    const signature = signingKey.sign(MNEMONIC, requestContentDigest(request));
    for (const sealed of session.phone.seal(encodeMessage({ t: 'signed', id: request.id, signature }))) {
      phoneEndpoint.client.send(route, sealed);
    }
  });
  const samples: number[] = [];
  for (let index = 0; index < WARM_UP + ROUND_TRIPS; index++) {
    const started = performance.now();
    const request = signRequest();
    const answer = new Promise<PhoneMessage>((resolve) => (answered = resolve));
    for (const frame of session.desktop.seal(encodeMessage(request))) desktop.client.send(route, frame);
    const message = await answer;
    if (message.t !== 'signed' || request.t !== 'sign' || message.id !== request.id) {
      throw new Error('the phone answered something other than the signature');
    }
    if (index >= WARM_UP) samples.push(performance.now() - started);
  }
  signingKey.lock();
  return samples;
}

/** Sealed 1 KiB-bucket frames, phone to desktop, opened on arrival, with a bounded number in flight. */
async function throughput(desktop: Endpoint, session: Session): Promise<{ frames: number; ms: number }> {
  const { route, phoneEndpoint } = session;
  const data = bytes(FRAME_DATA_BYTES);
  let received = 0;
  let wake: (() => void) | null = null;
  desktop.route(route, (frame) => {
    const opened = session.desktop.open(frame);
    if (opened?.length !== FRAME_DATA_BYTES) throw new Error('a throughput frame did not open whole');
    received++;
    if (wake && received % (WINDOW / 4) === 0) wake();
  });
  let sent = 0;
  const started = performance.now();
  while (performance.now() - started < THROUGHPUT_MS) {
    while (sent - received < WINDOW) {
      for (const frame of session.phone.seal(data)) phoneEndpoint.client.send(route, frame);
      sent++;
    }
    await new Promise<void>((resolve) => (wake = resolve));
  }
  while (received < sent) await new Promise<void>((resolve) => setTimeout(resolve, 1));
  return { frames: received, ms: performance.now() - started };
}

/** The child relay's memory before and with 1,000 paired sessions, each with one frame waiting. */
async function sessionMemory() {
  // Every socket here comes from 127.0.0.1, which the default limits allow 16.
  const relay = await startRelayChild({ socketsPerAddress: SESSIONS + 1 });
  const url = relay.url;
  const baseline = await relay.rss();
  const desktop = await RelayClient.connect(url);
  const phones: RelayClient[] = [];
  for (let start = 0; start < SESSIONS; start += CONNECT_BATCH) {
    const batch = Math.min(CONNECT_BATCH, SESSIONS - start);
    phones.push(...(await Promise.all(Array.from({ length: batch }, () => RelayClient.connect(url)))));
  }
  const refusals: string[] = [];
  for (const client of [desktop, ...phones])
    client.on('error', (_code, _id, message) => refusals.push(message));
  // A frame can only wait on a route nobody else listens on (a listener gets it at once), so each session's
  // waiting frame is a real sealed 1 KiB-bucket frame parked on a route of its own, as for a phone gone away.
  const sealer = new SecureChannel({ route: bytes(16), send: bytes(32), receive: bytes(32) });
  const parkedFrame = (sealer.seal(bytes(FRAME_DATA_BYTES))[0] as Uint8Array).slice();
  for (const phone of phones) {
    const route = bytes(16);
    desktop.open(bytes(16), 7 * 24 * 60 * 60);
    desktop.listen(route);
    phone.listen(route);
    desktop.send(bytes(16), parkedFrame);
  }
  const expected = { sockets: SESSIONS + 1, routes: SESSIONS, rendezvous: SESSIONS, queuedFrames: SESSIONS };
  const deadline = Date.now() + 30_000;
  for (;;) {
    const stats = await relay.stats();
    if (Object.entries(expected).every(([name, value]) => stats[name as keyof RelayStats] === value)) break;
    if (refusals.length > 0) throw new Error(`the relay refused: ${refusals[0]}`);
    if (Date.now() > deadline) throw new Error(`the relay never held the sessions: ${JSON.stringify(stats)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const loaded = await relay.rss();

  await Promise.all([desktop, ...phones].map((client) => client.disconnect()));
  await relay.close();
  return {
    rssMbBaseline: mb(baseline.rss),
    rssMbAt1000Sessions: mb(loaded.rss),
    sockets: phones.length + 1,
    relayStats: loaded.stats,
  };
}

async function main(): Promise<void> {
  // The default allows 20 knocks a minute per address; every pairing here comes from 127.0.0.1.
  const relay = await startRelay({
    host: '127.0.0.1',
    port: 0,
    log: quietLog,
    limits: { knocksPerAddress: PAIRINGS * 2 },
  });
  const desktop = await Endpoint.connect(relay.wsUrl);
  const desktopStatic = generateKeyPair();
  const pairings: { ms: number; withConnectMs: number }[] = [];
  let session: Session | null = null;
  for (let index = 0; index < PAIRINGS; index++) {
    const paired = await pair(relay, desktop, desktopStatic);
    pairings.push(paired);
    if (session) {
      desktop.drop(session.route);
      await session.phoneEndpoint.client.disconnect();
    }
    session = paired.session;
  }
  if (!session) throw new Error('no pairing completed');
  const trips = await roundTrips(desktop, session);
  const frames = await throughput(desktop, session);
  await session.phoneEndpoint.client.disconnect();
  await desktop.client.disconnect();
  await relay.close();

  const memory = await sessionMemory();
  const flood = await floodMemory();
  const listens = await listenProofRate();
  const results = {
    method: 'protocol-pieces (NoiseHandshake, SecureChannel, RelayClient, messages, PhoneSigningKey)',
    pairings: PAIRINGS,
    pairMsP50: round(
      percentile(
        pairings.map((entry) => entry.ms),
        50,
      ),
    ),
    pairWithConnectMsP50: round(
      percentile(
        pairings.map((entry) => entry.withConnectMs),
        50,
      ),
    ),
    roundTrips: trips.length,
    roundTripMsP50: round(percentile(trips, 50)),
    roundTripMsP95: round(percentile(trips, 95)),
    framesPerSec: Math.round((frames.frames / frames.ms) * 1000),
    framesSent: frames.frames,
    ...memory,
    ...flood,
    ...listens,
    goals: GOALS,
  };
  console.log(
    JSON.stringify({
      ...results,
      meetsGoals: {
        roundTripMsP95: results.roundTripMsP95 < GOALS.roundTripMsP95,
        rssMbAt1000Sessions: results.rssMbAt1000Sessions <= GOALS.rssMbAt1000Sessions,
        floodGrowthMb: results.floodGrowthMb < GOALS.floodGrowthMb,
      },
    }),
  );
}

const childLimits = relayChildLimits(process.argv);
if (childLimits) await relayChildMain(childLimits);
else await main();
