import { formatEther } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import { chainName } from '../../shared/chains/chainName';
import { findChain } from '../../shared/chains/registry';
import { DeviceError } from '../../shared/deviceError';
import {
  BLIND_SIGNING_WARNING,
  MISSING_CHAIN_ID_WARNING,
  type SigningRequestView,
} from '../../shared/devices';
import type { ChecksumAddress } from '../store/address';
import type { TypedData, UnsignedTransaction } from './signer';
import { domainChainId, typedDataHashes } from './typedDataHash';

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
 * domain and message hashes. Throws before anything reaches a device when the data cannot be encoded, names
 * another chain than `activeChainId` (main's own, never the page's), or names none and the user has not
 * accepted that after the warning.
 */
export function typedDataChecks(
  data: TypedData,
  activeChainId: number,
  allowMissingChainId: boolean,
): { clear: Check; hashed: Check } {
  const chain = domainChainId(data);
  if (chain === null && !allowMissingChainId) {
    throw new ApiError('chain_mismatch', `${MISSING_CHAIN_ID_WARNING} Nothing was sent to the device.`);
  }
  if (chain !== null && chain !== BigInt(activeChainId)) {
    throw new ApiError(
      'chain_mismatch',
      `This request is for ${chainName(chain)}, but you are on ${chainName(activeChainId)}. ` +
        'Switch to its network first if you meant to sign it; nothing was sent to the device.',
    );
  }
  return typedDataLines(data);
}

/** The two ways a device can show typed data, before any check: for the review, which reports mismatches as findings. */
export function typedDataLines(data: TypedData): { clear: Check; hashed: Check } {
  const { domainSeparator, structHash } = typedDataHashes(data);
  const chain = domainChainId(data);
  return {
    clear: [
      { label: 'Domain', value: String(data.domain.name ?? 'unnamed') },
      { label: 'Chain', value: chain === null ? 'none: valid on every chain' : String(chain) },
      { label: 'Contract', value: String(data.domain.verifyingContract ?? 'none') },
      { label: 'Type', value: data.primaryType },
    ],
    hashed: [
      { label: 'Domain hash', value: domainSeparator },
      { label: 'Message hash', value: structHash },
    ],
  };
}

/** A hash-only typed-data signature the user did not allow for this request: refused, nothing is returned. */
export function blindSigningRefused(): DeviceError {
  return new DeviceError(
    'blind_signing_required',
    `${BLIND_SIGNING_WARNING} It was refused because blind signing was not allowed for this request.`,
    'Send the request again allowing blind signing if you accept that, or sign on a device that shows ' +
      'typed-data fields (Ledger Ethereum app 1.9.19 or later).',
  );
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
