import { beforeEach, describe, expect, it, vi } from 'vitest';

// The real init would open USB and reach for data.trezor.io; these tests only check what it is given.
const order: string[] = [];
const init = vi.fn(async (_settings: unknown) => {
  order.push('init');
});
vi.mock('@trezor/connect', () => ({ default: { init } }));

const { createTrezorConnect } = await import('./trezorConnectApi');

describe('createTrezorConnect', () => {
  beforeEach(() => {
    order.length = 0;
    init.mockClear();
  });

  it('initialises for the main process: manifest, no popup, USB then Bridge, no firmware download', async () => {
    await createTrezorConnect();
    expect(init).toHaveBeenCalledWith({
      manifest: expect.objectContaining({ appName: 'Ledgerline' }),
      popup: false,
      transports: ['NodeUsbTransport', 'BridgeTransport'],
      pendingTransportEvent: true,
      lazyLoad: false,
      enableFirmwareHashCheck: false,
      debug: false,
    });
  });

  it('adds the UDP transport for an emulator', async () => {
    await createTrezorConnect({ udpEmulator: true });
    expect(init.mock.calls[0]?.[0]).toMatchObject({
      transports: ['NodeUsbTransport', 'BridgeTransport', 'UdpTransport'],
    });
  });

  it('subscribes before init, so devices announced during init are heard', async () => {
    await createTrezorConnect({ subscribe: () => order.push('subscribe') });
    expect(order).toEqual(['subscribe', 'init']);
  });
});

describe('createTrezorConnect under node-mode CommonJS interop', () => {
  it('finds TrezorConnect when the default export is the whole module.exports', async () => {
    vi.resetModules();
    vi.doMock('@trezor/connect', () => ({ default: { default: { init } } }));
    const fresh = await import('./trezorConnectApi');
    init.mockClear();
    await fresh.createTrezorConnect();
    expect(init).toHaveBeenCalledOnce();
    vi.doUnmock('@trezor/connect');
  });
});
