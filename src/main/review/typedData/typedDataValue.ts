import { ApiError } from '../../../shared/api/envelope';
import { ChecksumAddress } from '../../store/address';

type Field = { readonly name: string; readonly type: string };

/**
 * EIP-712 typed data as `eth_signTypedData_v4` takes it (the shape of `SignTypedData['typedData']` in
 * src/shared/devices.ts and of the signers' `TypedData`), declared here so the review needs no service.
 */
export interface TypedDataInput {
  domain: Record<string, unknown>;
  types: Readonly<Record<string, readonly Field[]>>;
  primaryType: string;
  message: Record<string, unknown>;
}

/** One value of the message, checked against its declared type and normalised (checksummed, bigint, lowercase hex). */
export type TypedValue =
  | { kind: 'address'; type: string; value: ChecksumAddress }
  | { kind: 'integer'; type: string; value: bigint }
  | { kind: 'bool'; type: string; value: boolean }
  | { kind: 'bytes'; type: string; value: string }
  | { kind: 'string'; type: string; value: string }
  | { kind: 'array'; type: string; items: TypedValue[] }
  | StructValue;

export interface StructValue {
  kind: 'struct';
  type: string;
  fields: { name: string; value: TypedValue }[];
}

/**
 * Bounds on what a page may make main walk. The tree shown is cut far lower (typedDataTree.ts); these only
 * refuse payloads no real dapp sends, before they cost memory or time.
 */
export const TYPED_DATA_LIMITS = {
  types: 64,
  fieldsPerType: 64,
  depth: 16,
  arrayItems: 1024,
  values: 10_000,
  textLength: 65_536,
  nameLength: 100,
  typeLength: 200,
} as const;

/** The refusal every malformed request gets: what is wrong and where, so the dapp's author can fix it. */
export function invalidTypedData(reason: string): ApiError {
  return new ApiError('invalid_request', `The typed data cannot be reviewed: ${reason}.`);
}

/** Checks the declared types themselves: names, counts, duplicate fields, and that every type used is known. */
export function checkTypes(types: TypedDataInput['types']): void {
  const names = Object.keys(types);
  if (names.length > TYPED_DATA_LIMITS.types) {
    throw invalidTypedData(`it declares ${names.length} types, more than ${TYPED_DATA_LIMITS.types}`);
  }
  for (const name of names) {
    const fields = types[name] ?? [];
    if (name.length > TYPED_DATA_LIMITS.nameLength || !/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw invalidTypedData(`"${name.slice(0, 50)}" is not a type name`);
    }
    if (fields.length > TYPED_DATA_LIMITS.fieldsPerType) {
      throw invalidTypedData(
        `type ${name} has ${fields.length} fields, more than ${TYPED_DATA_LIMITS.fieldsPerType}`,
      );
    }
    const seen = new Set<string>();
    for (const field of fields) {
      if (
        field.name.length > TYPED_DATA_LIMITS.nameLength ||
        field.type.length > TYPED_DATA_LIMITS.typeLength
      ) {
        throw invalidTypedData(`type ${name} has a field name or type longer than allowed`);
      }
      if (seen.has(field.name)) throw invalidTypedData(`type ${name} declares field ${field.name} twice`);
      seen.add(field.name);
      checkFieldType(field.type, types, `${name}.${field.name}`);
    }
  }
}

/** Parses `value` as a struct of type `typeName`, checking every field; throws invalidTypedData at the first fault. */
export function parseStruct(
  typeName: string,
  value: unknown,
  types: TypedDataInput['types'],
  path: string,
): StructValue {
  const budget = { values: TYPED_DATA_LIMITS.values };
  const parsed = parseValue(typeName, value, types, path, 0, budget);
  if (parsed.kind !== 'struct') throw invalidTypedData(`${path} is not a struct type`);
  return parsed;
}

type Budget = { values: number };

function parseValue(
  type: string,
  value: unknown,
  types: TypedDataInput['types'],
  path: string,
  depth: number,
  budget: Budget,
): TypedValue {
  if (depth > TYPED_DATA_LIMITS.depth) {
    throw invalidTypedData(`${path} is nested deeper than ${TYPED_DATA_LIMITS.depth} levels`);
  }
  budget.values -= 1;
  if (budget.values < 0) throw invalidTypedData(`it has more than ${TYPED_DATA_LIMITS.values} values`);

  const array = /^(.+)\[(\d*)\]$/.exec(type);
  if (array) {
    const [, element = '', length] = array;
    if (!Array.isArray(value)) throw invalidTypedData(`${path} is not a list (${type})`);
    if (value.length > TYPED_DATA_LIMITS.arrayItems) {
      throw invalidTypedData(`${path} has ${value.length} items, more than ${TYPED_DATA_LIMITS.arrayItems}`);
    }
    if (length !== '' && value.length !== Number(length)) {
      throw invalidTypedData(`${path} has ${value.length} items where ${type} needs ${length}`);
    }
    const items = value.map((item: unknown, index) =>
      parseValue(element, item, types, `${path}[${index}]`, depth + 1, budget),
    );
    return { kind: 'array', type, items };
  }

  const fields = types[type];
  if (fields) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw invalidTypedData(`${path} is not an object (${type})`);
    }
    const record = value as Record<string, unknown>;
    return {
      kind: 'struct',
      type,
      fields: fields.map((field) => {
        if (!Object.hasOwn(record, field.name)) throw invalidTypedData(`${path}.${field.name} is missing`);
        const fieldPath = `${path}.${field.name}`;
        return {
          name: field.name,
          value: parseValue(field.type, record[field.name], types, fieldPath, depth + 1, budget),
        };
      }),
    };
  }
  return parseLeaf(type, value, path);
}

