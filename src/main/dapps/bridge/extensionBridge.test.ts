import { createServer } from 'node:net';
import { hexToBytes } from '@noble/hashes/utils.js';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../../../test/net/freePort';
import { useTempDatabase } from '../../../../test/store/tempDatabase';
import { memorySecrets } from '../../../../test/vault/memorySecrets';
import {
  EXTENSION_ORIGIN,
  extensionEnd,
  pairExtension,
  rawResume,
  rawSocket,
  startDesktop,
  until,
  type DesktopEnd,
} from '../../../../test/bridge/bridgeHarness';
import { encodeFirstFrame } from '../../../shared/bridge/bridgeKeys';
import type { PairedDesktop } from '../../../shared/bridge/bridgeClient';
import { generateKeyPair, NoiseHandshake } from '../../../shared/pairing/noise';
import { bridgePrologue } from '../../../shared/bridge/bridgeKeys';
import { MAX_FRAME_LENGTH } from '../../../shared/pairing/secureChannel';
import { CLOSE_NOT_PAIRED } from '../../../shared/bridge/bridgeSocket';

const temp = useTempDatabase('bridge-');
const cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function desktop(secrets = memorySecrets(), options: Parameters<typeof startDesktop>[2] = {}) {
  const end = await startDesktop(temp, secrets, options);
  cleanup.push(() => end.bridge.close());
  return end;
}

async function paired(end: DesktopEnd) {
  const extension = await pairExtension(end);
  cleanup.push(() => extension.client.close());
  return extension;
}

describe('closing', () => {
  it('writes nothing for browsers that leave after the core closed the database', async () => {
    const end = await desktop();
    const extension = await paired(end);
    // The core asks the bridge to close and closes the database at once, as core.ts does.
    const closed = end.bridge.close();
    temp.db.close();
    await closed;
    await until(() => extension.statuses.at(-1) !== 'online');
    expect(end.views.at(-1)?.paired[0]?.online).toBe(true);
  });
});

describe('pairing a browser', () => {
  it('pairs once the user confirms matching codes, then carries requests, events and sites', async () => {
    const end = await desktop();
    const extension = await paired(end);
    const view = end.views.at(-1);
    expect(view?.pairing).toMatchObject({
      state: 'paired',
      sas: extension.sas,
      browserName: 'Chromium on Linux',
    });
    expect(view?.paired).toEqual([expect.objectContaining({ name: 'Chromium on Linux', online: true })]);
    const saved = extension.storage.desktop as PairedDesktop;
    expect(saved).toMatchObject({ port: end.port, desktopName: 'Test desk', browserId: view?.paired[0]?.id });
    expect(extension.statuses.at(-1)).toBe('online');

    await expect(extension.client.request('https://app.example.org', 'echo', [1, 'two'])).resolves.toEqual([
      1,
      'two',
    ]);
    expect(end.gateway.requests).toEqual([
      { origin: 'https://app.example.org', method: 'echo', params: [1, 'two'], browserId: saved.browserId },
    ]);
    await expect(extension.client.request('https://app.example.org', 'eth_mine', [])).rejects.toMatchObject({
      code: 4200,
    });

    const events: unknown[] = [];
    const sites: string[][] = [];
    extension.client.onEvent((origin, name, data) => events.push({ origin, name, data }));
    extension.client.onSites((list) => sites.push(list));
    end.bridge.link.emit('https://app.example.org', 'accountsChanged', []);
    end.bridge.link.sitesChanged(['https://other.example.org']);
    await until(() => events.length === 1 && sites.length === 1);
    expect(events).toEqual([{ origin: 'https://app.example.org', name: 'accountsChanged', data: [] }]);
    expect(sites).toEqual([['https://other.example.org']]);
  });

  it('stores nothing when the user says the codes differ, and tells the extension', async () => {
    const end = await desktop();
    const extension = extensionEnd();
    const view = await end.call('browsers.startPairing', undefined);
    const { done } = await extension.client.pair(view.pairing?.code ?? '');
    await until(() => end.views.at(-1)?.pairing?.state === 'confirming');
    await end.call('browsers.confirmPairing', { id: view.pairing?.id ?? '', matches: false });
    await expect(done).rejects.toThrow(/codes differ/);
    expect(end.views.at(-1)).toMatchObject({ pairing: { state: 'failed' }, paired: [] });
    expect(extension.storage.saves).not.toHaveBeenCalled();
  });

  it('refuses a code that was used already, or that expired', async () => {
    const end = await desktop();
    const first = await paired(end);
    await expect(extensionEnd().client.pair(first.code)).rejects.toThrow();
    expect(end.views.at(-1)?.paired).toHaveLength(1);

    const old = await desktop(memorySecrets(), { now: () => Date.now() - 121_000 });
    const view = await old.call('browsers.startPairing', undefined);
    await expect(extensionEnd().client.pair(view.pairing?.code ?? '')).rejects.toMatchObject({
      code: 'invite_expired',
    });
  });
});

