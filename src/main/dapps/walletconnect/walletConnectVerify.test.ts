import { describe, expect, it } from 'vitest';
import { gatedVerify, toVerification } from './walletConnectVerify';

const context = (validation: 'UNKNOWN' | 'VALID' | 'INVALID', isScam?: boolean) => ({
  verified: { origin: 'https://app.example.org', validation, verifyUrl: 'https://verify.test', isScam },
});

describe('toVerification', () => {
  it('maps each validation, a scam flag first', () => {
    expect(toVerification(context('VALID'))).toBe('validated');
    expect(toVerification(context('INVALID'))).toBe('mismatch');
    expect(toVerification(context('UNKNOWN'))).toBe('unknown');
    expect(toVerification(context('VALID', true))).toBe('threat');
    expect(toVerification(context('UNKNOWN', false))).toBe('unknown');
    expect(toVerification(undefined)).toBe('unknown');
  });
});

describe('gatedVerify', () => {
  it('asks the lookup only while the setting is on', async () => {
    let on = false;
    const asked: unknown[] = [];
    const verify = gatedVerify(
      {
        async resolve(params) {
          asked.push(params);
          return { origin: 'https://app.example.org' };
        },
      },
      () => on,
    );
    expect(await verify.resolve({ hash: 'a' })).toBeUndefined();
    expect(asked).toEqual([]);
    on = true;
    expect(await verify.resolve({ hash: 'b' })).toEqual({ origin: 'https://app.example.org' });
    expect(asked).toEqual([{ hash: 'b' }]);
    expect(await verify.register({ id: 'x', decryptedId: 'y' })).toBeUndefined();
  });
});
