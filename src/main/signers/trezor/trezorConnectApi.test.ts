import messages from '@trezor/protobuf/messages.json';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrezorConnectPackage } from './trezorConnectApi';

// The real init would open USB; these tests only check what it is given. test/trezor runs the real one.
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

  it('initialises for the main process: manifest, no popup, USB then Bridge, nothing from data.trezor.io', async () => {
    await createTrezorConnect();
    expect(init).toHaveBeenCalledWith({
      manifest: expect.objectContaining({ appName: 'Ledgerline' }),
      popup: false,
      transports: ['NodeUsbTransport', 'BridgeTransport'],
      pendingTransportEvent: true,
      lazyLoad: false,
      enableFirmwareHashCheck: false,
      firmwareUpdateSource: 'none',
      debug: false,
    });
  });

  it('talks only to the Bridge on the given port when one is named', async () => {
    await createTrezorConnect({ bridgePort: 40123 });
    const transports = (init.mock.calls[0]?.[0] as { transports: unknown[] }).transports;
    expect(transports).toHaveLength(1);
    // TrezorConnect constructs the class with its own parameters, the protobuf schema among them.
    const Bridge = transports[0] as new (params: { messages: unknown; id: string }) => {
      name: string;
      url: string;
    };
    expect(new Bridge({ messages, id: 'test' })).toMatchObject({
      name: 'BridgeTransport',
      url: 'http://127.0.0.1:40123',
    });
  });

  it('adds the UDP transport for an emulator', async () => {
    await createTrezorConnect({ udpEmulator: true });
    expect(init.mock.calls[0]?.[0]).toMatchObject({
      transports: ['NodeUsbTransport', 'BridgeTransport', 'UdpTransport'],
    });
  });

  it('initialises the TrezorConnect it is handed, and builds the Bridge from that package', async () => {
    const handed = vi.fn(async (_settings: unknown) => undefined);
    class HandedBridge {
      constructor(readonly params: { port?: number }) {}
    }
    // Only what createTrezorConnect touches of the package.
    const handedPackage = { TrezorConnect: { init: handed }, BridgeTransport: HandedBridge };
    const connect = await createTrezorConnect({
      bridgePort: 40124,
      load: async () => handedPackage as unknown as TrezorConnectPackage,
    });
    expect(connect).toMatchObject({ init: handed });
    expect(init).not.toHaveBeenCalled();
    const [Bridge] = (handed.mock.calls[0]?.[0] as { transports: (new (params: object) => HandedBridge)[] })
      .transports;
    expect(Bridge && new Bridge({})).toMatchObject({ params: { port: 40124 } });
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
