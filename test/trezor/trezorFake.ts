import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync } from '@scure/bip39';
import {
  DEVICE,
  DEVICE_EVENT,
  TRANSPORT,
  TRANSPORT_EVENT,
  UI,
  UI_EVENT,
  UI_RESPONSE,
  type Address,
  type BundledParams,
  type CommonParams,
  type Device,
  type DeviceEventMessage,
  type DeviceUniquePath,
  type EthereumSignedTx,
  type EthereumSignMessage,
  type EthereumSignTransaction,
  type EthereumSignTypedDataTypes,
  type EthereumSignTypedHash,
  type Features,
  type GetAddress,
  type GetPublicKey,
  type Params,
  type PROTO,
  type Response,
  type TransportEventMessage,
  type UiEventMessage,
  type UiResponseEvent,
  type Unsuccessful,
} from '@trezor/connect';
import type { HDNodeResponse } from '@trezor/connect/lib/types/api/getPublicKey';
import { concat, getBytes, hexlify, keccak256 } from 'ethers';
import { hashMessage, TypedDataEncoder } from 'ethers/hash';
import { computeAddress, Transaction } from 'ethers/transaction';
import type { TrezorConnectApi } from '../../src/main/signers/trezor/trezorConnectApi';
import {
  address,
  FAKE_PATH,
  fakeDevice,
  fakeFeatures,
  fakeUnacquired,
  key,
  pathNumbers,
  pathString,
} from './trezorFakeDevice';
import {
  settleTrezorOptions,
  type SettledTrezorOptions,
  type TrezorModel,
  type TrezorOptions,
} from './trezorOptions';

export type TrezorFakeOptions = TrezorOptions;
export type { TrezorModel };

type Failure = Unsuccessful['payload'];
type EventName = typeof DEVICE_EVENT | typeof UI_EVENT | typeof TRANSPORT_EVENT;
type AnyMessage = DeviceEventMessage | UiEventMessage | TransportEventMessage;

/**
 * A stand-in for TrezorConnect with one Trezor behind it, holding the abandon test mnemonic. It signs for
 * real (EIP-191, EIP-712, legacy and EIP-1559 transactions) and walks the same PIN, passphrase and button
 * events a device does, so the wallet's Trezor code runs unchanged against it. It is not an emulator: it
 * speaks TrezorConnect's API, not the device protocol.
 */
export class TrezorConnectFake implements TrezorConnectApi {
  /** Method names in call order, so tests can count device round trips. */
  readonly calls: string[] = [];
  private readonly listeners = new Map<EventName, Set<(event: AnyMessage) => void>>();
  private readonly options: SettledTrezorOptions;
  private connected = false;
  private elsewhere = false;
  private locked: boolean;
  /** The passphrase of the open session; null until asked (or when protection is off, the empty one). */
  private sessionPassphrase: string | null;
  private nextFailure: Failure | null = null;
  private rejectNextConfirmation = false;
  private unplugOnFailure = false;
  /** Resolves the open PIN or passphrase prompt with the answer, or with the failure that ended it. */
  private waiting: ((response: UiResponseEvent | Failure) => void) | null = null;

  constructor(options: TrezorFakeOptions = {}) {
    this.options = settleTrezorOptions(options);
    this.locked = this.options.pin !== null;
    this.sessionPassphrase = this.options.passphrase ? null : '';
  }

  get path(): DeviceUniquePath {
    return FAKE_PATH;
  }

  // Test controls.

  /** Plugs the device in (announced as unacquired while another app holds it). */
  plugIn(): void {
    this.connected = true;
    this.emitDevice(this.elsewhere ? DEVICE.CONNECT_UNACQUIRED : DEVICE.CONNECT);
  }

