import { describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../../shared/review';
import { toChecksumAddress } from '../../store/address';
import { lookAlikeRecipient, looksAlike } from './lookAlikeRecipient';

const address = (hex: string) => toChecksumAddress(`0x${hex}`);
const FRIEND = address('70997970c51812dc3a010c7d01b50e0d17dc79c8');
/** Same first and last four hex characters as FRIEND, another middle: what a poisoner generates. */
const LOOKALIKE = address('7099aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa79c8');
const send = (to: string, name: string | null = null): ReviewAction => ({
  type: 'native-transfer',
  to: { address: to, name, source: name ? 'label' : 'none' },
  amount: { value: '1', decimals: 18, symbol: 'ETH', unlimited: false },
});

describe('lookAlikeRecipient', () => {
  it('warns of a look-alike of a history address, naming the one from the history', () => {
    expect(lookAlikeRecipient({ action: send(LOOKALIKE), knownAddresses: [FRIEND] })).toEqual({
      code: 'look-alike-recipient',
      severity: 'warning',
      overridable: false,
      message: expect.stringMatching(
        new RegExp(`^0x7099…79c8 starts and ends like ${FRIEND} from your history`, 'i'),
      ),
      facts: [
        { label: 'Sending to', value: LOOKALIKE },
        { label: 'From your history', value: FRIEND },
      ],
      fix: null,
    });
  });

  it('warns whichever of the two is sent to', () => {
    expect(
      lookAlikeRecipient({ action: send(FRIEND, 'Friend'), knownAddresses: [FRIEND, LOOKALIKE] })?.message,
    ).toMatch(new RegExp(`^Friend starts and ends like ${LOOKALIKE}`));
  });

  it('says nothing for the same address, an unrelated one, or an action without a recipient', () => {
    expect(lookAlikeRecipient({ action: send(FRIEND), knownAddresses: [FRIEND] })).toBeNull();
    expect(
      lookAlikeRecipient({
        action: send(address('3c44cdddb6a900fa2b585dd299e03d12fa4293bc')),
        knownAddresses: [FRIEND],
      }),
    ).toBeNull();
    expect(lookAlikeRecipient({ action: { type: 'cancel', nonce: 1 }, knownAddresses: [FRIEND] })).toBeNull();
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
