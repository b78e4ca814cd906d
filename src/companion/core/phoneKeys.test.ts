import { bytesToHex } from '@noble/hashes/utils.js';
import { concat, encodeRlp, id, keccak256, recoverAddress, Signature, toBeArray, Transaction } from 'ethers';
import { describe, expect, it } from 'vitest';
import {
  createMnemonic,
  derivePhoneKey,
  encodeTransaction,
  phoneAccount,
  type PhoneSignature,
  requestDigest,
  signDigest,
  validateMnemonic,
} from './phoneKeys';
import type { PhoneTransaction } from './signRequest';
import { RequestError } from './signRequest';

const TEST_MNEMONIC = 'test test test test test test test test test test test junk';
const HALF_N = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n;

const legacy: PhoneTransaction = {
  type: 0,
  chainId: 1,
  nonce: 7,
  to: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  value: '1500000000000000000',
  data: '0x',
  gasLimit: '21000',
  gasPrice: '30000000000',
};

const eip1559: PhoneTransaction = {
  type: 2,
  chainId: 8453,
  nonce: 0,
  to: '0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913',
  value: '0',
  data: '0xa9059cbb00000000000000000000000070997970c51812dc3a010c7d01b50e0d17dc79c800000000000000000000000000000000000000000000000000000000000f4240',
  gasLimit: '65000',
  maxFeePerGas: '2000000000',
  maxPriorityFeePerGas: '1000000',
};

/** Signs as the phone does: with the key derived from the phrase, over the transaction's hash. */
function signPhoneTransaction(mnemonic: string, tx: PhoneTransaction): PhoneSignature {
  return signDigest(derivePhoneKey(mnemonic), encodeTransaction(tx).hash);
}

function recover(tx: PhoneTransaction, signature: PhoneSignature): string | null {
  const signed = encodeTransaction(tx).transaction;
  signed.signature = Signature.from(signature);
  return Transaction.from(signed.serialized).from;
}

