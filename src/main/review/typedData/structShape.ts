import type { ChecksumAddress } from '../../store/address';
import type { StructValue, TypedValue } from './typedDataValue';

/**
 * A field's expected type: a Solidity type name, `struct` for any struct, `struct[]` for a list of them. A
 * nested struct's own shape is checked by the decoder that reads it, so a type's name never decides.
 */
export type Shape = Readonly<Record<string, string>>;

/** One struct's fields by name, each checked against the shape it was matched with. */
export class Fields {
  constructor(private readonly values: ReadonlyMap<string, TypedValue>) {}

  address(name: string): ChecksumAddress {
    const value = this.get(name);
    if (value.kind !== 'address') throw mismatch(name);
    return value.value;
  }

  integer(name: string): bigint {
    const value = this.get(name);
    if (value.kind !== 'integer') throw mismatch(name);
    return value.value;
  }

  bool(name: string): boolean {
    const value = this.get(name);
    if (value.kind !== 'bool') throw mismatch(name);
    return value.value;
  }

  struct(name: string): StructValue {
    const value = this.get(name);
    if (value.kind !== 'struct') throw mismatch(name);
    return value;
  }

  structs(name: string): StructValue[] {
    const value = this.get(name);
    if (value.kind !== 'array') throw mismatch(name);
    return value.items.map((item) => {
      if (item.kind !== 'struct') throw mismatch(name);
      return item;
    });
  }

  private get(name: string): TypedValue {
    const value = this.values.get(name);
    if (!value) throw mismatch(name);
    return value;
  }
}

/**
 * The struct's fields when it has exactly the shape's fields (in any order: the order changes the type hash,
 * so a reordered permit is useless to the real contract, and reading it as a permit only errs on the side of
 * warning). With `extra`, more fields may follow, as Permit2's witness types add.
 */
export function matchShape(
  value: StructValue,
  shape: Shape,
  options: { extra?: boolean } = {},
): Fields | null {
  const byName = new Map(value.fields.map((field) => [field.name, field.value]));
  const expected = Object.entries(shape);
  if (!options.extra && byName.size !== expected.length) return null;
  for (const [name, type] of expected) {
    const field = byName.get(name);
    if (!field || !fitsType(field, type)) return null;
  }
  return new Fields(byName);
}

const SOLIDITY_LIST = /^(u?int\d*|bytes\d*|address|bool|string)\[\]$/;

function fitsType(value: TypedValue, type: string): boolean {
  if (type === 'struct') return value.kind === 'struct';
  if (type === 'struct[]') {
    // An empty list has no item to look at, so its element type must not be a Solidity one.
    return (
      value.kind === 'array' && /^[A-Za-z_$][\w$]*\[\]$/.test(value.type) && !SOLIDITY_LIST.test(value.type)
    );
  }
  return value.type === type;
}

function mismatch(name: string): Error {
  // Decoders read only fields their shape matched, so this is a bug in a decoder, never bad input.
  return new Error(`field ${name} was read with a type its shape did not check`);
}
