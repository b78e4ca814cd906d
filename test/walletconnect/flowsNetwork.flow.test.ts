import { createServer, type Server } from 'node:http';
import { connect, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { guardNetwork, type NetworkGuard } from './flowsNetwork';

/** The guard the WalletConnect flows run under must stop, and record, anything that leaves the machine. */
describe('guardNetwork', () => {
  let guard: NetworkGuard | undefined;
  let server: Server | undefined;
  afterEach(async () => {
    guard?.restore();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(null)));
  });

  it('fails and records fetch to the internet, and lets loopback through', async () => {
    server = createServer((_request, response) => response.end('local'));
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    guard = guardNetwork();
    await expect(fetch('https://verify.walletconnect.org/v3/attestation?x=1')).rejects.toThrow(/no network/);
    expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('local');
    expect(guard.attempts).toEqual(['fetch https://verify.walletconnect.org/v3/attestation']);
  });

  it('fails and records a socket to another host, in every form of connect', async () => {
    guard = guardNetwork();
    const failures = [
      connect(443, 'relay.walletconnect.org'),
      connect({ host: '203.0.113.7', port: 80 }),
    ].map(
      (socket) => new Promise<string>((resolve) => socket.on('error', (error) => resolve(error.message))),
    );
    expect(await Promise.all(failures)).toEqual([
      'connect relay.walletconnect.org:443: this test has no network',
      'connect 203.0.113.7:80: this test has no network',
    ]);
    expect(guard.attempts).toEqual(['connect relay.walletconnect.org:443', 'connect 203.0.113.7:80']);
  });

  it('puts fetch and connect back', () => {
    const before = { fetch: globalThis.fetch, connect: Socket.prototype.connect };
    guardNetwork().restore();
    expect({ fetch: globalThis.fetch, connect: Socket.prototype.connect }).toEqual(before);
  });
});