describe('phone keys', () => {
  it('creates valid 12-word mnemonics that differ each time', () => {
    const a = createMnemonic();
    expect(a.split(' ')).toHaveLength(12);
    expect(validateMnemonic(a)).toBe(true);
    expect(createMnemonic()).not.toBe(a);
  });

  it('rejects phrases with a bad checksum or unknown words', () => {
    expect(validateMnemonic('test test test test test test test test test test test test')).toBe(false);
    expect(validateMnemonic('hello world')).toBe(false);
    expect(() => phoneAccount('hello world')).toThrow(/not a valid BIP39/);
  });

  it('derives the well-known first account of the test mnemonic', () => {
    expect(phoneAccount(TEST_MNEMONIC)).toEqual({
      address: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
      path: "m/44'/60'/0'/0/0",
    });
    expect(bytesToHex(derivePhoneKey(TEST_MNEMONIC))).toBe(
      'ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80',
    );
    expect(() => derivePhoneKey('hello world')).toThrow(/not a valid BIP39/);
  });

  it.each([
    ['legacy EIP-155', legacy],
    ['EIP-1559', eip1559],
  ])('signs a %s transaction that recovers to the phone address, with low s', (_name, tx) => {
    const signature = signPhoneTransaction(TEST_MNEMONIC, tx);
    expect(signature.r).toMatch(/^0x[0-9a-f]{64}$/);
    expect(signature.s).toMatch(/^0x[0-9a-f]{64}$/);
    expect(BigInt(signature.s) <= HALF_N).toBe(true);
    expect(recover(tx, signature)).toBe(phoneAccount(TEST_MNEMONIC).address);
  });

  it('signs for a freshly created mnemonic too', () => {
    const mnemonic = createMnemonic();
    expect(recover(eip1559, signPhoneTransaction(mnemonic, eip1559))).toBe(phoneAccount(mnemonic).address);
  });

  it('binds a legacy signature to the chain (EIP-155)', () => {
    const signed = encodeTransaction(legacy).transaction;
    signed.signature = Signature.from(signPhoneTransaction(TEST_MNEMONIC, legacy));
    expect(Transaction.from(signed.serialized).chainId).toBe(1n);
  });

  it('gives one digest per content, covering every field and the chain', () => {
    const digest = requestDigest(legacy);
    expect(digest).toMatch(/^0x[0-9a-f]{64}$/);
    expect(requestDigest({ ...legacy })).toBe(digest);
    expect(requestDigest({ ...legacy, chainId: 10 })).not.toBe(digest);
    expect(requestDigest({ ...legacy, value: '1500000000000000001' })).not.toBe(digest);
    expect(requestDigest({ ...legacy, to: null })).not.toBe(digest);
    expect(requestDigest({ ...eip1559, maxPriorityFeePerGas: '1000001' })).not.toBe(requestDigest(eip1559));
  });

  it('hashes exactly as docs/PROTOCOL.md section 12.1 writes it, the access list empty', () => {
    // RLP integers are minimal big-endian byte strings: zero is the empty string.
    const int = (value: string | number) => toBeArray(BigInt(value));
    const to = (tx: PhoneTransaction) => tx.to ?? '0x';
    const { chainId, nonce, gasLimit, value, data } = eip1559;
    if (eip1559.type !== 2 || legacy.type !== 0) throw new Error('fixtures changed');
    const type2 = [chainId, nonce, eip1559.maxPriorityFeePerGas, eip1559.maxFeePerGas, gasLimit].map(int);
    expect(requestDigest(eip1559)).toBe(
      keccak256(concat(['0x02', encodeRlp([...type2, to(eip1559), int(value), data, []])])),
    );
    const fields = [legacy.nonce, legacy.gasPrice, legacy.gasLimit].map(int);
    const body = [...fields, to(legacy), int(legacy.value), legacy.data, int(legacy.chainId), '0x', '0x'];
    expect(requestDigest(legacy)).toBe(keccak256(encodeRlp(body)));
    expect(requestDigest({ ...legacy, to: null })).toBe(
      keccak256(encodeRlp([...fields, '0x', ...body.slice(4)])),
    );
  });

  it('writes r and s as 64 hex digits, left-padded with zeros', () => {
    // About one signature in 128 has an r or s below 2^248; the nonce walks until one does.
    let signature = signPhoneTransaction(TEST_MNEMONIC, legacy);
    let tx = legacy;
    for (let nonce = 0; nonce < 3_000 && !/^0x00/.test(signature.r) && !/^0x00/.test(signature.s); nonce++) {
      tx = { ...legacy, nonce };
      signature = signPhoneTransaction(TEST_MNEMONIC, tx);
    }
    expect([signature.r, signature.s].some((part) => part.startsWith('0x00'))).toBe(true);
    expect(signature.r).toMatch(/^0x[0-9a-f]{64}$/);
    expect(signature.s).toMatch(/^0x[0-9a-f]{64}$/);
    expect(recover(tx, signature)).toBe(phoneAccount(TEST_MNEMONIC).address);
  });

  it('refuses a transaction ethers cannot encode with a RequestError', () => {
    expect(() => requestDigest({ ...legacy, nonce: -1 })).toThrow(RequestError);
  });

  it('signs a bare 32-byte digest that recovers to the phone address, and refuses any other length', () => {
    const digest = id('a Safe transaction hash');
    const privateKey = derivePhoneKey(TEST_MNEMONIC);
    const signature = signDigest(privateKey, digest);
    expect(recoverAddress(digest, Signature.from(signature))).toBe(phoneAccount(TEST_MNEMONIC).address);
    expect(BigInt(signature.s)).toBeLessThanOrEqual(HALF_N);
    expect(() => signDigest(privateKey, '0x1234')).toThrow(/32-byte/);
  });
});