function parseLeaf(type: string, value: unknown, path: string): TypedValue {
  const wrong = (expected: string) =>
    invalidTypedData(`${path} is ${describe(value)}, not ${expected} (${type})`);
  const integer = /^(u?)int(\d*)$/.exec(type);
  if (integer) {
    const [, unsigned, bitsText] = integer;
    const bits = bitsText ? Number(bitsText) : 256;
    const parsed = parseInteger(value);
    if (parsed === null) throw wrong('a whole number');
    const min = unsigned ? 0n : -(2n ** BigInt(bits - 1));
    const max = unsigned ? 2n ** BigInt(bits) - 1n : 2n ** BigInt(bits - 1) - 1n;
    if (parsed < min || parsed > max) throw invalidTypedData(`${path} is out of range for ${type}`);
    return { kind: 'integer', type, value: parsed };
  }
  if (type === 'address') {
    if (typeof value !== 'string') throw wrong('an address');
    const parsed = ChecksumAddress.safeParse(value);
    if (!parsed.success)
      throw invalidTypedData(`${path}: ${parsed.error.issues[0]?.message ?? 'not an address'}`);
    return { kind: 'address', type, value: parsed.data };
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') throw wrong('true or false');
    return { kind: 'bool', type, value };
  }
  if (type === 'string') {
    if (typeof value !== 'string') throw wrong('text');
    if (value.length > TYPED_DATA_LIMITS.textLength) throw invalidTypedData(`${path} is longer than allowed`);
    return { kind: 'string', type, value };
  }
  const bytes = /^bytes(\d*)$/.exec(type);
  if (bytes) {
    const size = bytes[1] ? Number(bytes[1]) : null;
    if (typeof value !== 'string' || !/^0x(?:[0-9a-fA-F]{2})*$/.test(value)) throw wrong('hex bytes');
    if (value.length > TYPED_DATA_LIMITS.textLength) throw invalidTypedData(`${path} is longer than allowed`);
    if (size !== null && value.length !== 2 + size * 2)
      throw invalidTypedData(`${path} is not ${size} bytes long`);
    return { kind: 'bytes', type, value: value.toLowerCase() };
  }
  // checkTypes has refused every other type name before any value is parsed.
  throw invalidTypedData(`${path} has the unknown type ${type}`);
}

/** A JSON number (safe integer), a decimal string or a 0x hex string, as dapps write EIP-712 integers. */
function parseInteger(value: unknown): bigint | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? BigInt(value) : null;
  if (typeof value !== 'string') return null;
  if (/^-?\d{1,78}$/.test(value)) return BigInt(value);
  const hex = /^(-?)(0x[0-9a-fA-F]{1,64})$/.exec(value);
  if (!hex) return null;
  const magnitude = BigInt(hex[2] ?? '0x0');
  return hex[1] ? -magnitude : magnitude;
}

/** Refuses a field type that is neither a declared struct nor a Solidity type (uint7, bytes33), list or not. */
function checkFieldType(type: string, types: TypedDataInput['types'], where: string): void {
  const base = type.replace(/(\[\d*\])+$/, '');
  if (/\[|\]/.test(base)) throw invalidTypedData(`${where} has the malformed type ${type}`);
  if (Object.hasOwn(types, base)) return;
  const integer = /^u?int(\d*)$/.exec(base);
  if (integer) {
    const bits = integer[1] ? Number(integer[1]) : 256;
    if (bits >= 8 && bits <= 256 && bits % 8 === 0 && !integer[1]?.startsWith('0')) return;
  }
  const bytes = /^bytes(\d+)$/.exec(base);
  if (bytes && Number(bytes[1]) >= 1 && Number(bytes[1]) <= 32 && !bytes[1]?.startsWith('0')) return;
  if (['address', 'bool', 'string', 'bytes'].includes(base)) return;
  throw invalidTypedData(`${where} has the unknown type ${type}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${value.slice(0, 40)}${value.length > 40 ? '…' : ''}"`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
