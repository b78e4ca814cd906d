// The flood of issue #14: 300,000 empty SENDs to random routes from one unauthenticated socket, against a
// relay with its default limits in a child process. Reports the relay's resident-memory growth and checks
// that the relay still pairs and relays afterwards.
import { randomBytes } from 'node:crypto';
import { RelayClient } from '../src/shared/pairing/relayClient';
import { encodeClientMessage, RELAY_PROTOCOL, RelayOp } from '../src/shared/pairing/relayWire';
import { startRelayChild } from './relayChild';

const FLOOD_FRAMES = 300_000;
/** Messages written before waiting for the socket to drain, so the flooding client's memory stays flat. */
const FLOOD_BATCH = 10_000;

const id = () => new Uint8Array(randomBytes(16));
const mb = (value: number) => Number((value / 1024 / 1024).toFixed(1));

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`the flood bench timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** One pairing's worth of relay traffic: a knock on an open rendezvous, then a frame each way. */
async function stillServes(url: string): Promise<void> {
  const [desktop, phone] = await Promise.all([RelayClient.connect(url), RelayClient.connect(url)]);
  const received: string[] = [];
  desktop.on('knocked', () => received.push('knocked'));
  desktop.on('deliver', () => received.push('desktop'));
  phone.on('deliver', () => received.push('phone'));
  const [rendezvous, toDesktop, toPhone] = [id(), id(), id()];
  desktop.open(rendezvous, 120);
  desktop.listen(toDesktop);
  phone.listen(toPhone);
  // Both sockets' messages so far are handled once each has a reply to a frame sent after them.
  desktop.send(toPhone, new Uint8Array(280));
  await until(() => received.includes('phone'), 'a frame to the phone', 10_000);
  phone.knock(rendezvous, toPhone, new Uint8Array(96));
  phone.send(toDesktop, new Uint8Array(280));
  await until(() => received.includes('knocked') && received.includes('desktop'), 'the desktop', 10_000);
  await Promise.all([desktop.disconnect(), phone.disconnect()]);
}

export async function floodMemory() {
  const relay = await startRelayChild();
  const baseline = await relay.rss();
  const attacker = new WebSocket(relay.url, [RELAY_PROTOCOL]);
  attacker.binaryType = 'arraybuffer';
  let refusals = 0;
  // Everything the relay says to it after its challenge is a refusal.
  attacker.addEventListener('message', (event: MessageEvent) => {
    if (new Uint8Array(event.data as ArrayBuffer)[0] === RelayOp.error) refusals += 1;
  });
  await new Promise((resolve, reject) => {
    attacker.addEventListener('open', resolve);
    attacker.addEventListener('error', reject);
  });
  const empty = new Uint8Array(0);
  for (let sent = 0; sent < FLOOD_FRAMES; sent += FLOOD_BATCH) {
    for (let i = 0; i < FLOOD_BATCH; i += 1) {
      attacker.send(encodeClientMessage({ op: 'send', route: id(), frame: empty }));
    }
    await until(() => attacker.bufferedAmount === 0, 'the flood to leave the client');
  }
  await until(
    async () => (await relay.stats()).handled >= baseline.stats.handled + FLOOD_FRAMES,
    'the relay to read the flood',
  );
  const flooded = await relay.rss();
  await stillServes(relay.url);
  attacker.close();
  await relay.close();
  return {
    floodFrames: FLOOD_FRAMES,
    floodRefusals: refusals,
    floodQueuedFrames: flooded.stats.queuedFrames,
    floodGrowthMb: mb(flooded.rss - baseline.rss),
  };
}
