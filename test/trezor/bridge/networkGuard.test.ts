import { createServer, Socket } from 'node:net';
import type { AddressInfo, SocketConnectOpts } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { blockOutboundNetwork, type NetworkGuard } from './networkGuard';

let guard: NetworkGuard | null = null;
afterEach(() => guard?.restore());

describe('blockOutboundNetwork', () => {
  it('refuses and records a connection off the machine, before any packet leaves', async () => {
    guard = blockOutboundNetwork();
    await expect(fetch('https://example.com/')).rejects.toThrow();
    expect(guard.attempts).toEqual(['example.com:443']);
  });

  it('refuses a TCP connection whose options carry path: null, as http clients pass them', async () => {
    guard = blockOutboundNetwork();
    const socket = new Socket();
    const failed = new Promise<Error>((resolve) => socket.once('error', resolve));
    socket.connect({ host: 'data.trezor.io', port: 443, path: null } as unknown as SocketConnectOpts);
    expect((await failed).message).toMatch(/data\.trezor\.io:443/);
    expect(guard.attempts).toEqual(['data.trezor.io:443']);
  });

  it('lets loopback through', async () => {
    const server = createServer((socket) => socket.end('hi'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    guard = blockOutboundNetwork();
    const { port } = server.address() as AddressInfo;
    const { connect } = await import('node:net');
    const text = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      socket.on('data', (data) => resolve(data.toString()));
      socket.on('error', reject);
    });
    expect(text).toBe('hi');
    expect(guard.attempts).toEqual([]);
    server.close();
  });
});