  /** Unplugs it: pending requests fail as disconnected and the session (PIN, passphrase) ends. */
  unplug(): void {
    this.connected = false;
    this.locked = this.options.pin !== null;
    this.sessionPassphrase = this.options.passphrase ? null : '';
    this.answerWaiting({ code: 'Device_Disconnected', error: 'Device disconnected' });
    this.emitDevice(DEVICE.DISCONNECT);
  }

  /** Another application (Trezor Suite) takes or releases the device. */
  setUsedElsewhere(elsewhere: boolean): void {
    this.elsewhere = elsewhere;
    if (this.connected) this.emitDevice(DEVICE.CHANGED);
  }

  /** The user presses "cancel" on the device at the next confirmation. */
  rejectNext(): void {
    this.rejectNextConfirmation = true;
  }

  /** The next request fails as TrezorConnect would report it, e.g. `Device_CallInProgress`. */
  failNext(code: NonNullable<Failure['code']>, error = 'Failure from the Trezor fake'): void {
    this.nextFailure = { code, error };
  }

  /** The next request is cut off by the cable coming out. */
  unplugDuringNext(): void {
    this.nextFailure = { code: 'Device_Disconnected', error: 'Device disconnected' };
    this.unplugOnFailure = true;
  }

  /** The OS denies the USB device (Linux without udev rules): it shows up unreadable. */
  plugInWithoutPermission(): void {
    this.emit(DEVICE_EVENT, {
      event: DEVICE_EVENT,
      type: DEVICE.CONNECT,
      payload: {
        type: 'unreadable',
        path: FAKE_PATH,
        name: 'Trezor',
        label: 'Unreadable device',
        error: 'LIBUSB_ERROR_ACCESS: Access denied (insufficient permissions)',
        hid: false,
        descriptor: { apiType: 'usb', id: 'fake-usb-1' },
      },
    });
  }

  /** The USB layer fails as a whole, e.g. `LIBUSB_ERROR_ACCESS` when no udev rule lets this user in. */
  failTransport(error: string): void {
    this.emit(TRANSPORT_EVENT, {
      event: TRANSPORT_EVENT,
      type: TRANSPORT.ERROR,
      payload: { apiType: 'usb', error },
    });
  }

  // TrezorConnectApi.

  on(type: typeof DEVICE_EVENT, listener: (event: DeviceEventMessage) => void): void;
  on(type: typeof UI_EVENT, listener: (event: UiEventMessage) => void): void;
  on(type: typeof TRANSPORT_EVENT, listener: (event: TransportEventMessage) => void): void;
  on(type: EventName, listener: (event: never) => void): void {
    const set = this.listeners.get(type) ?? new Set();
    set.add(listener as (event: AnyMessage) => void);
    this.listeners.set(type, set);
  }

  off(type: EventName, listener: (event: never) => void): void {
    this.listeners.get(type)?.delete(listener as (event: AnyMessage) => void);
  }

  uiResponse(response: UiResponseEvent): void {
    this.answerWaiting(response);
  }

  /** As TrezorConnect's cancel: the open request ends as interrupted, or as cancelled with a reason. */
  cancel(reason?: string): void {
    this.answerWaiting(
      reason === undefined
        ? { code: 'Method_Interrupted', error: 'Popup closed' }
        : { code: 'Method_Cancel', error: reason },
    );
  }

  dispose(): void {
    this.listeners.clear();
  }

  getFeatures(params: CommonParams): Response<Features> {
    return this.run('getFeatures', params, false, () => fakeFeatures(this.options, this.locked));
  }

  ethereumGetAddress(params: Params<GetAddress>): Response<Address>;
  ethereumGetAddress(params: BundledParams<GetAddress>): Response<Address[]>;
  ethereumGetAddress(
    params: Params<GetAddress> | BundledParams<GetAddress>,
  ): Response<Address> | Response<Address[]> {
    if (params.bundle) {
      const bundle = params.bundle;
      return this.run(
        'ethereumGetAddress',
        params,
        bundle.some((item) => item.showOnTrezor),
        (root) => bundle.map((item) => address(root, item.path)),
      );
    }
    return this.run('ethereumGetAddress', params, params.showOnTrezor === true, (root) =>
      address(root, params.path),
    );
  }

