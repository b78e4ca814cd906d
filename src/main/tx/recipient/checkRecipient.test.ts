import { describe, expect, it } from 'vitest';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';
import { checkRecipient, looksAlike, type RecipientContext } from './checkRecipient';

const address = (hex: string) => toChecksumAddress(`0x${hex}`);
const ME = address('f39fd6e51aad88f6f4ce6ab8827279cfffb92266');
const FRIEND = address('70997970c51812dc3a010c7d01b50e0d17dc79c8');
/** Same first and last four hex characters as FRIEND, another middle: what a poisoner generates. */
const LOOKALIKE = address('7099aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa79c8');
const TOKEN = address('a0b86991c6218b36c1d19d4a2e9eb0ce3606eb48');

const context = (overrides: Partial<RecipientContext> = {}): RecipientContext => ({
  from: ME,
  addressBook: [],
  labels: [],
  previousRecipients: [FRIEND],
  knownAddresses: [FRIEND],
  tokenAddress: null,
  isContract: async () => false,
  ...overrides,
});
const codes = async (input: string, overrides?: Partial<RecipientContext>) =>
  (await checkRecipient(input, context(overrides))).warnings.map((warning) => warning.code);

describe('checkRecipient', () => {
  it('warns of nothing for a known, earlier recipient without code', async () => {
    expect(await checkRecipient(FRIEND.toLowerCase(), context())).toEqual({
      address: FRIEND,
      resolvedFrom: 'address',
      warnings: [],
    });
  });

  it('warns of a first-time recipient', async () => {
    expect(await codes(FRIEND, { previousRecipients: [] })).toEqual(['first-time']);
  });

  it('warns of a recipient with code, asking about the resolved address', async () => {
    const asked: ChecksumAddress[] = [];
    const isContract = async (candidate: ChecksumAddress) => (asked.push(candidate), true);
    expect(await codes(FRIEND.toLowerCase(), { isContract })).toEqual(['contract']);
    expect(asked).toEqual([FRIEND]);
  });

  it('warns of a lookalike of a history address, naming it, whichever of the two is chosen', async () => {
    const check = await checkRecipient(LOOKALIKE, context({ previousRecipients: [LOOKALIKE] }));
    expect(check.warnings).toEqual([{ code: 'poisoning', message: expect.stringContaining(FRIEND) }]);
    expect(await codes(FRIEND, { knownAddresses: [FRIEND, LOOKALIKE] })).toEqual(['poisoning']);
  });

  it('warns of a token sent to its own contract instead of a plain contract warning', async () => {
    expect(
      await codes(TOKEN, { tokenAddress: TOKEN, previousRecipients: [TOKEN], isContract: async () => true }),
    ).toEqual(['token-contract']);
    expect(await codes(FRIEND, { tokenAddress: TOKEN })).toEqual([]);
  });

  it('warns of a send to the account itself, and not that it is new', async () => {
    expect(await codes(ME.toLowerCase())).toEqual(['self']);
  });

  it('resolves names before the checks and reports where the address came from', async () => {
    const check = await checkRecipient('Friend', context({ labels: [{ name: 'Friend', address: FRIEND }] }));
    expect(check).toMatchObject({ address: FRIEND, resolvedFrom: 'label', warnings: [] });
  });
});

describe('looksAlike', () => {
  it('matches the first and last four hex characters, case-insensitively, with another middle', () => {
    expect(looksAlike(FRIEND, LOOKALIKE)).toBe(true);
    expect(looksAlike(FRIEND.toLowerCase(), LOOKALIKE.toUpperCase().replace('0X', '0x'))).toBe(true);
  });

  it('does not match the same address in another case, or a near miss at either end', () => {
    expect(looksAlike(FRIEND, FRIEND.toLowerCase())).toBe(false);
    // The fourth character differs.
    expect(looksAlike(FRIEND, '0x709aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa79c8')).toBe(false);
    // The fourth from last differs.
    expect(looksAlike(FRIEND, '0x7099aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa89c8')).toBe(false);
    expect(looksAlike(FRIEND, '0x7099aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa79c9')).toBe(false);
  });
});
