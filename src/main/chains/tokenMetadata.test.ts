import { AbiCoder } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { decodeText } from './tokenMetadata';

const abiString = (text: string) => AbiCoder.defaultAbiCoder().encode(['string'], [text]);
const bytes32 = (text: string) => `0x${Buffer.from(text).toString('hex').padEnd(64, '0')}`;
const answer = (returnData: string) => ({ ok: true as const, returnData });

// Reading metadata from real contracts (and refusing non-tokens) is covered on anvil in test/anvil.
describe('decodeText', () => {
  it('reads an ABI string, including look-alike letters', () => {
    expect(decodeText(answer(abiString(' USDС ')), 32)).toBe('USDС');
  });

  it('reads the bytes32 some early tokens return', () => {
    expect(decodeText(answer(bytes32('MKR')), 32)).toBe('MKR');
  });

  it.each([
    ['a failed call', { ok: false as const }],
    ['an empty string', answer(abiString('  '))],
    ['a control character', answer(abiString('US\nDC'))],
    ['text over the limit', answer(abiString('x'.repeat(33)))],
    ['invalid UTF-8', answer(bytes32('\u0000').replace(/^0x00/, '0xff'))],
    ['a truncated string', answer(abiString('USDC').slice(0, 100))],
  ])('gives up on %s', (_, result) => {
    expect(decodeText(result, 32)).toBeNull();
  });
});