  ethereumGetPublicKey(params: Params<GetPublicKey>): Response<HDNodeResponse> {
    return this.run('ethereumGetPublicKey', params, false, (root) => {
      const path = pathString(params.path);
      const node = root.derive(path);
      return {
        publicKey: hexlify(node.publicKey ?? new Uint8Array()).slice(2),
        chainCode: hexlify(node.chainCode ?? new Uint8Array()).slice(2),
        path: pathNumbers(path),
        serializedPath: path,
        childNum: node.index,
        xpub: node.publicExtendedKey,
        fingerprint: node.parentFingerprint,
        depth: node.depth,
      };
    });
  }

  ethereumSignTransaction(params: Params<EthereumSignTransaction>): Response<EthereumSignedTx> {
    return this.run('ethereumSignTransaction', params, true, (root) => {
      const input = params.transaction;
      const eip1559 = input.maxFeePerGas !== undefined;
      const transaction = Transaction.from({
        type: eip1559 ? 2 : 0,
        chainId: input.chainId,
        nonce: Number(BigInt(input.nonce)),
        to: input.to,
        value: BigInt(input.value),
        gasLimit: BigInt(input.gasLimit),
        data: input.data ?? '0x',
        ...(eip1559
          ? {
              maxFeePerGas: BigInt(input.maxFeePerGas),
              maxPriorityFeePerGas: BigInt(input.maxPriorityFeePerGas),
            }
          : { gasPrice: BigInt(input.gasPrice ?? 0) }),
      });
      const signature = key(root, params.path).sign(transaction.unsignedHash);
      transaction.signature = signature;
      // As TrezorConnect reports it: the full EIP-155 v for legacy, the parity for typed transactions.
      const v = eip1559
        ? BigInt(signature.yParity)
        : BigInt(input.chainId) * 2n + 35n + BigInt(signature.yParity);
      return {
        v: `0x${v.toString(16)}`,
        r: signature.r,
        s: signature.s,
        serializedTx: transaction.serialized,
      };
    });
  }

  ethereumSignMessage(params: Params<EthereumSignMessage>): Response<PROTO.MessageSignature> {
    return this.run('ethereumSignMessage', params, true, (root) => {
      const message = params.hex ? getBytes(`0x${params.message.replace(/^0x/, '')}`) : params.message;
      const signingKey = key(root, params.path);
      return {
        address: computeAddress(signingKey.publicKey),
        signature: signingKey.sign(hashMessage(message)).serialized.slice(2),
      };
    });
  }

  ethereumSignTypedData<T extends EthereumSignTypedDataTypes>(
    params: Params<EthereumSignTypedHash<T>>,
  ): Response<PROTO.EthereumTypedDataSignature> {
    return this.run('ethereumSignTypedData', params, true, (root) => {
      const signingKey = key(root, params.path);
      return {
        address: computeAddress(signingKey.publicKey),
        signature: signingKey.sign(this.typedDataDigest(params)).serialized,
      };
    });
  }

  // Internals.

  /** A Model One signs exactly the hashes it is given; later models hash the structs themselves. */
  private typedDataDigest<T extends EthereumSignTypedDataTypes>(params: EthereumSignTypedHash<T>): string {
    if (this.options.model === 'T1B1') {
      return keccak256(concat(['0x1901', params.domain_separator_hash, params.message_hash ?? '0x']));
    }
    const { EIP712Domain, ...structs } = params.data.types as EthereumSignTypedDataTypes;
    const domain = TypedDataEncoder.hashStruct('EIP712Domain', { EIP712Domain }, params.data.domain);
    const primaryType = String(params.data.primaryType);
    if (primaryType === 'EIP712Domain') return keccak256(concat(['0x1901', domain]));
    return keccak256(
      concat(['0x1901', domain, TypedDataEncoder.hashStruct(primaryType, structs, params.data.message)]),
    );
  }

