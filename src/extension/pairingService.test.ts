import { describe, expect, it, vi } from 'vitest';
import type { LinkStatus } from './linkState';
import type { PairingUpdate } from './pairingMessages';
import { servePairingPage, type DesktopPairing, type PairingDeps, type PairingPort } from './pairingService';

const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

function pagePort(origin = EXTENSION) {
  const sent: PairingUpdate[] = [];
  const onMessage: ((message: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  const port: PairingPort = {
    sender: { origin, url: `${origin}/pair.html`, id: 'abcdefghijklmnopabcdefghijklmnop' },
    postMessage: (message) => sent.push(message),
    onMessage: { addListener: (listener) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
    disconnect: vi.fn(),
  };
  return {
    port,
    sent,
    send: (message: unknown) => onMessage.forEach((listener) => listener(message)),
    close: () => onDisconnect.forEach((listener) => listener()),
  };
}

function deps(client: DesktopPairing, status: LinkStatus = 'unpaired') {
  const listeners = new Set<(status: LinkStatus) => void>();
  const state = {
    status,
    onChange: (listener: (status: LinkStatus) => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const change = (next: LinkStatus) => {
    state.status = next;
    listeners.forEach((listener) => listener(next));
  };
  const all: PairingDeps = { client, state, extensionOrigin: EXTENSION, desktopName: async () => 'Studio' };
  return { deps: all, change, listeners };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const noClient: DesktopPairing = { pair: vi.fn(), unpair: vi.fn() };

describe('servePairingPage', () => {
  it('serves only pages of the extension itself', () => {
    const page = pagePort('https://evil.example');
    servePairingPage(page.port, deps(noClient).deps);
    page.send({ type: 'unpair' });
    expect(page.port.disconnect).toHaveBeenCalled();
    expect(noClient.unpair).not.toHaveBeenCalled();
    expect(page.sent).toEqual([]);
  });

  it('shows the SAS once the desktop proved the code, then the desktop that confirmed', async () => {
    let confirm: (value: { desktopName: string }) => void = () => undefined;
    const client: DesktopPairing = {
      pair: vi.fn(async () => ({
        sas: '123456',
        done: new Promise<{ desktopName: string }>((resolve) => (confirm = resolve)),
      })),
      unpair: vi.fn(),
    };
    const page = pagePort();
    const { deps: all, change } = deps(client);
    servePairingPage(page.port, all);
    page.send({ type: 'pair', code: '  ledgerline-extension:AAAA  ' });
    await settle();
    expect(client.pair).toHaveBeenCalledWith('ledgerline-extension:AAAA');
    confirm({ desktopName: 'Studio' });
    change('online');
    await settle();
    expect(page.sent).toEqual([
      { type: 'status', status: 'unpaired', desktopName: 'Studio' },
      { type: 'sas', sas: '123456' },
      { type: 'paired', desktopName: 'Studio' },
      { type: 'status', status: 'online', desktopName: 'Studio' },
    ]);
  });

  it("reports the client's own sentence when pairing fails, and a generic one otherwise", async () => {
    const client: DesktopPairing = {
      pair: vi
        .fn()
        .mockRejectedValueOnce(new Error('This pairing code has expired.'))
        .mockRejectedValueOnce({}),
      unpair: vi.fn(),
    };
    const page = pagePort();
    servePairingPage(page.port, deps(client).deps);
    page.send({ type: 'pair', code: 'x' });
    page.send({ type: 'pair', code: 'y' });
    page.send({ type: 'pair', code: 'z'.repeat(301) });
    await settle();
    expect(page.sent.slice(1)).toEqual([
      { type: 'failed', message: 'This pairing code has expired.' },
      { type: 'failed', message: expect.stringMatching(/Make a new code/) },
    ]);
    expect(client.pair).toHaveBeenCalledTimes(2);
  });

  it('unpairs, and stops writing to a page that closed', async () => {
    const client: DesktopPairing = { pair: vi.fn(), unpair: vi.fn(async () => undefined) };
    const page = pagePort();
    const { deps: all, change, listeners } = deps(client, 'online');
    servePairingPage(page.port, all);
    page.send({ type: 'unpair' });
    await settle();
    expect(client.unpair).toHaveBeenCalledOnce();
    page.close();
    change('unpaired');
    await settle();
    expect(listeners.size).toBe(0);
    expect(page.sent.map((update) => update.type)).toEqual(['status', 'status']);
  });
});
