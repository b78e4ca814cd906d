import { concat, getBytes, hexlify, keccak256 } from 'ethers';
import type { Signature } from 'ethers/crypto';
import { hashMessage } from 'ethers/hash';
import { Transaction, type TransactionLike } from 'ethers/transaction';
import { DeviceFailure, expectMessage, type DeviceFlow, type EthereumContext } from './deviceFlow';
import { signTypedData } from './typedDataFlow';
import type { WireMessage } from './trezorWire';

/** The firmware asks for transaction data in chunks of at most this many bytes. */
export const DATA_CHUNK_BYTES = 1024;
/** Longest calldata the emulator accepts, so a host cannot make it buffer without end. */
const MAX_DATA_BYTES = 256 * 1024;
/** Above this chain id the legacy `v` no longer fits a uint32, so the firmware returns the parity alone. */
const MAX_LEGACY_CHAIN_ID = Math.floor((0xffff_ffff - 36) / 2);

type Fields = Record<string, unknown>;

/** The Ethereum messages the emulator answers, by request type. */
export const ETHEREUM_FLOWS: Readonly<
  Record<string, (context: EthereumContext, message: Fields) => DeviceFlow>
> = {
  EthereumGetPublicKey: getPublicKey,
  EthereumGetAddress: getAddress,
  EthereumSignTx: signLegacyTransaction,
  EthereumSignTxEIP1559: signEip1559Transaction,
  EthereumSignMessage: signMessage,
  EthereumSignTypedHash: signTypedHash,
  EthereumSignTypedData: signTypedData,
};

// Generators without a yield are still flows: the device answers at once.
// eslint-disable-next-line require-yield
function* getPublicKey(context: EthereumContext, message: Fields): DeviceFlow {
  const node = context.keys.node(addressN(message));
  if (!node.publicKey) throw new DeviceFailure('Failure_ProcessError', 'No public key');
  return {
    type: 'EthereumPublicKey',
    message: {
      node: {
        depth: node.depth,
        fingerprint: node.parentFingerprint,
        child_num: node.index,
        chain_code: hexlify(node.chainCode ?? new Uint8Array()).slice(2),
        public_key: hexlify(node.publicKey).slice(2),
      },
      xpub: node.publicExtendedKey,
    },
  };
}

function* getAddress(context: EthereumContext, message: Fields): DeviceFlow {
  const address = context.keys.address(addressN(message));
  if (message.show_display === true) yield* context.confirm('ButtonRequest_Address');
  return { type: 'EthereumAddress', message: { address } };
}

function* signLegacyTransaction(context: EthereumContext, message: Fields): DeviceFlow {
  const data = yield* readData(message);
  yield* context.confirm('ButtonRequest_SignTx');
  const chainId = Number(message.chain_id);
  const transaction = Transaction.from({
    type: 0,
    chainId,
    nonce: Number(quantity(message.nonce)),
    gasPrice: quantity(message.gas_price),
    gasLimit: quantity(message.gas_limit),
    ...commonFields(message, data),
  });
  const signature = sign(context, message, transaction.unsignedHash);
  const v = chainId > MAX_LEGACY_CHAIN_ID ? signature.yParity : signature.yParity + 2 * chainId + 35;
  return transactionSignature(signature, v);
}

function* signEip1559Transaction(context: EthereumContext, message: Fields): DeviceFlow {
  const data = yield* readData(message);
  yield* context.confirm('ButtonRequest_SignTx');
  const accessList = Array.isArray(message.access_list) ? (message.access_list as Fields[]) : [];
  const transaction = Transaction.from({
    type: 2,
    chainId: Number(message.chain_id),
    nonce: Number(quantity(message.nonce)),
    maxFeePerGas: quantity(message.max_gas_fee),
    maxPriorityFeePerGas: quantity(message.max_priority_fee),
    gasLimit: quantity(message.gas_limit),
    accessList: accessList.map((entry) => ({
      address: String(entry.address),
      storageKeys: (entry.storage_keys as string[]).map((key) => `0x${key}`),
    })),
    ...commonFields(message, data),
  });
  const signature = sign(context, message, transaction.unsignedHash);
  return transactionSignature(signature, signature.yParity);
}

function* signMessage(context: EthereumContext, message: Fields): DeviceFlow {
  yield* context.confirm('ButtonRequest_ProtectCall');
  const signature = sign(context, message, hashMessage(getBytes(`0x${String(message.message)}`)));
  return messageSignature(context, message, signature, 'EthereumMessageSignature');
}

function* signTypedHash(context: EthereumContext, message: Fields): DeviceFlow {
  yield* context.confirm('ButtonRequest_ProtectCall');
  const parts = ['0x1901', `0x${String(message.domain_separator_hash)}`];
  // A message whose primary type is EIP712Domain has no struct hash: the digest covers the domain alone.
  if (typeof message.message_hash === 'string') parts.push(`0x${message.message_hash}`);
  const signature = sign(context, message, keccak256(concat(parts)));
  return messageSignature(context, message, signature, 'EthereumTypedDataSignature');
}

/** The initial chunk, then `EthereumTxRequest`/`EthereumTxAck` rounds until `data_length` bytes arrived. */
function* readData(message: Fields): Generator<WireMessage, string, WireMessage> {
  const length = Number(message.data_length ?? 0);
  let data = typeof message.data_initial_chunk === 'string' ? message.data_initial_chunk : '';
  if (length > MAX_DATA_BYTES || data.length / 2 > length) {
    throw new DeviceFailure('Failure_DataError', 'Invalid data length');
  }
  while (data.length / 2 < length) {
    const ack = yield {
      type: 'EthereumTxRequest',
      message: { data_length: Math.min(DATA_CHUNK_BYTES, length - data.length / 2) },
    };
    const chunk = expectMessage(ack, 'EthereumTxAck').data_chunk;
    data += typeof chunk === 'string' ? chunk : '';
    if (data.length / 2 > length) throw new DeviceFailure('Failure_DataError', 'Too much data');
  }
  return `0x${data}`;
}

function commonFields(message: Fields, data: string): Pick<TransactionLike, 'to' | 'value' | 'data'> {
  const to = typeof message.to === 'string' && message.to !== '' ? message.to : null;
  return { to, value: quantity(message.value), data };
}

function sign(context: EthereumContext, message: Fields, digest: string): Signature {
  return context.keys.signingKey(addressN(message)).sign(digest);
}

function transactionSignature(signature: Signature, v: number): WireMessage {
  return {
    type: 'EthereumTxRequest',
    message: { signature_v: v, signature_r: signature.r.slice(2), signature_s: signature.s.slice(2) },
  };
}

function messageSignature(context: EthereumContext, message: Fields, signature: Signature, type: string) {
  const bytes = concat([signature.r, signature.s, new Uint8Array([signature.v])]);
  return { type, message: { signature: bytes.slice(2), address: context.keys.address(addressN(message)) } };
}

function addressN(message: Fields): number[] {
  const path = message.address_n;
  if (!Array.isArray(path) || !path.every((index) => Number.isInteger(index))) {
    throw new DeviceFailure('Failure_DataError', 'Invalid path');
  }
  return path as number[];
}

/** A big-endian byte string as the firmware reads it; empty means zero. */
function quantity(value: unknown): bigint {
  return typeof value === 'string' && value !== '' ? BigInt(`0x${value}`) : 0n;
}
