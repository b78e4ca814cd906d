import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ErrorCode, MAX_FAILURE_DETAIL } from './envelope';
import { boundDetail, readsAsSentence, USER_ERRORS, userMessage } from './userErrors';

describe('USER_ERRORS', () => {
  it('has a sentence for every error code, ending in a full stop, that reads as one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ErrorCode.options), (code) => {
        const sentence = userMessage(code);
        expect(sentence.trim().length).toBeGreaterThan(20);
        expect(sentence).toMatch(/^\p{Lu}.*\.$/su);
        expect(readsAsSentence(sentence)).toBe(true);
        // It names no code of the app's own: the user reads it, not a developer.
        expect(sentence).not.toMatch(/_/);
      }),
    );
    expect(Object.keys(USER_ERRORS).sort()).toEqual([...ErrorCode.options].sort());
  });

  it('says something different for each kind of refusal, so a sentence tells what went wrong', () => {
    const expectedShared = new Set(['internal', 'invalid_response']);
    const sentences = ErrorCode.options.filter((code) => !expectedShared.has(code)).map(userMessage);
    expect(new Set(sentences).size).toBe(sentences.length);
  });
});

describe('readsAsSentence', () => {
  it.each([
    'Chain 999 is not a network this wallet knows.',
    'An Etherscan API key is 34 letters and digits.',
    '“Savings” is already a label on this network.',
    'The contract at 0x5FbDB2315678afecb367f032d93F642f64180aa3 does not answer decimals() like an ERC-20 token.',
    'Is the device unlocked?',
    '127.0.0.1:8545 serves chain 877, not Devnet (777). It was refused, and nothing it sent was used.',
    'There is no code to confirm yet: wait for the phone to connect.',
  ])('accepts the service sentence %j', (text) => {
    expect(readsAsSentence(text)).toBe(true);
  });

  it.each([
    [
      'an ethers error',
      'data out-of-bounds (buffer=0x, length=0, offset=32, code=BUFFER_OVERRUN, version=6.17.0)',
    ],
    [
      'a sentence wrapping an ethers error',
      'The network would not run this transaction: could not decode result data (value="0x", info={ "method": "decimals" }, code=BAD_DATA, version=6.17.0).',
    ],
    [
      'a node refusal passed up',
      '127.0.0.1:39383 refused eth_sendRawTransaction: Insufficient funds for gas * price + value (code -32003).',
    ],
    ['a SQLite error', 'SQLITE_CONSTRAINT_UNIQUE: UNIQUE constraint failed: accounts.address.'],
    ['an error class prefix', 'TypeError: Cannot read properties of undefined (reading "id").'],
    ['a stack', 'Something failed.\n    at prepareSend (sendReview.ts:81:13)'],
    ['a lower-case fragment', 'fetch failed'],
    ['no full stop', 'The Ledger request failed: 0x6985'],
    ['a JSON body', 'The node said {"code":-32000}.'],
    ['an object printed by mistake', 'The value [object Object] is wrong.'],
    ['an empty string', '   '],
    ['a dump', `${'A'.repeat(700)}.`],
  ])('refuses %s', (_, text) => {
    expect(readsAsSentence(text)).toBe(false);
  });
});

describe('boundDetail', () => {
  it('keeps short text as it is, trimmed, and drops empty text', () => {
    expect(boundDetail('  nonce too low\n')).toBe('nonce too low');
    expect(boundDetail(' \n ')).toBeUndefined();
  });

  it('never returns more than the envelope carries, and marks a cut', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (text) => {
        const detail = boundDetail(text) ?? '';
        expect(detail.length).toBeLessThanOrEqual(MAX_FAILURE_DETAIL);
        if (text.trim().length > MAX_FAILURE_DETAIL) expect(detail.endsWith('…')).toBe(true);
        else expect(detail).toBe(text.trim());
      }),
    );
  });
});
