import type { DeviceState } from '../../shared/devices';
import type { ChecksumAddress } from '../store/address';

/** An unsigned transaction as every signer takes it; `type` 0 is legacy (EIP-155), 2 is EIP-1559. */
export type UnsignedTransaction = {
  chainId: bigint;
  nonce: number;
  to: ChecksumAddress | null;
  value: bigint;
  data: string;
  gasLimit: bigint;
} & ({ type: 0; gasPrice: bigint } | { type: 2; maxFeePerGas: bigint; maxPriorityFeePerGas: bigint });

/** A secp256k1 signature as devices return it, normalised: `r` and `s` are 0x-prefixed 32-byte hex. */
export interface SignatureParts {
  r: string;
  s: string;
  yParity: 0 | 1;
}

/** EIP-712 typed data as `eth_signTypedData_v4` takes it, `EIP712Domain` included in `types`. */
export interface TypedData {
  domain: Record<string, unknown>;
  types: Record<string, readonly { name: string; type: string }[]>;
  primaryType: string;
  message: Record<string, unknown>;
}

/** `hashed`: the device showed only the domain and message hashes, so the user signed blind. */
export type TypedDataMode = 'clear' | 'hashed';

/** What the user allowed for one typed-data request. */
export interface TypedDataOptions {
  /** Whether a device that can show only the two hashes may sign; refused when absent. */
  allowHashed: boolean;
}

export interface TypedDataSignature {
  signature: SignatureParts;
  mode: TypedDataMode;
}

/** A public key with its chain code, so children of non-hardened levels derive without the device. */
export interface ExtendedPublicKey {
  /** 33-byte compressed secp256k1 public key. */
  publicKey: Uint8Array;
  chainCode: Uint8Array;
}

/**
 * What a device is doing right now, reported while a request runs so the user is never left guessing.
 * `detail` is shown with the state (e.g. the app that is open when another one is needed).
 */
export interface DeviceActivity {
  state: DeviceState;
  detail?: string;
}

export type ActivityListener = (activity: DeviceActivity) => void;

/**
 * One interface for every kind of signer. Paths are BIP32 strings such as `m/44'/60'/0'/0/0`. A signer
 * returns raw signatures; `VerifiedSigner` recovers each one and compares it with the account's address
 * before anything leaves main.
 */
export interface Signer {
  readonly kind: 'ledger' | 'trezor' | 'phone' | 'watch';
  /** One device request per path, unless the signer can batch. */
  getAddresses(paths: readonly string[]): Promise<ChecksumAddress[]>;
  /** Shows the address on the device's screen and resolves when the user confirms it there. */
  showAddress(path: string): Promise<ChecksumAddress>;
  getExtendedPublicKey(path: string): Promise<ExtendedPublicKey>;
  signTransaction(path: string, transaction: UnsignedTransaction): Promise<SignatureParts>;
  /** Signs with the EIP-191 `\x19Ethereum Signed Message:\n` prefix, which the device adds. */
  signPersonalMessage(path: string, message: Uint8Array): Promise<SignatureParts>;
  signTypedData(path: string, data: TypedData, options?: TypedDataOptions): Promise<TypedDataSignature>;
}
