import type {
  Address,
  BundledParams,
  CommonParams,
  ConnectSettingsTransport,
  DEVICE_EVENT,
  DeviceEventMessage,
  EthereumSignedTx,
  EthereumSignMessage,
  EthereumSignTransaction,
  EthereumSignTypedDataTypes,
  EthereumSignTypedHash,
  Features,
  GetAddress,
  GetPublicKey,
  Params,
  PROTO,
  Response,
  TRANSPORT_EVENT,
  TransportEventMessage,
  UI_EVENT,
  UiEventMessage,
  UiResponseEvent,
} from '@trezor/connect';
import type { HDNodeResponse } from '@trezor/connect/lib/types/api/getPublicKey';
import type * as TrezorConnectBundle from './trezorConnectBundle';

/**
 * The part of `TrezorConnect` the wallet uses, with the package's own parameter and response types, so an
 * upgrade that changes them breaks the build here and in the test fake instead of failing on a device.
 */
export interface TrezorConnectApi {
  on(type: typeof DEVICE_EVENT, listener: (event: DeviceEventMessage) => void): void;
  on(type: typeof UI_EVENT, listener: (event: UiEventMessage) => void): void;
  on(type: typeof TRANSPORT_EVENT, listener: (event: TransportEventMessage) => void): void;
  off(
    type: typeof DEVICE_EVENT | typeof UI_EVENT | typeof TRANSPORT_EVENT,
    listener: (event: never) => void,
  ): void;
  uiResponse(response: UiResponseEvent): void;
  /** Ends the request in progress, including one waiting for a PIN or passphrase. */
  cancel(reason?: string): void;
  dispose(): void;
  getFeatures(params: CommonParams): Response<Features>;
  ethereumGetAddress(params: Params<GetAddress>): Response<Address>;
  ethereumGetAddress(params: BundledParams<GetAddress>): Response<Address[]>;
  ethereumGetPublicKey(params: Params<GetPublicKey>): Response<HDNodeResponse>;
  ethereumSignTransaction(params: Params<EthereumSignTransaction>): Response<EthereumSignedTx>;
  ethereumSignMessage(params: Params<EthereumSignMessage>): Response<PROTO.MessageSignature>;
  /** Always the form with hashes, which every model takes; a Model One can only sign those. */
  ethereumSignTypedData<T extends EthereumSignTypedDataTypes>(
    params: Params<EthereumSignTypedHash<T>>,
  ): Response<PROTO.EthereumTypedDataSignature>;
}

type RealConnect = TrezorConnectBundle.RealConnect;
type ConnectSettings = NonNullable<Parameters<RealConnect['init']>[0]>;

/**
 * TrezorConnect's `init` fetches the firmware release list from data.trezor.io whatever the other settings
 * say, and falls back to the list bundled in the package when that fails. A source it has no address for
 * makes the fetch fail before any connection is opened, so start-up stays on this machine (offline test in
 * test/trezor/offlineStartup.test.ts). The wallet never updates firmware; Trezor Suite does.
 */
const NO_FIRMWARE_SOURCE = 'none' as ConnectSettings['firmwareUpdateSource'];

export interface TrezorConnectOptions {
  /** Also talk to a Trezor emulator over UDP on 127.0.0.1:21324 (development only). */
  udpEmulator?: boolean;
  /**
   * Talk only to a Trezor Bridge on this 127.0.0.1 port instead of USB (the test bridge under test/trezor).
   * TrezorConnect's own Bridge default is port 21325.
   */
  bridgePort?: number;
  /**
   * Subscribes before `init`: devices already plugged in are announced while it runs, and a listener added
   * afterwards could miss them.
   */
  subscribe?: (connect: TrezorConnectApi) => void;
  /**
   * Where TrezorConnect comes from: by default the bundle beside the app's main bundle (or node_modules from
   * the source tree). The packaged-layout check hands the packaged app's own copy.
   */
  load?: () => Promise<TrezorConnectPackage>;
}

/** What trezorConnectBundle.ts exports, as the built trezor-connect.cjs also does. */
export type TrezorConnectPackage = typeof TrezorConnectBundle;

const loadBundled = (): Promise<TrezorConnectPackage> => import('./trezorConnectBundle');

/**
 * Loads and initialises the real TrezorConnect for Electron's main process. The package is loaded only
 * here, so importing this module neither loads it nor touches USB.
 */
export async function createTrezorConnect(options: TrezorConnectOptions = {}): Promise<TrezorConnectApi> {
  const loaded = await (options.load ?? loadBundled)();
  const connect: TrezorConnectApi & Pick<RealConnect, 'init'> = loaded.TrezorConnect;
  options.subscribe?.(connect);
  await connect.init({
    manifest: { appName: 'Ledgerline', email: 'release@ledgerline.app', appUrl: 'https://ledgerline.app' },
    popup: false,
    transports: transportsFor(options, loaded.BridgeTransport),
    pendingTransportEvent: true,
    lazyLoad: false,
    // The firmware hash check downloads the released firmware binary from data.trezor.io.
    enableFirmwareHashCheck: false,
    firmwareUpdateSource: NO_FIRMWARE_SOURCE,
    debug: false,
  });
  return connect;
}

function transportsFor(
  options: TrezorConnectOptions,
  BridgeTransport: TrezorConnectPackage['BridgeTransport'],
): ConnectSettingsTransport[] {
  const { bridgePort } = options;
  if (bridgePort !== undefined) {
    const port: number = bridgePort;
    // A class rather than an instance: TrezorConnect constructs it with its own logger, messages and id.
    return [
      class BridgeOnPort extends BridgeTransport {
        constructor(params: ConstructorParameters<typeof BridgeTransport>[0]) {
          super({ ...params, port });
        }
      },
    ];
  }
  // Node USB first; the Bridge daemon is still how older setups (and Windows without WinUSB) reach a device.
  return options.udpEmulator
    ? ['NodeUsbTransport', 'BridgeTransport', 'UdpTransport']
    : ['NodeUsbTransport', 'BridgeTransport'];
}
