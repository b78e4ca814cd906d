// The relay's cost of a proven LISTEN (PROTOCOL.md section 7.5): every LISTEN anyone sends costs it an
// Ed25519 verification, so this is how fast one socket can make the relay work. The proofs are made before
// the clock starts (signing is the client's cost, not the relay's); the relay runs in a child process with
// its default limits, and the figure is LISTENs handled per second of wall time until the last one is in.
import { randomBytes } from 'node:crypto';
import { proveRoute, routeKey } from '../src/shared/pairing/relayProof';
import { decodeServerMessage, encodeClientMessage, RELAY_PROTOCOL } from '../src/shared/pairing/relayWire';
import { startRelayChild } from './relayChild';

/** Below the default cap of 2,048 routes per socket, so every LISTEN is taken. */
const LISTENS = 2_000;

export async function listenProofRate() {
  const relay = await startRelayChild();
  const socket = new WebSocket(relay.url, [RELAY_PROTOCOL]);
  socket.binaryType = 'arraybuffer';
  const nonce = await new Promise<Uint8Array>((resolve, reject) => {
    socket.addEventListener('message', (event: MessageEvent) => {
      const message = decodeServerMessage(new Uint8Array(event.data as ArrayBuffer));
      if (message.op === 'challenge') resolve(message.nonce);
      else reject(new Error(`the relay refused a LISTEN: ${JSON.stringify(message)}`));
    });
    socket.addEventListener('error', reject);
  });
  const listens = Array.from({ length: LISTENS }, () => {
    const key = routeKey(new Uint8Array(randomBytes(16)));
    return encodeClientMessage({ op: 'listen', route: key.wireId, proof: proveRoute(key, nonce) });
  });
  const started = performance.now();
  for (const listen of listens) socket.send(listen);
  while ((await relay.stats()).routes < LISTENS) await new Promise((resolve) => setTimeout(resolve, 5));
  const ms = performance.now() - started;
  socket.close();
  await relay.close();
  return { listens: LISTENS, listenProofsPerSec: Math.round((LISTENS / ms) * 1000) };
}
