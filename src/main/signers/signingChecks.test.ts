import { TypedDataEncoder } from 'ethers';
import { describe, expect, it } from 'vitest';
import { MAIL, typesWithoutDomain } from '../../../test/signing/fixtures';
import type { ChecksumAddress } from '../store/address';
import type { UnsignedTransaction } from './signer';
import { BLIND_SIGNING_WARNING, MISSING_CHAIN_ID_WARNING } from '../../shared/devices';
import {
  addressCheck,
  blindSigningRefused,
  messageCheck,
  transactionCheck,
  typedDataChecks,
} from './signingChecks';

const ADDRESS = '0x000000000000000000000000000000000000dEaD' as ChecksumAddress;

describe('messageCheck', () => {
  it('shows the message and the account, cutting a long message at 200 characters', () => {
    expect(messageCheck('hello', ADDRESS)).toEqual([
      { label: 'Message', value: 'hello' },
      { label: 'Account', value: ADDRESS },
    ]);
    const long = 'a'.repeat(250);
    expect(messageCheck(long, ADDRESS)[0]?.value).toBe(`${'a'.repeat(200)}…`);
    expect(messageCheck('b'.repeat(200), ADDRESS)[0]?.value).toBe('b'.repeat(200));
  });
});

describe('addressCheck', () => {
  it('shows the address and its path, or an empty path where the account has none', () => {
    expect(addressCheck(ADDRESS, "m/44'/60'/0'/0/0")).toEqual([
      { label: 'Address', value: ADDRESS },
      { label: 'Path', value: "m/44'/60'/0'/0/0" },
    ]);
    expect(addressCheck(ADDRESS, null)[1]).toEqual({ label: 'Path', value: '' });
  });
});

describe('typedDataChecks', () => {
  it('gives the fields a clear-signing device shows, and the two hashes a blind one shows', () => {
    const { clear, hashed } = typedDataChecks(MAIL, 1, false);
    expect(clear).toEqual([
      { label: 'Domain', value: String(MAIL.domain.name) },
      { label: 'Chain', value: '1' },
      { label: 'Contract', value: String(MAIL.domain.verifyingContract) },
      { label: 'Type', value: 'Mail' },
    ]);
    expect(hashed).toEqual([
      { label: 'Domain hash', value: TypedDataEncoder.hashDomain(MAIL.domain) },
      { label: 'Message hash', value: TypedDataEncoder.from(typesWithoutDomain(MAIL)).hash(MAIL.message) },
    ]);
  });

  const { chainId: _chainId, ...domain } = MAIL.domain;
  const noChain = {
    ...MAIL,
    domain,
    types: {
      ...MAIL.types,
      EIP712Domain: MAIL.types.EIP712Domain?.filter((f) => f.name !== 'chainId') ?? [],
    },
  };

  it('refuses a domain without chainId with the warning, and says "every chain" once the user allows it', () => {
    expect(() => typedDataChecks(noChain, 10, false)).toThrow(
      expect.objectContaining({
        code: 'chain_mismatch',
        message: expect.stringContaining(MISSING_CHAIN_ID_WARNING),
      }),
    );
    expect(typedDataChecks(noChain, 10, true).clear).toContainEqual({
      label: 'Chain',
      value: 'none: valid on every chain',
    });
  });

  it('compares a number, decimal or hex chainId with the active chain', () => {
    for (const chainId of [1, '1', '0x1', '0x01']) {
      expect(() => typedDataChecks({ ...MAIL, domain: { ...MAIL.domain, chainId } }, 1, false)).not.toThrow();
    }
    for (const chainId of [10, '10', '0xa']) {
      expect(() => typedDataChecks({ ...MAIL, domain: { ...MAIL.domain, chainId } }, 1, false)).toThrow(
        expect.objectContaining({
          code: 'chain_mismatch',
          message: expect.stringContaining('This request is for OP Mainnet, but you are on Ethereum.'),
        }),
      );
    }
    // A chain the wallet does not know is named by its id, however large.
    expect(() =>
      typedDataChecks({ ...MAIL, domain: { ...MAIL.domain, chainId: `0x${'f'.repeat(30)}` } }, 1, false),
    ).toThrow(
      expect.objectContaining({
        message: expect.stringContaining(
          `This request is for chain ${BigInt(`0x${'f'.repeat(30)}`)}, but you are on Ethereum.`,
        ),
      }),
    );
  });

  it('refuses typed data for another chain, and data that does not encode', () => {
    expect(() => typedDataChecks(MAIL, 10, true)).toThrow(
      expect.objectContaining({
        code: 'chain_mismatch',
        message: expect.stringContaining('This request is for Ethereum, but you are on OP Mainnet.'),
      }),
    );
    const broken = { ...MAIL, message: { ...MAIL.message, delta: 'minus forty-two' } };
    expect(() => typedDataChecks(broken, 1, false)).toThrow(
      expect.objectContaining({
        code: 'invalid_request',
        message: expect.stringContaining('cannot be encoded'),
      }),
    );
  });
});

describe('blindSigningRefused', () => {
  it('carries the warning and says how to consent', () => {
    const error = blindSigningRefused();
    expect(error.state).toBe('blind_signing_required');
    expect(error.message).toContain(BLIND_SIGNING_WARNING);
    expect(error.remedy).toMatch(/allowing blind signing/);
  });
});

describe('transactionCheck', () => {
  const base: UnsignedTransaction = {
    type: 2,
    chainId: 1n,
    nonce: 7,
    to: ADDRESS,
    value: 10n ** 16n,
    data: '0x',
    gasLimit: 21_000n,
    maxFeePerGas: 1n,
    maxPriorityFeePerGas: 1n,
  };

  it('names the coin and the network where the registry knows them', () => {
    expect(transactionCheck(base)).toEqual([
      { label: 'To', value: ADDRESS },
      { label: 'Amount', value: '0.01 ETH' },
      { label: 'Chain', value: 'Ethereum (1)' },
      { label: 'Nonce', value: '7' },
    ]);
  });

  it('shows the bare amount and chain id elsewhere, and a contract creation as such', () => {
    const check = transactionCheck({ ...base, chainId: 999_999_999n, to: null });
    expect(check).toContainEqual({ label: 'To', value: 'New contract' });
    expect(check).toContainEqual({ label: 'Amount', value: '0.01' });
    expect(check).toContainEqual({ label: 'Chain', value: '999999999' });
  });
});
