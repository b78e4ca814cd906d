import { getAddress } from 'ethers/address';
import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../store/address';
import { KNOWN_CONTRACTS, PartyNames, partyName } from './parties';

const ALICE = toChecksumAddress('0x70997970c51812dc3a010c7d01b50e0d17dc79c8');
const USDC = toChecksumAddress('0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');
const PERMIT2 = toChecksumAddress('0x000000000022d473030f116ddee9f6b43ac78ba3');
const STRANGER = toChecksumAddress('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');

const names = (overrides: Partial<ConstructorParameters<typeof PartyNames>[0]> = {}) =>
  new PartyNames({
    accounts: [],
    addressBook: [],
    labels: [],
    tokens: (address) => (address === USDC ? { symbol: 'USDC', name: 'USD Coin' } : null),
    chainId: 1,
    ...overrides,
  });

describe('PartyNames', () => {
  it('ranks accounts over the address book over labels, matching any case', () => {
    const all = names({
      accounts: [{ address: ALICE.toLowerCase(), label: 'Main' }],
      addressBook: [{ address: ALICE, name: 'Alice' }],
      labels: [{ address: ALICE, name: 'Alice label' }],
    });
    expect(all.party(ALICE)).toEqual({ address: ALICE, name: 'Main', source: 'account' });
    const bookAndLabel = names({
      addressBook: [{ address: ALICE, name: 'Alice' }],
      labels: [{ address: ALICE, name: 'x' }],
    });
    expect(bookAndLabel.party(ALICE)).toEqual({ address: ALICE, name: 'Alice', source: 'address-book' });
    expect(names({ labels: [{ address: ALICE.toLowerCase(), name: 'Cold' }] }).party(ALICE).source).toBe(
      'label',
    );
  });

  it('lets the user’s own names win over the token list, and the token list over the shipped table', () => {
    expect(names().party(USDC)).toEqual({ address: USDC, name: 'USDC', source: 'token-list' });
    expect(names({ labels: [{ address: USDC, name: 'My dollars' }] }).party(USDC).source).toBe('label');
    expect(names().party(PERMIT2)).toEqual({ address: PERMIT2, name: 'Permit2', source: 'known-contract' });
    const listed = names({ tokens: () => ({ symbol: 'FAKE' }) });
    expect(listed.party(PERMIT2).source).toBe('token-list');
  });

  it('answers no name for an unknown address, and skips blank names', () => {
    expect(names({ labels: [{ address: STRANGER, name: '  ' }] }).party(STRANGER)).toEqual({
      address: STRANGER,
      name: null,
      source: 'none',
    });
  });

  it('cuts a name longer than the review shows', () => {
    const long = names({ labels: [{ address: ALICE, name: 'x'.repeat(500) }] }).party(ALICE).name;
    expect(long).toHaveLength(100);
    expect(long?.endsWith('…')).toBe(true);
  });
});

describe('KNOWN_CONTRACTS', () => {
  it('holds checksummed addresses only', () => {
    for (const address of KNOWN_CONTRACTS.keys()) expect(getAddress(address.toLowerCase())).toBe(address);
  });
});

describe('partyName', () => {
  it('is the name, or the shortened address', () => {
    expect(partyName({ address: ALICE, name: 'Alice', source: 'label' })).toBe('Alice');
    expect(partyName({ address: ALICE, name: null, source: 'none' })).toBe('0x7099…79C8');
  });
});
