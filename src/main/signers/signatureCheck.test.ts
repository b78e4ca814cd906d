import { HDNodeWallet, Signature, toUtf8Bytes, Transaction, Wallet } from 'ethers';
import { describe, expect, it } from 'vitest';
import type { ChecksumAddress } from '../store/address';
import { MAIL, TEST_MNEMONIC, typesWithoutDomain } from '../../../test/signing/fixtures';
import type { SignatureParts, UnsignedTransaction } from './signer';
import { checkPersonalSignature, checkTransaction, checkTypedDataSignature } from './signatureCheck';
import { typedDataHashes } from './typedDataHash';

const wallet = HDNodeWallet.fromPhrase(TEST_MNEMONIC, undefined, "m/44'/60'/0'/0/0");
const other = Wallet.createRandom();
const ACCOUNT = wallet.address as ChecksumAddress;

const parts = (serialized: string): SignatureParts => {
  const { r, s, yParity } = Signature.from(serialized);
  return { r, s, yParity };
};

const LEGACY: UnsignedTransaction = {
  type: 0,
  chainId: 11155111n,
  nonce: 4,
  to: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
  value: 10n ** 15n,
  data: '0x',
  gasLimit: 21_000n,
  gasPrice: 3_000_000_000n,
};

const permitTypes = typesWithoutDomain(MAIL);

describe('signature checks', () => {
  it('accept a legacy transaction on a chain above 255 and return it serialized with its hash', async () => {
    const signed = await wallet.signTransaction(LEGACY);
    const { signature } = Transaction.from(signed);
    const checked = checkTransaction(LEGACY, parts(signature?.serialized as string), ACCOUNT);
    expect(checked.serialized).toBe(signed);
    expect(checked.hash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('refuse a transaction signed by another key, naming both addresses', async () => {
    const signed = Transaction.from(await other.signTransaction(LEGACY));
    expect(() => checkTransaction(LEGACY, parts(signed.signature?.serialized as string), ACCOUNT)).toThrow(
      expect.objectContaining({
        code: 'signature_mismatch',
        message: expect.stringContaining(other.address),
      }),
    );
  });

  it('accept a personal message signed by the account and refuse one with the other parity', async () => {
    const message = toUtf8Bytes('Sign in to Ledgerline');
    const good = parts(await wallet.signMessage(message));
    expect(checkPersonalSignature(message, good, ACCOUNT).signature).toBe(
      (await wallet.signMessage(message)).toLowerCase(),
    );
    const flipped = { ...good, yParity: (1 - good.yParity) as 0 | 1 };
    expect(() => checkPersonalSignature(message, flipped, ACCOUNT)).toThrow(
      expect.objectContaining({ code: 'signature_mismatch' }),
    );
  });

  it('accept EIP-712 data, with EIP712Domain among the types as dapps send it', async () => {
    const signature = await wallet.signTypedData(MAIL.domain, permitTypes, MAIL.message);
    const checked = checkTypedDataSignature(MAIL, parts(signature), ACCOUNT);
    expect(checked.digest).toBe(typedDataHashes(MAIL).digest);
    expect(() =>
      checkTypedDataSignature(
        { ...MAIL, message: { ...MAIL.message, contents: 'Hello, Eve!' } },
        parts(signature),
        ACCOUNT,
      ),
    ).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });

  it('refuse a malformed signature as a mismatch, not a crash', () => {
    expect(() =>
      checkPersonalSignature(new Uint8Array([1]), { r: '0x12', s: '0x34', yParity: 0 }, ACCOUNT),
    ).toThrow(expect.objectContaining({ code: 'signature_mismatch' }));
  });
});
