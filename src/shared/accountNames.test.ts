import { describe, expect, it } from 'vitest';
import {
  AccountName,
  defaultAccountName,
  defaultAccountNames,
  NewAccountName,
  sameName,
} from './accountNames';

describe('AccountName', () => {
  it('keeps a trimmed name of 1 to 40 characters', () => {
    expect(AccountName.parse('  Savings  ')).toBe('Savings');
    expect(AccountName.parse('x'.repeat(40))).toBe('x'.repeat(40));
  });

  it('refuses an empty or too long name with a sentence of its own', () => {
    expect(AccountName.safeParse('   ').error?.issues).toMatchObject([
      { code: 'custom', message: 'A name needs at least one letter or digit.' },
    ]);
    expect(AccountName.safeParse('x'.repeat(41)).error?.issues).toMatchObject([
      { code: 'custom', message: 'A name is at most 40 characters.' },
    ]);
  });
});

describe('NewAccountName', () => {
  it('takes no name as a wish for the default one, and bounds a given one', () => {
    expect(NewAccountName.parse(undefined)).toBe('');
    expect(NewAccountName.parse('  ')).toBe('');
    expect(NewAccountName.parse(' Savings ')).toBe('Savings');
    expect(NewAccountName.safeParse('x'.repeat(41)).error?.issues).toMatchObject([
      { code: 'custom', message: 'A name is at most 40 characters.' },
    ]);
  });
});

describe('defaultAccountNames', () => {
  it('numbers new accounts from 1', () => {
    expect(defaultAccountNames('Ledger', 2, [])).toEqual(['Ledger 1', 'Ledger 2']);
  });

  it('skips every name an account has already, whatever its case', () => {
    expect(defaultAccountNames('Trezor', 2, ['trezor 1', 'Trezor 3', 'Ledger 2'])).toEqual([
      'Trezor 2',
      'Trezor 4',
    ]);
  });
});

describe('sameName', () => {
  it('reads names as a person does', () => {
    expect(sameName(' Ledger 1', 'ledger 1')).toBe(true);
    expect(sameName('Ledger 1', 'Ledger 10')).toBe(false);
  });
});

describe('defaultAccountName', () => {
  it('gives the lowest free number for one new account', () => {
    expect(defaultAccountName('Watch', [])).toBe('Watch 1');
    expect(defaultAccountName('Watch', ['watch 1', 'Watch 3'])).toBe('Watch 2');
  });
});