  private async run<R>(
    method: string,
    params: CommonParams,
    confirm: boolean,
    work: (root: HDKey) => R,
  ): Promise<{ success: true; payload: R } | Unsuccessful> {
    this.calls.push(method);
    const failure = await this.gate(params, confirm);
    if (failure) return { success: false, payload: failure };
    return { success: true, payload: work(this.root()) };
  }

  /** The checks a real device passes a request through, in its order; returns the failure, if any. */
  private async gate(params: CommonParams, confirm: boolean): Promise<Failure | null> {
    if (!this.connected || (params.device?.path !== undefined && params.device.path !== FAKE_PATH)) {
      return { code: 'Device_NotFound', error: 'Device not found' };
    }
    if (this.elsewhere) return { code: 'Device_UsedElsewhere', error: 'Device is used in another window' };
    if (this.nextFailure) {
      const failure = this.nextFailure;
      this.nextFailure = null;
      if (this.unplugOnFailure) {
        this.unplugOnFailure = false;
        this.unplug();
      }
      return failure;
    }
    if (this.locked) {
      const answer = await this.ask(UI.REQUEST_PIN);
      if ('error' in answer) return answer;
      if (answer.type !== UI_RESPONSE.RECEIVE_PIN)
        return { code: 'Failure_PinCancelled', error: 'PIN cancelled' };
      if (answer.payload !== this.options.pin) return { code: 'Failure_PinInvalid', error: 'PIN invalid' };
      this.locked = false;
    }
    if (this.sessionPassphrase === null) {
      const answer = await this.ask(UI.REQUEST_PASSPHRASE);
      if ('error' in answer) return answer;
      if (answer.type !== UI_RESPONSE.RECEIVE_PASSPHRASE) {
        return { code: 'Failure_ActionCancelled', error: 'Passphrase cancelled' };
      }
      this.sessionPassphrase = answer.payload.value;
    }
    if (confirm) {
      this.emit(UI_EVENT, {
        event: UI_EVENT,
        type: UI.REQUEST_BUTTON,
        payload: { device: fakeDevice(this.options, this.locked), code: 'ButtonRequest_Other' },
      });
      if (this.rejectNextConfirmation) {
        this.rejectNextConfirmation = false;
        return { code: 'Failure_ActionCancelled', error: 'Action cancelled by user' };
      }
    }
    return null;
  }

  private ask(
    type: typeof UI.REQUEST_PIN | typeof UI.REQUEST_PASSPHRASE,
  ): Promise<UiResponseEvent | Failure> {
    const answered = new Promise<UiResponseEvent | Failure>((resolve) => {
      this.waiting = resolve;
    });
    this.emit(UI_EVENT, {
      event: UI_EVENT,
      type,
      payload: { device: fakeDevice(this.options, this.locked) },
    });
    return answered;
  }

  private answerWaiting(response: UiResponseEvent | Failure): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.(response);
  }

  private root(): HDKey {
    return HDKey.fromMasterSeed(mnemonicToSeedSync(this.options.mnemonic, this.sessionPassphrase ?? ''));
  }

  private emitDevice(
    type:
      | typeof DEVICE.CONNECT
      | typeof DEVICE.CONNECT_UNACQUIRED
      | typeof DEVICE.CHANGED
      | typeof DEVICE.DISCONNECT,
  ): void {
    const payload: Device =
      this.elsewhere && type !== DEVICE.DISCONNECT ? fakeUnacquired() : fakeDevice(this.options, this.locked);
    this.emit(DEVICE_EVENT, { event: DEVICE_EVENT, type, payload });
  }

  private emit(type: EventName, message: AnyMessage): void {
    for (const listener of this.listeners.get(type) ?? []) listener(message);
  }
}
