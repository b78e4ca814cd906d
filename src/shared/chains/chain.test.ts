import { describe, expect, it } from 'vitest';
import { ExplorerUrl, SetChainExplorer } from './chain';

const refusal = (value: unknown) => {
  const result = ExplorerUrl.safeParse(value);
  return result.success ? null : result.error.issues[0]?.message;
};

describe('ExplorerUrl', () => {
  it('takes an https address', () => {
    expect(ExplorerUrl.parse('https://scan.devnet.example/')).toBe('https://scan.devnet.example/');
  });

  it('refuses what the system browser would not be handed, saying why', () => {
    expect(refusal('http://scan.example')).toBe(
      'An explorer address must start with https:// to open in your browser.',
    );
    expect(refusal('javascript:alert(1)')).toBe(
      'An explorer address must start with https:// to open in your browser.',
    );
    expect(refusal('scan.example')).toBe(
      'An explorer address must start with https:// to open in your browser.',
    );
  });

  it('refuses an address carrying credentials, or too long to be one', () => {
    expect(refusal('https://user:secret@scan.example')).toBe(
      'An explorer address must not carry a user name or password.',
    );
    expect(refusal('https://user@scan.example')).toBe(
      'An explorer address must not carry a user name or password.',
    );
    expect(refusal(`https://scan.example/${'a'.repeat(2048)}`)).toBe(
      'An explorer address is at most 2048 characters.',
    );
  });

  it('lets a chain have no explorer at all', () => {
    expect(SetChainExplorer.parse({ chainId: 1, explorerUrl: null })).toEqual({
      chainId: 1,
      explorerUrl: null,
    });
  });
});
