import { formatEther, TypedDataEncoder } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import { findChain } from '../../shared/chains/registry';
import type { SigningRequestView } from '../../shared/devices';
import type { ChecksumAddress } from '../store/address';
import type { TypedData, UnsignedTransaction } from './signer';
import { typedDataDigest } from './signatureCheck';

/** What the signer's screen shows, line by line, for the user to compare with the overlay. */
export type Check = SigningRequestView['check'];

const SHOWN_MESSAGE_LENGTH = 200;

export function messageCheck(message: string, address: ChecksumAddress): Check {
  const shown =
    message.length > SHOWN_MESSAGE_LENGTH ? `${message.slice(0, SHOWN_MESSAGE_LENGTH)}…` : message;
  return [
    { label: 'Message', value: shown },
    { label: 'Account', value: address },
  ];
}

export function addressCheck(address: ChecksumAddress, path: string | null): Check {
  return [
    { label: 'Address', value: address },
    { label: 'Path', value: path ?? '' },
  ];
}

/**
 * The two ways a device can show typed data: its fields where the device clear-signs EIP-712, else only the
 * domain and message hashes. Throws before anything reaches a device when the data is for another chain or
 * cannot be encoded.
 */
export function typedDataChecks(data: TypedData, chainId: number): { clear: Check; hashed: Check } {
  const domainChain = data.domain.chainId;
  if (domainChain !== undefined && String(domainChain) !== String(chainId)) {
    throw new ApiError(
      'chain_mismatch',
      `This request is for chain ${String(domainChain)}, but you are on chain ${chainId}. ` +
        'Switch to its network first if you meant to sign it; nothing was sent to the device.',
    );
  }
  let domainHash: string;
  let messageHash: string;
  try {
    typedDataDigest(data);
    const { EIP712Domain: _domain, ...structs } = data.types;
    domainHash = TypedDataEncoder.hashDomain(data.domain);
    messageHash = TypedDataEncoder.from(structs as Record<string, { name: string; type: string }[]>).hash(
      data.message,
    );
  } catch (error) {
    throw new ApiError('invalid_request', `The typed data cannot be encoded: ${(error as Error).message}`);
  }
  return {
    clear: [
      { label: 'Domain', value: String(data.domain.name ?? 'unnamed') },
      { label: 'Chain', value: String(domainChain ?? chainId) },
      { label: 'Contract', value: String(data.domain.verifyingContract ?? 'none') },
      { label: 'Type', value: data.primaryType },
    ],
    hashed: [
      { label: 'Domain hash', value: domainHash },
      { label: 'Message hash', value: messageHash },
    ],
  };
}

/** Devices show the coin amount and the chain id; the name is beside the id so both can be compared. */
export function transactionCheck(transaction: UnsignedTransaction): Check {
  const chain = findChain(Number(transaction.chainId));
  return [
    { label: 'To', value: transaction.to ?? 'New contract' },
    {
      label: 'Amount',
      value: [formatEther(transaction.value), chain?.nativeCurrency.symbol].join(' ').trim(),
    },
    { label: 'Chain', value: chain ? `${chain.name} (${chain.id})` : transaction.chainId.toString() },
    { label: 'Nonce', value: String(transaction.nonce) },
  ];
}
