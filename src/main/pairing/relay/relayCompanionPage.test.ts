import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

import { rawSocket, loopbackRelays } from '../../../../test/pairing/relayTestKit';

const relays = loopbackRelays();
const relay = relays.start;

afterEach(async () => {
  await relays.closeAll();
});

describe('relay companion page', () => {
  it('serves the companion at / on the relay port', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'companion-'));
    try {
      await writeFile(join(dir, 'index.html'), '<!doctype html><title>companion</title>');
      const { relay: running } = await relay({ companionDir: dir });
      expect(running.url).toBe(`http://127.0.0.1:${running.port}/`);
      expect(running.wsUrl).toBe(`ws://127.0.0.1:${running.port}/relay`);
      const response = await fetch(running.url);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('companion');
      expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:`);
      expect((await fetch(`${running.url}missing.js`)).status).toBe(404);
      expect((await fetch(running.url, { method: 'POST' })).status).toBe(405);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('answers 503 with an explanation when the companion is not built', async () => {
    const { relay: running } = await relay({ companionDir: join(tmpdir(), 'no-such-companion-dir') });
    const response = await fetch(running.url);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/companion is not available/);
  });

  it('refuses WebSocket upgrades outside /relay', async () => {
    const { relay: running } = await relay();
    await expect(rawSocket(running.wsUrl.replace('/relay', '/other'))).rejects.toThrow(/failed to connect/);
  });

  it('survives request targets that are not URLs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'companion-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>companion</title>');
    const { relay: running } = await relay({ companionDir: dir });
    for (const request of [
      'GET // HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      'GET // HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    ]) {
      const answer = await new Promise<string>((resolve, reject) => {
        const socket = connect(running.port, '127.0.0.1', () => socket.write(request));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(answer).toMatch(/^HTTP\/1.1 404/);
    }
    expect((await fetch(running.url)).status).toBe(200);
    await rm(dir, { recursive: true, force: true });
  });
});
