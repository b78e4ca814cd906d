import { secp256k1 } from '@noble/curves/secp256k1.js';
import { HDKey } from '@scure/bip32';
import * as bip39 from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { computeAddress, getBytes, hexlify, Transaction } from 'ethers';
import { PHONE_PATH } from '../../shared/pairing/phonePath';
import type { PhoneTransaction } from './signRequest';
import { RequestError } from './signRequest';

export interface PhoneAccount {
  address: string;
  path: typeof PHONE_PATH;
}

export interface PhoneSignature {
  r: string;
  s: string;
  yParity: 0 | 1;
}

export function createMnemonic(): string {
  return bip39.generateMnemonic(wordlist, 128);
}

export function validateMnemonic(mnemonic: string): boolean {
  return bip39.validateMnemonic(mnemonic, wordlist);
}

/**
 * The phone account's private key (BIP39 PBKDF2, then BIP32): the slow step, 10–14 ms, so callers that sign
 * often keep it (phoneSigningKey.ts). The caller owns the returned bytes and zero-fills them when done; the
 * seed and the HD nodes made on the way are wiped here.
 */
export function derivePhoneKey(mnemonic: string): Uint8Array {
  if (!validateMnemonic(mnemonic))
    throw new Error('The recovery phrase is not a valid BIP39 English phrase.');
  const seed = bip39.mnemonicToSeedSync(mnemonic);
  const master = HDKey.fromMasterSeed(seed);
  const node = master.derive(PHONE_PATH);
  // A copy: the getter never hands out the node's own bytes, so wiping the node leaves this one intact.
  const key = node.privateKey;
  seed.fill(0);
  master.wipePrivateData();
  node.wipePrivateData();
  // Only a public-key-only HDKey lacks a private key, and one made from a seed never is.
  if (!key) throw new Error('The phone key could not be derived.');
  return key;
}

export function phoneAccount(mnemonic: string): PhoneAccount {
  const privateKey = derivePhoneKey(mnemonic);
  try {
    const publicKey = secp256k1.getPublicKey(privateKey, true);
    return { address: computeAddress(hexlify(publicKey)), path: PHONE_PATH };
  } finally {
    privateKey.fill(0);
  }
}

export interface EncodedTransaction {
  /** Unsigned; set its `signature` to get the broadcastable transaction. */
  transaction: Transaction;
  /** The keccak256 hash the signature is over. */
  hash: string;
}

/** Ethers builds the unsigned transaction so the hash is exactly what nodes will recover the sender from. */
export function encodeTransaction(tx: PhoneTransaction): EncodedTransaction {
  const common = {
    chainId: BigInt(tx.chainId),
    nonce: tx.nonce,
    to: tx.to,
    value: BigInt(tx.value),
    data: tx.data,
    gasLimit: BigInt(tx.gasLimit),
  };
  try {
    const transaction =
      tx.type === 0
        ? Transaction.from({ ...common, type: 0, gasPrice: BigInt(tx.gasPrice) })
        : Transaction.from({
            ...common,
            type: 2,
            maxFeePerGas: BigInt(tx.maxFeePerGas),
            maxPriorityFeePerGas: BigInt(tx.maxPriorityFeePerGas),
          });
    // Ethers checks ranges only while encoding, so the hash is taken here, where its errors are caught.
    return { transaction, hash: transaction.unsignedHash };
  } catch (error) {
    throw new RequestError(
      'invalid_request',
      `This transaction cannot be encoded (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

/**
 * Identifies a request's content: the hash of the transaction's canonical (RLP, chain id included) encoding.
 * Two requests with the same digest would get the same signature, so a retried id may be answered again.
 */
export function requestDigest(tx: PhoneTransaction): string {
  return encodeTransaction(tx).hash;
}

/** Signs a 32-byte digest as it is (no prefix): a transaction's hash, or a Safe transaction hash. */
export function signDigest(privateKey: Uint8Array, hash: string): PhoneSignature {
  const digest = getBytes(hash);
  if (digest.length !== 32) throw new Error('Only a 32-byte hash can be signed.');
  // The digest is already keccak256; lowS (the default) gives the only s Ethereum accepts since EIP-2.
  const signature = secp256k1.sign(digest, privateKey, { prehash: false, format: 'recovered' });
  const recovery = signature[0];
  // Recovery ids 2 and 3 (r >= n) cannot be expressed as a yParity; they occur with probability ~2^-128.
  if (recovery !== 0 && recovery !== 1) throw new Error('The signature cannot be expressed for Ethereum.');
  return {
    r: `0x${bytesToHex(signature.subarray(1, 33))}`,
    s: `0x${bytesToHex(signature.subarray(33, 65))}`,
    yParity: recovery,
  };
}
