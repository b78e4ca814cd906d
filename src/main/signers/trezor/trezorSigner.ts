import type { DeviceUniquePath, Response } from '@trezor/connect';
import { hexlify } from 'ethers/utils';
import { toChecksumAddress, type ChecksumAddress } from '../../store/address';
import type { DeviceProbe } from '../deviceSource';
import type {
  ExtendedPublicKey,
  SignatureParts,
  Signer,
  TypedData,
  TypedDataSignature,
  UnsignedTransaction,
} from '../signer';
import type { TrezorConnectApi } from './trezorConnectApi';
import { DeviceError } from '../../../shared/deviceError';
import { trezorError } from './trezorErrors';
import { clearSignsTypedData } from './trezorModel';
import { signatureFromParts, signatureFromRsv } from './trezorSignature';
import { toTrezorTransaction } from './trezorTransaction';
import { toTrezorTypedData } from './trezorTypedData';

export interface TrezorDeviceRef {
  /** TrezorConnect's path for the plugged-in device; every call names it so a second Trezor is never used. */
  path: DeviceUniquePath;
  /** `internal_model` from the device's features (T1B1, T2T1…), null when the device has not said. */
  internalModel: string | null;
}

/**
 * The longest a request may take, user included: reading a long transaction on the device and confirming it
 * fits well inside. TrezorConnect itself waits without end for a device that is gone or never answers.
 */
export const TREZOR_CALL_TIMEOUT_MS = 5 * 60_000;

/** Signs on one Trezor through TrezorConnect; failures come out as DeviceErrors naming the device state. */
export class TrezorSigner implements Signer {
  readonly kind = 'trezor';
  private gone = false;
  /** Ends the request in progress with the given error; null when none is running. */
  private abortCurrent: ((error: DeviceError) => void) | null = null;

  constructor(
    private readonly connect: TrezorConnectApi,
    private readonly device: TrezorDeviceRef,
    private readonly timeoutMs = TREZOR_CALL_TIMEOUT_MS,
  ) {}

  /** The device was unplugged: the request in progress fails now and later ones fail at once. */
  disconnected(): void {
    this.gone = true;
    this.abort(trezorError({ code: 'Device_Disconnected', error: 'Device disconnected' }));
  }

  /** The user gave up on the request in progress (the wallet's cancel button). */
  cancel(): void {
    this.abort(trezorError({ code: 'Method_Cancel', error: 'Cancelled in the wallet' }));
  }

  async getAddresses(paths: readonly string[]): Promise<ChecksumAddress[]> {
    if (paths.length === 0) return [];
    const bundle = paths.map((path) => ({ path, showOnTrezor: false }));
    const addresses = await this.call(() => this.connect.ethereumGetAddress({ ...this.target(), bundle }));
    return addresses.map(({ address }) => toChecksumAddress(address));
  }

  async showAddress(path: string): Promise<ChecksumAddress> {
    const { address } = await this.call(() =>
      this.connect.ethereumGetAddress({ ...this.target(), path, showOnTrezor: true }),
    );
    return toChecksumAddress(address);
  }

  async getExtendedPublicKey(path: string): Promise<ExtendedPublicKey> {
    const node = await this.call(() => this.connect.ethereumGetPublicKey({ ...this.target(), path }));
    return { publicKey: bytes(node.publicKey, 33), chainCode: bytes(node.chainCode, 32) };
  }

  async signTransaction(path: string, transaction: UnsignedTransaction): Promise<SignatureParts> {
    const signed = await this.call(() =>
      this.connect.ethereumSignTransaction({
        ...this.target(),
        path,
        transaction: toTrezorTransaction(transaction),
      }),
    );
    return signatureFromParts(signed.r, signed.s, signed.v);
  }

  async signPersonalMessage(path: string, message: Uint8Array): Promise<SignatureParts> {
    const signed = await this.call(() =>
      this.connect.ethereumSignMessage({
        ...this.target(),
        path,
        message: hexlify(message).slice(2),
        hex: true,
      }),
    );
    return signatureFromRsv(signed.signature);
  }

  async signTypedData(path: string, data: TypedData): Promise<TypedDataSignature> {
    const request = toTrezorTypedData(path, data);
    const signed = await this.call(() =>
      this.connect.ethereumSignTypedData({ ...this.target(), ...request }),
    );
    return {
      signature: signatureFromRsv(signed.signature),
      mode: clearSignsTypedData(this.device.internalModel) ? 'clear' : 'hashed',
    };
  }

  async probe(): Promise<DeviceProbe> {
    const features = await this.call(() => this.connect.getFeatures(this.target()));
    const version = `${features.major_version}.${features.minor_version}.${features.patch_version}`;
    return {
      app: { name: 'Trezor firmware', version },
      blindSigning: null,
      clearSignsTypedData: clearSignsTypedData(features.internal_model),
    };
  }

  private target() {
    return { device: { path: this.device.path } };
  }

  private abort(error: DeviceError): void {
    const abort = this.abortCurrent;
    this.abortCurrent = null;
    abort?.(error);
  }

  private async call<T>(request: () => Response<T>): Promise<T> {
    if (this.gone) throw trezorError({ code: 'Device_Disconnected', error: 'Device disconnected' });
    let timer: NodeJS.Timeout | undefined;
    const aborted = new Promise<DeviceError>((resolve) => {
      this.abortCurrent = resolve;
      timer = setTimeout(() => this.abort(timedOut()), this.timeoutMs);
    });
    const pending = Promise.resolve().then(request);
    let response: Awaited<Response<T>> | DeviceError;
    try {
      response = await Promise.race([pending, aborted]);
    } catch (error) {
      throw trezorError(error);
    } finally {
      clearTimeout(timer);
      this.abortCurrent = null;
    }
    if (response instanceof DeviceError) {
      // TrezorConnect runs one request at a time: the next would fail as busy until this one has wound down
      // (Cancel sent, the device's answer read), which for a device that is gone may never happen.
      this.connect.cancel(response.message);
      await Promise.race([pending.catch(() => undefined), delay(CANCEL_SETTLE_MS)]);
      throw response;
    }
    if (!response.success) throw trezorError(response.payload);
    return response.payload;
  }
}

/** How long a cancelled request may take to wind down in TrezorConnect before the signer gives up on it. */
const CANCEL_SETTLE_MS = 3_000;

function timedOut(): DeviceError {
  return new DeviceError(
    'error',
    'The Trezor did not answer in time.',
    'Check that the Trezor is plugged in and unlocked, answer any request on its screen, then try again.',
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function bytes(hex: string, length: number): Uint8Array {
  const clean = hex.startsWith('0x') ? hex.slice(2) : hex;
  if (!/^[0-9a-fA-F]*$/.test(clean) || clean.length !== length * 2) {
    throw new Error(`The Trezor returned a key part that is not ${length} bytes.`);
  }
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}
