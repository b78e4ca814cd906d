import { describe, expect, it } from 'vitest';
import { decodePhoneMessage, encodeMessage } from './messages';

const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

describe('phone messages', () => {
  it('takes a confirm whose code is a string of exactly six digits, leading zeros kept', () => {
    const confirm = { t: 'confirm', sas: '045100' } as const;
    expect(decodePhoneMessage(encodeMessage(confirm))).toEqual(confirm);
  });

  it.each([
    ['a number', 45100],
    ['a number with six digits', 451000],
    ['five digits', '45100'],
    ['seven digits', '0451000'],
    ['spaces', ' 045100'],
    ['a grouped code', '045 100'],
    ['non-ASCII digits', '٠٤٥١٠٠'],
    ['a sign', '+45100'],
  ])('refuses a confirm whose code is %s', (_, sas) => {
    expect(() => decodePhoneMessage(bytes({ t: 'confirm', sas }))).toThrow(
      expect.objectContaining({ code: 'invalid_message', message: expect.stringMatching(/sas/) }),
    );
  });
});
