import { describe, expect, it } from 'vitest';
import { matchShape } from './structShape';
import { parseStruct } from './typedDataValue';

const types = {
  Permit: [
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'items', type: 'Item[]' },
    { name: 'flags', type: 'bool[]' },
  ],
  Item: [{ name: 'id', type: 'uint8' }],
};
const permit = parseStruct(
  'Permit',
  { spender: '0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826', value: 5, items: [], flags: [] },
  types,
  'message',
);

describe('matchShape', () => {
  it('matches the exact fields in any order and reads them', () => {
    const fields = matchShape(permit, {
      value: 'uint256',
      spender: 'address',
      items: 'struct[]',
      flags: 'bool[]',
    });
    expect(fields?.integer('value')).toBe(5n);
    expect(fields?.address('spender')).toBe('0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826');
    expect(fields?.structs('items')).toEqual([]);
  });

  it('refuses a missing field, an extra one, or another type', () => {
    expect(matchShape(permit, { spender: 'address', value: 'uint256', items: 'struct[]' })).toBeNull();
    expect(
      matchShape(permit, { spender: 'address', value: 'uint160', items: 'struct[]', flags: 'bool[]' }),
    ).toBeNull();
    expect(
      matchShape(permit, {
        spender: 'address',
        value: 'uint256',
        items: 'struct[]',
        flags: 'bool[]',
        x: 'bool',
      }),
    ).toBeNull();
  });

  it('takes extra fields only when asked (witness types)', () => {
    expect(matchShape(permit, { spender: 'address', value: 'uint256' }, { extra: true })).not.toBeNull();
  });

  it('does not take an empty list of a Solidity type for a list of structs', () => {
    expect(
      matchShape(permit, { spender: 'address', value: 'uint256', items: 'struct[]', flags: 'struct[]' }),
    ).toBeNull();
  });

  it('throws on a read its shape did not check: a decoder bug, not input', () => {
    const fields = matchShape(permit, { spender: 'address', value: 'uint256' }, { extra: true });
    expect(() => fields?.bool('value')).toThrow(/shape did not check/);
  });
});
