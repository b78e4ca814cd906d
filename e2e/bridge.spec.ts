import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import WebSocket from 'ws';
import { BRIDGE_PROTOCOL } from '../src/shared/api/bridge';
import { CHANNELS } from '../src/shared/api/contract';
import { startHost, type RunningHost } from './fixtures/browserHost';

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

function connect(origin: string, protocols: string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge`, protocols, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

test('the host process refuses forged senders and survives 10,000 random payloads per channel', async () => {
  test.setTimeout(180_000);
  await expect(connect('https://evil.example', [BRIDGE_PROTOCOL, `auth.${host.secret}`])).rejects.toThrow(
    'HTTP 403',
  );
  await expect(connect(host.origin, [BRIDGE_PROTOCOL, 'auth.guess'])).rejects.toThrow('HTTP 401');

  const ws = await connect(host.origin, [BRIDGE_PROTOCOL, `auth.${host.secret}`]);
  const replies = new Map<
    number,
    (frame: { result: { ok: boolean; error?: { code: string; message: string } } }) => void
  >();
  ws.on('message', (data) => {
    const frame = JSON.parse(data.toString());
    if (frame.kind === 'result') replies.get(frame.id)?.(frame);
  });
  let id = 0;
  for (const channel of CHANNELS) {
    const payloads = fc.sample(fc.jsonValue(), 10_000);
    const results = await Promise.all(
      payloads.map(
        (payload) =>
          new Promise<{ result: { ok: boolean; error?: { code: string; message: string } } }>((resolve) => {
            const frameId = ++id;
            replies.set(frameId, (frame) => {
              replies.delete(frameId);
              resolve(frame);
            });
            ws.send(JSON.stringify({ id: frameId, channel, payload }));
          }),
      ),
    );
    for (const { result } of results) {
      if (!result.ok) {
        expect(result.error?.code).toBe('invalid_request');
        expect(result.error?.message).toContain(channel);
      }
    }
  }
  ws.close();
  expect(host.process.exitCode).toBeNull();
  const again = await connect(host.origin, [BRIDGE_PROTOCOL, `auth.${host.secret}`]);
  const info = await new Promise((resolve) => {
    again.once('message', (data) => resolve(JSON.parse(data.toString())));
    again.send(JSON.stringify({ id: 1, channel: 'app.info' }));
  });
  expect(info).toMatchObject({ result: { ok: true, data: { host: 'browser' } } });
  again.close();
});
