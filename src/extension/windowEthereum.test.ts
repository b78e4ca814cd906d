import { describe, expect, it } from 'vitest';
import { offerWindowEthereum, requestWindowEthereum } from './windowEthereum';

const provider = { isLedgerline: true };

describe('window.ethereum for the sites where the user turned it on', () => {
  it('installs the provider when the flag script ran first', () => {
    const page: Record<string, unknown> = {};
    requestWindowEthereum(page);
    expect(page.ethereum).toBeUndefined();
    offerWindowEthereum(page, provider);
    expect(page.ethereum).toBe(provider);
  });

  it('installs the provider when the provider script ran first', () => {
    const page: Record<string, unknown> = {};
    offerWindowEthereum(page, provider);
    expect(page.ethereum).toBeUndefined();
    requestWindowEthereum(page);
    expect(page.ethereum).toBe(provider);
  });

  it('stays away on sites without the flag', () => {
    const page: Record<string, unknown> = {};
    offerWindowEthereum(page, provider);
    expect('ethereum' in page).toBe(false);
  });

  it("never replaces another wallet's window.ethereum", () => {
    const other = { isOtherWallet: true };
    const page: Record<string, unknown> = { ethereum: other };
    offerWindowEthereum(page, provider);
    requestWindowEthereum(page);
    expect(page.ethereum).toBe(other);
  });

  it('leaves window.ethereum replaceable by a wallet the user installs later', () => {
    const page: Record<string, unknown> = {};
    requestWindowEthereum(page);
    offerWindowEthereum(page, provider);
    page.ethereum = 'later';
    expect(page.ethereum).toBe('later');
  });
});
