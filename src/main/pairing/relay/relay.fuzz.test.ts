import fc from 'fast-check';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeKey } from '../../../shared/pairing/relayProof';
import {
  decodeClientMessage,
  encodeClientMessage,
  RELAY_MAX_MESSAGE_BYTES,
} from '../../../shared/pairing/relayWire';
import { startRelay, type Relay } from './relayServer';
import {
  captureLog,
  randomId,
  rawSocket,
  recordingClient,
  until,
} from '../../../../test/pairing/relayTestKit';

const RUNS = 40;
const FRAMES_PER_RUN = 250;
const SOCKETS = 2;

/** A few ids shared by all frames, so random LISTENs, SENDs, OPENs and KNOCKs meet each other. */
const ids = Array.from({ length: 6 }, (_, index) => new Uint8Array(16).fill(index * 37));

const anyId = fc.oneof(fc.constantFrom(...ids), fc.uint8Array({ minLength: 16, maxLength: 16 }));
const body = fc.oneof(
  { weight: 8, arbitrary: fc.uint8Array({ maxLength: 600 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 66 * 1024 }).map((length) => new Uint8Array(length)) },
);
const op = fc.oneof(
  fc.constantFrom(0x01, 0x02, 0x03, 0x04, 0x05, 0x06),
  fc.constantFrom(0x00, 0x07, 0x81, 0x84, 0x8f, 0xff),
  fc.integer({ min: 0, max: 255 }),
);
const structured = fc.tuple(op, anyId, body).map(([code, id, rest]) => Uint8Array.of(code, ...id, ...rest));
const validish = fc.oneof(
  // The generator cannot know a socket's challenge, so these proofs never verify (section 7.5): the proven
  // LISTENs are the real clients' at the end.
  fc
    .tuple(anyId, fc.uint8Array({ minLength: 96, maxLength: 96 }))
    .map(([route, proof]) => encodeClientMessage({ op: 'listen', route, proof })),
  anyId.map((route) => encodeClientMessage({ op: 'unlisten', route })),
  fc
    .tuple(anyId, fc.integer({ min: 1, max: 7 * 24 * 3600 }))
    .map(([rendezvous, ttlSeconds]) => encodeClientMessage({ op: 'open', rendezvous, ttlSeconds })),
  anyId.map((rendezvous) => encodeClientMessage({ op: 'close', rendezvous })),
  fc
    .tuple(anyId, anyId, fc.uint8Array({ maxLength: 200 }))
    .map(([rendezvous, replyRoute, handshake]) =>
      encodeClientMessage({ op: 'knock', rendezvous, replyRoute, handshake }),
    ),
  fc
    .tuple(anyId, fc.uint8Array({ maxLength: 2000 }))
    .map(([route, frame]) => encodeClientMessage({ op: 'send', route, frame })),
);
/**
 * How many of one socket's messages the relay reads: all of them, unless one is over the WebSocket limit (the
 * socket is closed before reading it) or the relay closes the socket at its 50th malformed message, where a
 * LISTEN whose proof fails counts as malformed. Whatever a socket sends after that is lost on the way, so the
 * fuzz counts what it expects handled, not what it sent.
 */
/** Whether the relay answers `bytes` malformed or unproven, whatever state it is in. */
function refusedOutright(bytes: Uint8Array): boolean {
  try {
    return decodeClientMessage(bytes).op === 'listen';
  } catch {
    return true;
  }
}

function expectedHandled(messages: Uint8Array[]): { handled: number; open: boolean } {
  let malformed = 0;
  for (const [index, bytes] of messages.entries()) {
    if (bytes.length > RELAY_MAX_MESSAGE_BYTES) return { handled: index, open: false };
    if (refusedOutright(bytes)) malformed += 1;
    if (malformed === 50) return { handled: index + 1, open: false };
  }
  return { handled: messages.length, open: true };
}

const message = fc.oneof(
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  { weight: 3, arbitrary: structured },
  { weight: 5, arbitrary: validish },
);