describe('resuming', () => {
  it('resumes after the desktop restarts, and gets the window.ethereum list', async () => {
    const secrets = memorySecrets();
    const port = await freePort();
    const first = await desktop(secrets, { port });
    const extension = await paired(first);
    await first.bridge.close();
    await until(() => extension.statuses.at(-1) === 'offline');
    const second = await desktop(secrets, { port });
    const sites: string[][] = [];
    extension.client.onSites((list) => sites.push(list));
    await until(() => extension.statuses.at(-1) === 'online', 8000);
    expect(sites).toEqual([['https://app.example.org']]);
    await expect(extension.client.request('https://app.example.org', 'echo', 'again')).resolves.toBe('again');
    expect(second.views.at(-1)?.paired[0]?.online).toBe(true);
  });

  it('disconnects a revoked browser at once, and it cannot resume', async () => {
    const end = await desktop();
    const extension = await paired(end);
    const saved = extension.storage.desktop as PairedDesktop;
    const id = end.views.at(-1)?.paired[0]?.id ?? '';
    const view = await end.call('browsers.revoke', { id });
    expect(view.paired).toEqual([]);
    await until(() => extension.statuses.at(-1) === 'unpaired');
    expect(extension.storage.desktop).toBeNull();

    const again = extensionEnd(saved);
    await expect(again.client.connect()).rejects.toMatchObject({ code: 'revoked' });
    expect(again.statuses.at(-1)).toBe('unpaired');
  });
});

describe('what is not a paired extension gets nothing', () => {
  it('refuses a web page, or a process without an extension Origin, at the upgrade', async () => {
    const end = await desktop();
    expect((await rawSocket(end.port, 'https://evil.example')).opened).toBe(false);
    expect((await rawSocket(end.port, null)).opened).toBe(false);
    expect((await rawSocket(end.port, EXTENSION_ORIGIN)).opened).toBe(true);
  });

  it('closes a stranger with random keys without a single application message', async () => {
    const end = await desktop();
    await end.call('browsers.startPairing', undefined);
    const desktopKey = generateKeyPair().publicKey;
    for (const mode of ['pair', 'resume'] as const) {
      const raw = await rawSocket(end.port);
      const rendezvous = crypto.getRandomValues(new Uint8Array(16));
      const noise = new NoiseHandshake({
        role: 'initiator',
        prologue: bridgePrologue(mode, rendezvous),
        staticKey: generateKeyPair(),
        remoteStatic: desktopKey,
        psk: crypto.getRandomValues(new Uint8Array(32)),
      });
      raw.ws.send(encodeFirstFrame(mode, rendezvous, noise.writeMessage()));
      expect(await raw.closed).toBe(CLOSE_NOT_PAIRED);
      expect(raw.frames).toEqual([]);
    }
    const silent = await rawSocket(end.port);
    silent.ws.send(new Uint8Array(113));
    expect(await silent.closed).toBe(CLOSE_NOT_PAIRED);
    expect(end.views.at(-1)?.pairing?.state).toBe('waiting');
  });

  it('refuses a resume with the right id and key but another static key than the pinned one', async () => {
    const end = await desktop();
    const extension = await paired(end);
    const saved = extension.storage.desktop as PairedDesktop;
    const raw = await rawSocket(end.port);
    const rendezvous = hexToBytes(saved.browserId);
    const noise = new NoiseHandshake({
      role: 'initiator',
      prologue: bridgePrologue('resume', rendezvous),
      staticKey: generateKeyPair(),
      remoteStatic: hexToBytes(saved.desktopKey),
      psk: hexToBytes(saved.resumePsk),
    });
    raw.ws.send(encodeFirstFrame('resume', rendezvous, noise.writeMessage()));
    expect(await raw.closed).toBe(CLOSE_NOT_PAIRED);
    expect(raw.frames).toEqual([]);
  });

  it('closes a socket that holds the rendezvous but not the code’s key, and fails the attempt', async () => {
    const end = await desktop();
    const view = await end.call('browsers.startPairing', undefined);
    const { decodeBridgeCode } = await import('../../../shared/bridge/bridgeInvite');
    const invite = decodeBridgeCode(view.pairing?.code ?? '', Date.now());
    const raw = await rawSocket(end.port);
    const noise = new NoiseHandshake({
      role: 'initiator',
      prologue: bridgePrologue('pair', invite.rendezvous),
      staticKey: generateKeyPair(),
      remoteStatic: invite.desktopKey,
      psk: crypto.getRandomValues(new Uint8Array(32)),
    });
    raw.ws.send(encodeFirstFrame('pair', invite.rendezvous, noise.writeMessage()));
    await until(() => raw.frames.length === 1);
    // Without the psk it cannot read message 2, so whatever it seals next is garbage to the desktop.
    raw.ws.send(new Uint8Array(8 + 256 + 16));
    expect(await raw.closed).toBe(1008);
    expect(raw.frames).toHaveLength(1);
    await until(() => end.views.at(-1)?.pairing?.state === 'failed');
  });

  it('closes a socket that does not finish its handshake in time', async () => {
    const end = await desktop(memorySecrets(), { limits: { handshakeMs: 100 } });
    const raw = await rawSocket(end.port);
    expect(await raw.closed).toBe(1008);
    expect(raw.frames).toEqual([]);
  });
});

