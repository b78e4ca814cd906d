import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/api/envelope';
import { checkTypes, parseStruct, TYPED_DATA_LIMITS, type TypedDataInput } from './typedDataValue';

const TYPES: TypedDataInput['types'] = {
  Mail: [
    { name: 'from', type: 'Person' },
    { name: 'to', type: 'Person[]' },
    { name: 'amount', type: 'uint96' },
    { name: 'delta', type: 'int8' },
    { name: 'urgent', type: 'bool' },
    { name: 'tag', type: 'bytes4' },
    { name: 'body', type: 'string' },
    { name: 'blob', type: 'bytes' },
  ],
  Person: [
    { name: 'name', type: 'string' },
    { name: 'wallet', type: 'address' },
  ],
};
const ALICE = '0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826';
const MAIL = {
  from: { name: 'Cow', wallet: ALICE.toLowerCase() },
  to: [{ name: 'Bob', wallet: '0xbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' }],
  amount: '0x10',
  delta: -5,
  urgent: true,
  tag: '0xDEADBEEF',
  body: 'Hello',
  blob: '0x',
};

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('invalid_request');
    return (error as ApiError).message;
  }
  throw new Error('expected a refusal');
}

const parse = (message: unknown, types = TYPES) => parseStruct('Mail', message, types, 'message');

describe('parseStruct', () => {
  it('reads every value by its declared type, normalised', () => {
    const mail = parse(MAIL);
    const byName = Object.fromEntries(mail.fields.map((field) => [field.name, field.value]));
    expect(byName.amount).toEqual({ kind: 'integer', type: 'uint96', value: 16n });
    expect(byName.delta).toEqual({ kind: 'integer', type: 'int8', value: -5n });
    expect(byName.tag).toEqual({ kind: 'bytes', type: 'bytes4', value: '0xdeadbeef' });
    expect(byName.from).toEqual({
      kind: 'struct',
      type: 'Person',
      fields: [
        { name: 'name', value: { kind: 'string', type: 'string', value: 'Cow' } },
        { name: 'wallet', value: { kind: 'address', type: 'address', value: ALICE } },
      ],
    });
    expect(byName.to?.kind).toBe('array');
  });

  it('refuses values of the wrong kind, naming the field', () => {
    expect(refusal(() => parse({ ...MAIL, urgent: 'yes' }))).toMatch(
      /message\.urgent is "yes", not true or false \(bool\)/,
    );
    expect(refusal(() => parse({ ...MAIL, amount: 1.5 }))).toMatch(/message\.amount .* not a whole number/);
    expect(refusal(() => parse({ ...MAIL, amount: 2 ** 60 }))).toMatch(/not a whole number/);
    expect(refusal(() => parse({ ...MAIL, to: { name: 'x' } }))).toMatch(/message\.to is not a list/);
    expect(refusal(() => parse({ ...MAIL, from: 'Cow' }))).toMatch(/message\.from is not an object/);
    expect(refusal(() => parse({ ...MAIL, body: 7 }))).toMatch(/message\.body .* not text/);
  });

  it('refuses numbers out of their type’s range', () => {
    expect(refusal(() => parse({ ...MAIL, amount: (2n ** 96n).toString() }))).toMatch(
      /out of range for uint96/,
    );
    expect(refusal(() => parse({ ...MAIL, amount: '-1' }))).toMatch(/out of range for uint96/);
    expect(refusal(() => parse({ ...MAIL, delta: 128 }))).toMatch(/out of range for int8/);
    expect(parse({ ...MAIL, delta: '-0x80' }).fields[3]?.value).toMatchObject({ value: -128n });
  });

  it('refuses bad addresses, a mistyped checksum included', () => {
    const mistyped = ALICE.replace('a', 'A');
    expect(refusal(() => parse({ ...MAIL, from: { name: 'x', wallet: mistyped } }))).toMatch(
      /checksum error/,
    );
    expect(refusal(() => parse({ ...MAIL, from: { name: 'x', wallet: '0x1234' } }))).toMatch(
      /is not an address/,
    );
  });

  it('refuses fixed bytes of the wrong length and odd hex', () => {
    expect(refusal(() => parse({ ...MAIL, tag: '0xdead' }))).toMatch(/message\.tag is not 4 bytes long/);
    expect(refusal(() => parse({ ...MAIL, blob: '0xabc' }))).toMatch(/not hex bytes/);
  });

  it('refuses a missing field', () => {
    const { body: _body, ...rest } = MAIL;
    expect(refusal(() => parse(rest))).toMatch(/message\.body is missing/);
  });

  it('refuses lists of the wrong fixed length and huge lists', () => {
    const fixed = { ...TYPES, Mail: [{ name: 'pair', type: 'uint8[2]' }] };
    expect(refusal(() => parse({ pair: [1] }, fixed))).toMatch(/has 1 items where uint8\[2\] needs 2/);
    const list = { ...TYPES, Mail: [{ name: 'all', type: 'uint8[]' }] };
    const huge = Array.from({ length: TYPED_DATA_LIMITS.arrayItems + 1 }, () => 1);
    expect(refusal(() => parse({ all: huge }, list))).toMatch(/has 1025 items, more than 1024/);
  });

  it('refuses more values in all than it walks', () => {
    const nested = { ...TYPES, Mail: [{ name: 'grid', type: 'uint8[][]' }] };
    const grid = Array.from({ length: 20 }, () => Array.from({ length: 600 }, () => 0));
    expect(refusal(() => parse({ grid }, nested))).toMatch(/more than 10000 values/);
  });

  it('refuses nesting deeper than it walks', () => {
    const types = { Mail: [{ name: 'next', type: 'Mail[]' }] };
    let value: unknown = { next: [] };
    for (let level = 0; level < 12; level += 1) value = { next: [value] };
    expect(refusal(() => parse(value, types))).toMatch(/nested deeper than 16 levels/);
  });
});

describe('checkTypes', () => {
  it('accepts the declared types', () => {
    expect(() => checkTypes(TYPES)).not.toThrow();
  });

  it('refuses unknown and malformed types, and duplicate fields', () => {
    expect(refusal(() => checkTypes({ A: [{ name: 'x', type: 'Missing' }] }))).toMatch(
      /A\.x has the unknown type Missing/,
    );
    expect(refusal(() => checkTypes({ A: [{ name: 'x', type: 'uint7' }] }))).toMatch(/unknown type uint7/);
    expect(refusal(() => checkTypes({ A: [{ name: 'x', type: 'bytes33' }] }))).toMatch(
      /unknown type bytes33/,
    );
    expect(refusal(() => checkTypes({ A: [{ name: 'x', type: 'uint8[x]' }] }))).toMatch(/malformed type/);
    const twice = [
      { name: 'x', type: 'bool' },
      { name: 'x', type: 'bool' },
    ];
    expect(refusal(() => checkTypes({ A: twice }))).toMatch(/declares field x twice/);
    expect(refusal(() => checkTypes({ 'A B': [] }))).toMatch(/is not a type name/);
  });

  it('refuses more types or fields than a real request has', () => {
    const many = Object.fromEntries(Array.from({ length: 65 }, (_, index) => [`T${index}`, []]));
    expect(refusal(() => checkTypes(many))).toMatch(/declares 65 types/);
    const wide = Array.from({ length: 65 }, (_, index) => ({ name: `f${index}`, type: 'bool' }));
    expect(refusal(() => checkTypes({ A: wide }))).toMatch(/has 65 fields/);
  });
});
