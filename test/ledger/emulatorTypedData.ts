import { TypedDataEncoder, concat, getAddress, hexlify, keccak256, toUtf8String } from 'ethers';

type TypeField = { name: string; type: string };

/** One `E0 1C` field value, or the element count an `E0 1C` array header announces. */
export type ImplementationEvent = { kind: 'array'; length: number } | { kind: 'field'; value: Uint8Array };

const BASE_TYPES = ['custom', 'int', 'uint', 'address', 'bool', 'string', 'bytes', 'bytes'] as const;

/**
 * Rebuilds an EIP-712 message the way the Ethereum app does in full mode: from the struct definitions
 * (`E0 1A`) and the stream of values (`E0 1C`), so the emulator hashes what it was sent, not what the host meant.
 */
export class TypedDataAssembler {
  private readonly types = new Map<string, TypeField[]>();
  private lastType: string | null = null;
  private readonly roots: { name: string; events: ImplementationEvent[] }[] = [];
  private pendingField: Uint8Array = new Uint8Array();

  defineStruct(name: string): void {
    this.types.set(name, []);
    this.lastType = name;
  }

  defineField(descriptor: Uint8Array): void {
    if (this.lastType === null) throw new Error('struct field before struct name');
    this.types.get(this.lastType)?.push(parseFieldDefinition(descriptor));
  }

  startRoot(name: string): void {
    this.roots.push({ name, events: [] });
  }

  arrayLength(length: number): void {
    this.currentRoot().events.push({ kind: 'array', length });
  }

  /** Values longer than one APDU arrive as partial chunks; the first two bytes are the total length. */
  fieldChunk(chunk: Uint8Array, complete: boolean): void {
    this.pendingField = Buffer.concat([this.pendingField, chunk]);
    if (!complete) return;
    const data = this.pendingField;
    this.pendingField = new Uint8Array();
    const length = ((data[0] ?? 0) << 8) | (data[1] ?? 0);
    this.currentRoot().events.push({ kind: 'field', value: data.slice(2, 2 + length) });
  }

  /** The digest the device signs: keccak256(0x1901 ‖ domainSeparator ‖ hashStruct(message)). */
  digest(): string {
    const domainRoot = this.roots.find((root) => root.name === 'EIP712Domain');
    const messageRoot = this.roots.find((root) => root.name !== 'EIP712Domain');
    if (!domainRoot || !messageRoot) throw new Error('typed data without domain or message');
    const domainSeparator = this.hashRoot(domainRoot);
    const structHash = this.hashRoot(messageRoot);
    return keccak256(concat(['0x1901', domainSeparator, structHash]));
  }

  private hashRoot(root: { name: string; events: ImplementationEvent[] }): string {
    const queue = [...root.events];
    const value = this.readStruct(root.name, queue);
    if (queue.length > 0) throw new Error(`${queue.length} values left over in ${root.name}`);
    return TypedDataEncoder.hashStruct(root.name, this.reachableTypes(root.name), value);
  }

  private readStruct(name: string, queue: ImplementationEvent[]): Record<string, unknown> {
    const fields = this.types.get(name);
    if (!fields) throw new Error(`undefined struct ${name}`);
    return Object.fromEntries(fields.map((field) => [field.name, this.readValue(field.type, queue)]));
  }

  private readValue(type: string, queue: ImplementationEvent[]): unknown {
    const array = /^(.*)\[(\d*)\]$/.exec(type);
    if (array) {
      const header = queue.shift();
      if (header?.kind !== 'array') throw new Error(`expected an array length for ${type}`);
      return Array.from({ length: header.length }, () => this.readValue(array[1] ?? '', queue));
    }
    if (this.types.has(type)) return this.readStruct(type, queue);
    const event = queue.shift();
    if (event?.kind !== 'field') throw new Error(`expected a value for ${type}`);
    return decodeAtom(type, event.value);
  }

  /** ethers refuses types unrelated to the struct hashed, which the app simply ignores. */
  private reachableTypes(root: string): Record<string, TypeField[]> {
    const reached: Record<string, TypeField[]> = {};
    const visit = (name: string): void => {
      const fields = this.types.get(name);
      if (!fields || reached[name]) return;
      reached[name] = fields;
      for (const field of fields) visit(field.type.replace(/\[\d*\]/g, ''));
    };
    visit(root);
    return reached;
  }

  private currentRoot(): { name: string; events: ImplementationEvent[] } {
    const root = this.roots.at(-1);
    if (!root) throw new Error('struct value before root');
    return root;
  }
}

function parseFieldDefinition(descriptor: Uint8Array): TypeField {
  let offset = 0;
  const next = (): number => {
    const byte = descriptor[offset++];
    if (byte === undefined) throw new Error('truncated field definition');
    return byte;
  };
  const text = (length: number): string => {
    const value = toUtf8String(descriptor.slice(offset, offset + length));
    offset += length;
    return value;
  };
  const header = next();
  const isArray = (header & 0x80) !== 0;
  const hasSize = (header & 0x40) !== 0;
  const key = header & 0x0f;
  let type: string;
  if (key === 0) type = text(next());
  else {
    const base = BASE_TYPES[key];
    if (!base) throw new Error(`unknown type key ${key}`);
    const size = hasSize ? next() : null;
    if (base === 'int' || base === 'uint') type = `${base}${(size ?? 32) * 8}`;
    else if (key === 6) type = `bytes${size ?? 32}`;
    else type = base;
  }
  if (isArray) {
    const levels = next();
    for (let level = 0; level < levels; level++) type += next() === 1 ? `[${next()}]` : '[]';
  }
  return { type, name: text(next()) };
}

function decodeAtom(type: string, bytes: Uint8Array): unknown {
  const hex = hexlify(bytes);
  if (type === 'address') return getAddress(hex);
  if (type === 'bool') return bytes.some((byte) => byte !== 0);
  if (type === 'string') return toUtf8String(bytes);
  if (type.startsWith('bytes')) return hex;
  const unsigned = bytes.length === 0 ? 0n : BigInt(hex);
  if (type.startsWith('uint')) return unsigned;
  // The host sends a negative int as two's complement over the declared width, a positive one minimally.
  const bits = BigInt(type.slice(3));
  const fullWidth = BigInt(bytes.length * 8) === bits;
  return fullWidth && unsigned >> (bits - 1n) === 1n ? unsigned - (1n << bits) : unsigned;
}
