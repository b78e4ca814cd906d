import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import WebSocket from 'ws';
import { BRIDGE_PROTOCOL } from '../src/shared/api/bridge';
import { CHANNELS } from '../src/shared/api/contract';
import { userMessage } from '../src/shared/api/userErrors';
import { useHost } from './fixtures/browserHost';

const PAYLOADS_PER_CHANNEL = 10_000;
/** Frames in flight at once: enough to load the host, few enough that a stall shows up as a timeout. */
const WINDOW = 200;
/** What every refused payload tells the page. */
const INVALID = userMessage('invalid_request');

interface ResultFrame {
  id: number;
  result: { ok: boolean; error?: { code: string; message: string; detail?: string } };
}

const host = useHost();

function connect(origin: string, protocols: string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host().origin.replace('http', 'ws')}/bridge`, protocols, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A minimal bridge client: sends frames and resolves each with the host's reply to its id. */
function client(ws: WebSocket) {
  const waiting = new Map<number, (frame: ResultFrame) => void>();
  let nextId = 0;
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.kind !== 'result') return;
    waiting.get(frame.id)?.(frame);
    waiting.delete(frame.id);
  });
  return (channel: string, payload?: unknown) =>
    new Promise<ResultFrame>((resolve) => {
      const id = ++nextId;
      waiting.set(id, resolve);
      ws.send(JSON.stringify({ id, channel, payload }));
    });
}

test('the host process refuses forged senders and survives 10,000 random payloads per channel', async () => {
  test.setTimeout(240_000);
  await expect(connect('https://evil.example', [BRIDGE_PROTOCOL, `auth.${host().secret}`])).rejects.toThrow(
    'HTTP 403',
  );
  await expect(connect(host().origin, [BRIDGE_PROTOCOL, 'auth.guess'])).rejects.toThrow('HTTP 401');

  const ws = await connect(host().origin, [BRIDGE_PROTOCOL, `auth.${host().secret}`]);
  const call = client(ws);
  // Playwright's expect records a step per call, so the 90,000 verdicts are gathered and asserted once.
  const unexpected: string[] = [];
  for (const channel of CHANNELS) {
    const payloads = fc.sample(fc.jsonValue(), PAYLOADS_PER_CHANNEL);
    for (let start = 0; start < payloads.length; start += WINDOW) {
      const frames = await Promise.all(payloads.slice(start, start + WINDOW).map((p) => call(channel, p)));
      for (const { result } of frames) {
        if (result.ok) continue;
        // The page reads a sentence; which channel refused what stays in the detail, under "Details".
        const { code, message, detail } = result.error ?? {};
        if (code !== 'invalid_request' || message !== INVALID || !detail?.includes(channel)) {
          unexpected.push(`${channel}: ${JSON.stringify(result.error)}`);
        }
      }
    }
  }
  expect(unexpected).toEqual([]);
  expect(host().process.exitCode).toBeNull();
  expect((await call('app.info')).result).toMatchObject({ ok: true, data: { host: 'browser' } });
  ws.close();
});