describe('frames and limits', () => {
  async function resumed(options: Parameters<typeof startDesktop>[2] = {}) {
    const end = await desktop(memorySecrets(), options);
    const extension = await paired(end);
    extension.client.close();
    await until(() => end.views.at(-1)?.paired[0]?.online === false);
    const raw = await rawResume(end.port, extension.storage.desktop as PairedDesktop);
    expect(raw.received()[0]).toMatchObject({ t: 'ready' });
    return { end, raw };
  }

  const echoFrame = (raw: Awaited<ReturnType<typeof rawResume>>) =>
    raw.sealed({
      t: 'request',
      id: '1',
      origin: 'https://a.example',
      method: 'echo',
      params: 1,
    })[0] as Uint8Array;

  it('refuses a replayed frame', async () => {
    const { raw } = await resumed();
    const frame = echoFrame(raw);
    raw.ws.send(frame);
    await until(() => raw.received().length === 2);
    raw.ws.send(frame);
    expect(await raw.closed).toBe(1008);
  });

  it('refuses a tampered frame', async () => {
    const { end, raw } = await resumed();
    const frame = echoFrame(raw);
    const tampered = frame.slice();
    tampered[20] = (tampered[20] as number) ^ 1;
    raw.ws.send(tampered);
    expect(await raw.closed).toBe(1008);
    expect(end.gateway.requests).toEqual([]);
  });

  it('refuses a message over 256 KiB, and a frame over the largest sealed frame', async () => {
    const { end, raw } = await resumed();
    const big = 'x'.repeat(300 * 1024);
    for (const frame of raw.channel.seal(
      new TextEncoder().encode(
        JSON.stringify({ t: 'request', id: '1', origin: 'https://a.example', method: 'echo', params: big }),
      ),
    )) {
      raw.ws.send(frame);
    }
    expect(await raw.closed).toBe(1008);
    expect(end.gateway.requests).toEqual([]);

    const other = await rawSocket(end.port);
    other.ws.send(new Uint8Array(MAX_FRAME_LENGTH + 1));
    expect(await other.closed).toBe(1009);
  });

  it('closes a socket past its frames per second, and refuses sockets past the limit at the upgrade', async () => {
    const { end, raw } = await resumed({ limits: { framesPerSecond: 3, sockets: 1 } });
    expect((await rawSocket(end.port)).opened).toBe(false);
    for (const id of ['1', '2']) {
      for (const frame of raw.sealed({ t: 'request', id, origin: 'https://a.example', method: 'echo' })) {
        raw.ws.send(frame);
      }
    }
    expect(await raw.closed).toBe(1008);
    expect(end.gateway.requests).toHaveLength(1);
  });

  it('answers -32005 past the in-flight limit', async () => {
    const { raw } = await resumed({ limits: { inFlight: 2 } });
    for (const id of ['1', '2', '3']) {
      for (const frame of raw.sealed({ t: 'request', id, origin: 'https://a.example', method: 'hang' }))
        raw.ws.send(frame);
    }
    await until(() => raw.received().length === 2);
    expect(raw.received()[1]).toMatchObject({ t: 'response', id: '3', error: { code: -32005 } });
  });
});

describe('the port', () => {
  it('reports a port that is taken in words, and runs on', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    cleanup.push(() => blocker.close());
    const port = (blocker.address() as { port: number }).port;
    const end = await desktop(memorySecrets(), { port });
    expect(end.views.at(-1)?.bridge).toEqual({
      listening: false,
      port,
      error: expect.stringMatching(/taken by another program/),
    });
    await expect(end.call('browsers.startPairing', undefined)).rejects.toThrow(/taken/);
  });
});
