import { concat, getBytes, keccak256, toUtf8String } from 'ethers';
import { TypedDataEncoder } from 'ethers/hash';
import { DeviceFailure, expectMessage, type DeviceFlow, type EthereumContext } from './deviceFlow';
import type { WireMessage } from './trezorWire';

type Fields = Record<string, unknown>;
type Types = Record<string, { name: string; type: string }[]>;
type Reader<T> = Generator<WireMessage, T, WireMessage>;

/** Bounds on what a host may make the emulator hold: struct types, members per struct, array entries. */
const MAX_STRUCTS = 32;
const MAX_MEMBERS = 64;
const MAX_ARRAY_ENTRIES = 1024;

/** `EthereumDataType` as messages.json numbers it; decoded messages may carry the number or the name. */
const DATA_TYPES = ['', 'UINT', 'INT', 'BYTES', 'STRING', 'BOOL', 'ADDRESS', 'ARRAY', 'STRUCT'];

/**
 * EIP-712 as Model T and later sign it: the device asks for each struct definition
 * (`EthereumTypedDataStructRequest`, EIP712Domain first, then the primary type and what it references), then
 * for each value by its member path (`EthereumTypedDataValueRequest`; root 0 is the domain, 1 the message; an
 * array is asked for its length, then entry by entry), hashes the rebuilt data itself and signs.
 */
export function* signTypedData(context: EthereumContext, message: Fields): DeviceFlow {
  const primaryType = String(message.primary_type);
  const types = yield* readTypes(primaryType);
  const domain = yield* readStruct(types, 'EIP712Domain', [0]);
  const parts = [
    '0x1901',
    TypedDataEncoder.hashStruct('EIP712Domain', { EIP712Domain: types.EIP712Domain ?? [] }, domain),
  ];
  if (primaryType !== 'EIP712Domain') {
    const value = yield* readStruct(types, primaryType, [1]);
    const { EIP712Domain: _domain, ...structs } = types;
    parts.push(TypedDataEncoder.hashStruct(primaryType, structs, value));
  }
  yield* context.confirm('ButtonRequest_ProtectCall');
  const addressN = message.address_n as number[];
  const signature = context.keys.signingKey(addressN).sign(keccak256(concat(parts)));
  return {
    type: 'EthereumTypedDataSignature',
    message: {
      signature: concat([signature.r, signature.s, new Uint8Array([signature.v])]).slice(2),
      address: context.keys.address(addressN),
    },
  };
}

function* readTypes(primaryType: string): Reader<Types> {
  const types: Types = {};
  const wanted = ['EIP712Domain', primaryType];
  for (let name = wanted.shift(); name !== undefined; name = wanted.shift()) {
    if (types[name]) continue;
    if (Object.keys(types).length >= MAX_STRUCTS)
      throw new DeviceFailure('Failure_DataError', 'Too many types');
    const ack = expectMessage(
      yield { type: 'EthereumTypedDataStructRequest', message: { name } },
      'EthereumTypedDataStructAck',
    );
    const members = Array.isArray(ack.members) ? (ack.members as Fields[]) : [];
    if (members.length > MAX_MEMBERS) throw new DeviceFailure('Failure_DataError', 'Too many members');
    types[name] = members.map((member) => ({
      name: String(member.name),
      type: typeName(member.type as Fields, wanted),
    }));
  }
  return types;
}

/** The Solidity type name of a field, queueing any struct it names for its own definition request. */
function typeName(field: Fields, wanted: string[]): string {
  const kind = typeof field.data_type === 'number' ? DATA_TYPES[field.data_type] : String(field.data_type);
  const size = typeof field.size === 'number' ? field.size : 0;
  switch (kind) {
    case 'UINT':
      return `uint${size * 8}`;
    case 'INT':
      return `int${size * 8}`;
    case 'BYTES':
      return size ? `bytes${size}` : 'bytes';
    case 'STRING':
      return 'string';
    case 'BOOL':
      return 'bool';
    case 'ADDRESS':
      return 'address';
    case 'ARRAY':
      return `${typeName(field.entry_type as Fields, wanted)}[${size || ''}]`;
    case 'STRUCT':
      wanted.push(String(field.struct_name));
      return String(field.struct_name);
    default:
      throw new DeviceFailure('Failure_DataError', `Unknown field type ${kind}`);
  }
}

function* readStruct(types: Types, name: string, path: number[]): Reader<Fields> {
  const members = types[name];
  if (!members) throw new DeviceFailure('Failure_DataError', `No definition for ${name}`);
  const value: Fields = {};
  for (const [index, member] of members.entries()) {
    value[member.name] = yield* readValue(types, member.type, [...path, index]);
  }
  return value;
}

function* readValue(types: Types, type: string, path: number[]): Reader<unknown> {
  if (types[type]) return yield* readStruct(types, type, path);
  const hex = yield* requestValue(path);
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (array) {
    const length = Number(BigInt(hex));
    if (length > MAX_ARRAY_ENTRIES) throw new DeviceFailure('Failure_DataError', 'Array too long');
    const entries: unknown[] = [];
    for (let index = 0; index < length; index++) {
      entries.push(yield* readValue(types, array[1] ?? '', [...path, index]));
    }
    return entries;
  }
  if (type === 'string') return toUtf8String(hex);
  if (type === 'bool') return BigInt(hex) !== 0n;
  const signed = /^int(\d+)$/.exec(type);
  if (signed) return BigInt.asIntN(Number(signed[1]), BigInt(hex));
  if (type.startsWith('uint')) return BigInt(hex);
  return hex;
}

function* requestValue(path: number[]): Reader<string> {
  const ack = expectMessage(
    yield { type: 'EthereumTypedDataValueRequest', message: { member_path: path } },
    'EthereumTypedDataValueAck',
  );
  const value = typeof ack.value === 'string' ? ack.value : '';
  return getBytes(`0x${value}`).length === 0 ? '0x00' : `0x${value}`;
}