describe('relay under random input', () => {
  let relay: Relay;
  let companionDir: string;
  let clock = 1_700_000_000_000;
  const logs = captureLog();

  beforeAll(async () => {
    companionDir = await mkdtemp(join(tmpdir(), 'companion-'));
    await writeFile(join(companionDir, 'index.html'), '<!doctype html><title>companion</title>');
    relay = await startRelay({
      host: '127.0.0.1',
      port: 0,
      companionDir,
      log: logs.log,
      now: () => clock,
      // Every refusal is logged here, so the log shows which refusal paths the input reached.
      limits: { refusalLinesPerMinute: Number.POSITIVE_INFINITY },
    });
  });

  afterAll(async () => {
    await relay.close();
    await rm(companionDir, { recursive: true, force: true });
  });

  it(`survives ${RUNS * FRAMES_PER_RUN} random frames and still relays`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(message, { minLength: FRAMES_PER_RUN, maxLength: FRAMES_PER_RUN }),
        async (batch) => {
          const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => rawSocket(relay.wsUrl)));
          const handledBefore = relay.stats().handled;
          const expected = sockets.map((_, socket) =>
            expectedHandled(batch.filter((_bytes, index) => index % SOCKETS === socket)),
          );
          batch.forEach((bytes, index) => {
            const raw = sockets[index % SOCKETS];
            if (raw && raw.closed() === null) raw.socket.send(bytes);
          });
          // Every socket that is still open answers a duplicate OPEN once all it was sent has been handled.
          const sentinel = randomId();
          for (const raw of sockets) {
            if (raw.closed() !== null) continue;
            raw.socket.send(encodeClientMessage({ op: 'open', rendezvous: sentinel, ttlSeconds: 1 }));
            raw.socket.send(encodeClientMessage({ op: 'open', rendezvous: sentinel, ttlSeconds: 1 }));
          }
          await until(
            () =>
              sockets.every(
                (raw) =>
                  raw.closed() !== null ||
                  raw.received.some(
                    (reply) =>
                      reply.op === 'error' && reply.code === 6 && reply.id.every((b, i) => b === sentinel[i]),
                  ),
              ),
            'the batch to be handled',
            20_000,
          );
          for (const raw of sockets) raw.socket.close();
          await until(() => relay.stats().sockets === 0, 'the sockets to close');
          // Each socket still open also had its two sentinel OPENs read.
          const handled = expected.reduce((sum, { handled, open }) => sum + handled + (open ? 2 : 0), 0);
          expect(relay.stats().handled - handledBefore).toBe(handled);
          expect(relay.stats()).toMatchObject({ routes: 0, rendezvous: 0 });
          clock += 7_000;
        },
      ),
      { numRuns: RUNS },
    );

    // The random input must have reached the relay's refusal paths, or this test proves nothing.
    const seen = new Set(logs.entries.map((entry) => `${entry.message} ${String(entry.fields.code ?? '')}`));
    for (const path of [
      'relay refused a message malformed',
      'relay refused a message unproven',
      'relay refused a message unknown_rendezvous',
      'relay refused a message rate_limited',
      'relay closed a connection that sent too many malformed messages ',
      'relay socket error WS_ERR_UNSUPPORTED_MESSAGE_LENGTH',
    ]) {
      expect(seen).toContain(path);
    }
    expect(relay.stats().queuedBytes).toBeLessThanOrEqual(64 * 1024 * 1024);
    expect(logs.entries.filter((entry) => entry.level === 'error')).toEqual([]);
    for (const entry of logs.entries) {
      for (const field of Object.keys(entry.fields)) expect(['sockets', 'code']).toContain(field);
    }

    clock += 11 * 60_000;
    const [desktop, phone] = await Promise.all([recordingClient(relay.wsUrl), recordingClient(relay.wsUrl)]);
    const rendezvous = randomId();
    const [toDesktop, toPhone] = [randomId(), randomId()];
    desktop.client.open(rendezvous, 120);
    desktop.client.listen(toDesktop);
    await until(() => relay.stats().rendezvous === 1 && relay.stats().routes === 1, 'the desktop');
    phone.client.knock(rendezvous, toPhone, new Uint8Array(96).fill(1));
    await until(() => desktop.events.length === 1, 'the knock');
    expect(desktop.events[0]).toEqual({
      type: 'knocked',
      rendezvous,
      replyRoute: routeKey(toPhone).wireId,
      handshake: new Uint8Array(96).fill(1),
    });
    phone.client.listen(toPhone);
    desktop.client.send(routeKey(toPhone).wireId, new Uint8Array(48).fill(2));
    await until(() => phone.events.length === 1, 'delivery to the phone');
    phone.client.send(toDesktop, new Uint8Array(300).fill(3));
    await until(() => desktop.events.length === 2, 'delivery to the desktop');
    expect(phone.events).toEqual([{ type: 'deliver', route: toPhone, frame: new Uint8Array(48).fill(2) }]);
    expect(desktop.events[1]).toEqual({
      type: 'deliver',
      route: toDesktop,
      frame: new Uint8Array(300).fill(3),
    });
    await Promise.all([desktop.client.disconnect(), phone.client.disconnect()]);

    const page = await fetch(relay.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('companion');
  }, 120_000);
});
