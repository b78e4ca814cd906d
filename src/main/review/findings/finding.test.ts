import { describe, expect, it } from 'vitest';
import { Finding } from '../../../shared/review';
import { finding, hasCode } from './finding';

describe('finding', () => {
  it('builds a finding the shared schema accepts, with no facts and no fix by default', () => {
    const built = finding('nonce-gap', 'warning', 'A gap.');
    expect(Finding.parse(built)).toEqual({
      code: 'nonce-gap',
      severity: 'warning',
      overridable: false,
      message: 'A gap.',
      facts: [],
      fix: null,
    });
  });

  it('lets only a blocking finding be overridable', () => {
    expect(finding('reverts', 'blocking', 'x', { overridable: true }).overridable).toBe(true);
    expect(finding('reverts', 'warning', 'x', { overridable: true }).overridable).toBe(false);
    expect(finding('reverts', 'blocking', 'x').overridable).toBe(false);
  });
});

describe('hasCode', () => {
  it('reads eth_getCode: 0x is no code, null is not read', () => {
    expect(hasCode('0x')).toBe(false);
    expect(hasCode('0x6080')).toBe(true);
    expect(hasCode(null)).toBeNull();
  });
});
