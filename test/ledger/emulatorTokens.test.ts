import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { ledgerTokenDescriptor, parseDescriptors } from '../../src/main/review/device/ledgerTokens';
import { signatures } from '@ledgerhq/cryptoassets-evm-signatures/lib/data/evm/index';
import { toChecksumAddress } from '../../src/main/store/address';
import { SW, StatusWord } from './apdu';
import { ProvidedTokens, parseTokenInformation } from './emulatorTokens';

const USDC = toChecksumAddress('0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48');

function usdcDescriptor(): Buffer {
  return Buffer.from(ledgerTokenDescriptor(1, USDC)?.hex ?? '', 'hex');
}

/** A descriptor in Ledger's format for `ticker`, signed by a key that is not Ledger's. */
function forged(ticker: string, address: string): Buffer {
  const signed = Buffer.concat([
    Buffer.from(ticker, 'ascii'),
    Buffer.from(address.slice(2), 'hex'),
    Buffer.from('0000000600000001', 'hex'),
  ]);
  const signature = secp256k1.sign(signed, secp256k1.utils.randomSecretKey(), { format: 'der' });
  return Buffer.concat([Buffer.from([ticker.length]), signed, Buffer.from(signature)]);
}

function refusal(data: Buffer): number | null {
  try {
    parseTokenInformation(data);
    return null;
  } catch (error) {
    return error instanceof StatusWord ? error.status : -1;
  }
}

describe('parseTokenInformation', () => {
  it("accepts every Ethereum descriptor Ledger ships, under Ledger's published key", () => {
    const all = [...parseDescriptors(Buffer.from(signatures[1], 'base64'), 1).values()];
    expect(all.length).toBeGreaterThan(50);
    for (const descriptor of all) {
      expect(() => parseTokenInformation(Buffer.from(descriptor.hex, 'hex'))).not.toThrow();
    }
    expect(parseTokenInformation(usdcDescriptor())).toEqual({
      ticker: 'USDC',
      address: USDC,
      decimals: 6,
      chainId: 1,
    });
  });

  it('refuses a descriptor signed by any other key, as the app does, with 0x6a80', () => {
    expect(refusal(forged('USDC', USDC))).toBe(SW.INVALID_DATA);
  });

  it("refuses Ledger's descriptor once a byte of what it signs is changed", () => {
    const renamed = usdcDescriptor();
    renamed.write('USDT', 1, 'ascii');
    expect(refusal(renamed)).toBe(SW.INVALID_DATA);
    const moreDecimals = usdcDescriptor();
    moreDecimals[28] = 18;
    expect(refusal(moreDecimals)).toBe(SW.INVALID_DATA);
  });

  it('refuses a ticker longer than the app holds, and a descriptor cut before its signature', () => {
    expect(refusal(forged('ABCDEFGHIJKL', USDC))).toBe(SW.INVALID_DATA);
    expect(refusal(usdcDescriptor().subarray(0, 33))).toBe(SW.INVALID_DATA);
    expect(refusal(Buffer.alloc(0))).toBe(SW.INVALID_DATA);
  });
});

describe('ProvidedTokens', () => {
  const token = (n: number, chainId = 1) => ({
    ticker: `T${n}`,
    address: `0x${n.toString(16).padStart(40, '0')}`,
    decimals: 18,
    chainId,
  });

  it('finds a token by address and chain, keeps five, and forgets them all when cleared', () => {
    const tokens = new ProvidedTokens();
    expect([1, 2, 3, 4, 5, 6].map((n) => tokens.add(token(n)))).toEqual([0, 1, 2, 3, 4, 0]);
    expect(tokens.find(token(1).address, 1n)).toBeNull();
    expect(tokens.find(token(6).address.toUpperCase().replace('0X', '0x'), 1n)?.ticker).toBe('T6');
    expect(tokens.find(token(6).address, 10n)).toBeNull();
    expect(tokens.find(null, 1n)).toBeNull();
    tokens.clear();
    expect(tokens.find(token(6).address, 1n)).toBeNull();
  });
});
