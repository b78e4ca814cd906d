import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_PROTOCOL } from '../../shared/api/bridge';
import { createLogger } from '../log';
import { startBrowserHost, type BrowserHost } from './browserHost';

describe('browser host', () => {
  let dir: string;
  let host: BrowserHost;
  let secret: string;
  const logLines: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'browser-host-'));
    const rendererDir = join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Ledgerline</title>');
    host = await startBrowserHost({
      port: 0,
      rendererDir,
      dataDir: join(dir, 'data'),
      app: { name: 'Ledgerline', version: '0.0.0-test' },
      log: createLogger('host-test', (line) => logLines.push(line)),
    });
    secret = new URL(host.url).hash.replace('#secret=', '');
  });
  afterAll(async () => {
    await host.close();
    rmSync(dir, { recursive: true, force: true });
  });

  function open(protocols: string[], origin: string | null = host.origin): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(
        `${host.origin.replace('http', 'ws')}/bridge`,
        protocols,
        origin === null ? {} : { origin },
      );
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  function rpc(ws: WebSocket) {
    let next = 1;
    const waiting = new Map<number, (result: unknown) => void>();
    const events: unknown[] = [];
    ws.on('message', (data) => {
      const frame = JSON.parse(data.toString());
      if (frame.kind === 'event') events.push(frame);
      else waiting.get(frame.id)?.(frame.result);
    });
    return {
      events,
      call(channel: string, payload?: unknown): Promise<unknown> {
        const id = next++;
        return new Promise((resolve) => {
          waiting.set(id, resolve);
          ws.send(JSON.stringify({ id, channel, payload }));
        });
      },
      raw(data: string): Promise<unknown> {
        return new Promise((resolve) => {
          ws.once('message', (reply) => resolve(JSON.parse(reply.toString())));
          ws.send(data);
        });
      },
    };
  }

  it('serves the page with a strict CSP that allows only its own bridge', async () => {
    const res = await fetch(`${host.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src ${host.origin.replace('http', 'ws')}`);
  });

  it('refuses a connection without the secret, with a wrong one, or from another origin', async () => {
    await expect(open([BRIDGE_PROTOCOL])).rejects.toThrow('HTTP 401');
    await expect(open([BRIDGE_PROTOCOL, 'auth.wrong'])).rejects.toThrow('HTTP 401');
    await expect(open([BRIDGE_PROTOCOL, `auth.${secret}`], 'https://evil.example')).rejects.toThrow(
      'HTTP 403',
    );
    await expect(open([BRIDGE_PROTOCOL, `auth.${secret}`], null)).rejects.toThrow('HTTP 403');
  });

  it('carries the contract, and pushes events to the page', async () => {
    const ws = await open([BRIDGE_PROTOCOL, `auth.${secret}`]);
    const client = rpc(ws);
    expect(await client.call('app.info')).toMatchObject({
      ok: true,
      data: { host: 'browser', name: 'Ledgerline' },
    });
    expect(await client.call('settings.set', { theme: 'dark' })).toMatchObject({
      ok: true,
      data: { theme: 'dark' },
    });
    await expect
      .poll(() => client.events)
      .toContainEqual(expect.objectContaining({ name: 'settings.changed' }));
    ws.close();
  });

  it('answers malformed and random frames with clear errors and keeps serving', async () => {
    const ws = await open([BRIDGE_PROTOCOL, `auth.${secret}`]);
    const client = rpc(ws);
    expect(await client.raw('not json')).toMatchObject({
      result: { ok: false, error: { code: 'invalid_request' } },
    });
    expect(await client.raw('{"id":1}')).toMatchObject({
      result: { ok: false, error: { code: 'invalid_request' } },
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        async (frame) => {
          const reply = (await client.raw(frame)) as { kind: string; result: { ok: boolean } };
          expect(reply.kind).toBe('result');
        },
      ),
      { numRuns: 2_000 },
    );
    expect(await client.call('settings.get')).toMatchObject({ ok: true });
    ws.close();
  });
});
