import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactDecimal, JsonNumber, parseJsonKeepingNumbers } from './jsonDecimal';

describe('exactDecimal', () => {
  it.each([
    ['12.5', '12.5'],
    ['0.5', '0.5'],
    ['3000', '3000'],
    ['1.5e-7', '0.00000015'],
    ['1.5E-7', '0.00000015'],
    ['2.50e3', '2500'],
    ['1e+2', '100'],
    ['0.000123456789012345678901', '0.000123456789012345678901'],
    ['1.10', '1.1'],
    ['0', '0'],
  ])('writes %s as %s', (source, decimal) => {
    expect(exactDecimal(source)).toBe(decimal);
  });

  it.each(['-1', '1.', '.5', 'NaN', '1e41', '1e-41', '0x10', ''])('refuses %j', (source) => {
    expect(exactDecimal(source)).toBeNull();
  });

  it('moves the point without rounding, for any digits and exponent', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 30n }),
        fc.integer({ min: -25, max: 25 }),
        (digits, exponent) => {
          const decimal = exactDecimal(`${digits}e${exponent}`) as string;
          expect(decimal).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/);
          // whole.fraction = digits × 10^exponent, so whole‖fraction = digits × 10^(exponent + fraction length).
          const [whole = '', fraction = ''] = decimal.split('.');
          const shift = exponent + fraction.length;
          const joined = BigInt(whole + fraction);
          if (shift >= 0) expect(joined).toBe(digits * 10n ** BigInt(shift));
          else expect(joined * 10n ** BigInt(-shift)).toBe(digits);
        },
      ),
    );
  });
});

describe('parseJsonKeepingNumbers', () => {
  it('keeps each number as its source text, beyond what a float holds, and a string as a string', () => {
    expect(parseJsonKeepingNumbers('{"usd":0.10000000000000000555,"n":[1e-7,42],"s":"x"}')).toEqual({
      usd: new JsonNumber('0.10000000000000000555'),
      n: [new JsonNumber('1e-7'), new JsonNumber('42')],
      s: 'x',
    });
  });
});
