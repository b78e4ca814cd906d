import type * as os from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultRelayHost, relayInterfaces } from './relayInterfaces';

const { networkInterfaces } = vi.hoisted(() => ({
  networkInterfaces: vi.fn<() => NodeJS.Dict<NetworkInterfaceInfo[]>>(),
}));

vi.mock('node:os', async (importOriginal) => ({
  ...(await importOriginal<typeof os>()),
  networkInterfaces,
}));

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv4',
    internal,
    netmask: '255.255.255.0',
    mac: '00:00:00:00:00:00',
    cidr: null,
  };
}

function v6(address: string, internal = false): NetworkInterfaceInfo {
  return {
    address,
    family: 'IPv6',
    internal,
    netmask: 'ffff:ffff:ffff:ffff::',
    mac: '00:00:00:00:00:00',
    cidr: null,
    scopeid: 0,
  };
}

describe('relayInterfaces', () => {
  beforeEach(() => {
    networkInterfaces.mockReset();
  });

  it('lists IPv4 addresses, names internal ones loopback and skips IPv6', () => {
    networkInterfaces.mockReturnValue({
      lo: [v4('127.0.0.1', true), v6('::1', true)],
      wlan0: [v4('192.168.1.20'), v6('fe80::1')],
    });
    expect(relayInterfaces()).toEqual([
      { name: 'loopback', address: '127.0.0.1' },
      { name: 'wlan0', address: '192.168.1.20' },
    ]);
  });

  it('always includes 127.0.0.1 named loopback, even when the OS reports none', () => {
    networkInterfaces.mockReturnValue({});
    expect(relayInterfaces()).toEqual([{ name: 'loopback', address: '127.0.0.1' }]);
    networkInterfaces.mockReturnValue({ en0: [v4('10.0.0.5')], utun: undefined });
    expect(relayInterfaces()).toEqual([
      { name: 'en0', address: '10.0.0.5' },
      { name: 'loopback', address: '127.0.0.1' },
    ]);
  });

  it('does not list 127.0.0.1 twice', () => {
    networkInterfaces.mockReturnValue({ lo: [v4('127.0.0.1', true)] });
    expect(relayInterfaces().filter((entry) => entry.address === '127.0.0.1')).toHaveLength(1);
  });
});

describe('defaultRelayHost', () => {
  beforeEach(() => {
    networkInterfaces.mockReset();
  });

  it('prefers a non-loopback IPv4 address', () => {
    networkInterfaces.mockReturnValue({
      lo: [v4('127.0.0.1', true)],
      docker0: [v6('fe80::42')],
      wlan0: [v4('192.168.1.20')],
    });
    expect(defaultRelayHost()).toBe('192.168.1.20');
  });

  it('falls back to 127.0.0.1 when only loopback or IPv6 is available', () => {
    networkInterfaces.mockReturnValue({ lo: [v4('127.0.0.1', true)], wlan0: [v6('fe80::1')] });
    expect(defaultRelayHost()).toBe('127.0.0.1');
    networkInterfaces.mockReturnValue({});
    expect(defaultRelayHost()).toBe('127.0.0.1');
  });
});
