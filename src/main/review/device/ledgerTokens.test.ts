import { describe, expect, it } from 'vitest';
import { toChecksumAddress } from '../../store/address';
import { ledgerTokenDescriptor, parseDescriptors } from './ledgerTokens';
import { UNLISTED_TOKEN, USDC } from '../../../../test/review/deviceScreenFixtures';

function entry(ticker: string, address: string, decimals: number, chainId: number, signature = 'aa'): Buffer {
  const item = Buffer.concat([
    Buffer.from([ticker.length]),
    Buffer.from(ticker, 'ascii'),
    Buffer.from(address.slice(2), 'hex'),
    Buffer.from([0, 0, 0, decimals]),
    Buffer.from(chainId.toString(16).padStart(8, '0'), 'hex'),
    Buffer.from(signature, 'hex'),
  ]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(item.length);
  return Buffer.concat([length, item]);
}

describe('ledgerTokenDescriptor', () => {
  it("finds USDC on Ethereum in Ledger's bundled list, as the bytes the app takes", () => {
    const usdc = ledgerTokenDescriptor(1, USDC);
    expect(usdc).toMatchObject({ ticker: 'USDC', decimals: 6 });
    const bytes = Buffer.from(usdc?.hex ?? '', 'hex');
    expect(bytes[0]).toBe(4);
    expect(bytes.subarray(1, 5).toString('ascii')).toBe('USDC');
    expect(`0x${bytes.subarray(5, 25).toString('hex')}`).toBe(USDC.toLowerCase());
    expect(bytes.readUInt32BE(29)).toBe(1);
    // A DER signature follows.
    expect(bytes[33]).toBe(0x30);
  });

  it('answers null for a token Ledger has not signed, a chain it has no list for, and another chain', () => {
    expect(ledgerTokenDescriptor(1, UNLISTED_TOKEN)).toBeNull();
    expect(ledgerTokenDescriptor(31_337, USDC)).toBeNull();
    // Mainnet's USDC address means nothing on Base; Base's list has tokens of its own.
    expect(ledgerTokenDescriptor(8453, USDC)).toBeNull();
    expect(
      ledgerTokenDescriptor(8453, toChecksumAddress('0xcD2F22236DD9Dfe2356D7C543161D4d260FD9BcB')),
    ).toMatchObject({
      ticker: 'GHST',
      decimals: 18,
    });
  });
});

describe('parseDescriptors', () => {
  const token = '0x1111111111111111111111111111111111111111';

  it('keeps only entries for the chain asked for', () => {
    const blob = Buffer.concat([entry('AAA', token, 18, 10), entry('BBB', token, 6, 1)]);
    expect([...parseDescriptors(blob, 1).values()].map((d) => d.ticker)).toEqual(['BBB']);
  });

  it('stops at a truncated entry and keeps the ones before it', () => {
    const good = entry('AAA', token, 18, 1);
    const cut = entry('BBB', '0x2222222222222222222222222222222222222222', 6, 1).subarray(0, 20);
    const parsed = parseDescriptors(Buffer.concat([good, cut]), 1);
    expect([...parsed.keys()]).toEqual([token]);
  });

  it('stops at an entry with no room for a signature or an empty ticker', () => {
    expect(parseDescriptors(entry('AAA', token, 18, 1, ''), 1).size).toBe(0);
    expect(parseDescriptors(entry('', token, 18, 1), 1).size).toBe(0);
  });
});
