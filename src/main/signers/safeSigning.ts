import { Signature } from 'ethers';
import { ApiError } from '../../shared/api/envelope';
import type { SignatureResult, SignTypedData } from '../../shared/devices';
import type { SafeConfirmationView, SafeTxFields } from '../../shared/safes';
import { cannotSign } from '../../shared/watchOnly';
import type { ChecksumAddress } from '../store/address';
import type { Account } from '../store/accountsRepository';
import type { SignatureParts, TypedData } from './signer';
import { type Check, typedDataLines } from './signingChecks';
import type { PhoneSafeRequest, SigningRunner } from './signingRunner';
import { domainChainId, typedDataHashes } from './typedDataHash';

/** What an owner is asked to sign: the Safe as read on chain, the SafeTx, and what the others did so far. */
export interface SafeSigningRequest {
  chainId: number;
  safe: { address: ChecksumAddress; version: string; owners: readonly ChecksumAddress[]; threshold: number };
  fields: SafeTxFields;
  safeTxHash: string;
  /** The SafeTx as EIP-712 typed data, as the Safe hashes it: its digest must be `safeTxHash`. */
  typedData: TypedData;
  /** Who signed already, with the device each used, for the phone to show. */
  confirmations: readonly { owner: ChecksumAddress; device: string }[];
  /** The review's warnings, which the phone shows as they are. */
  warnings: readonly string[];
}

/** One owner's checked signature of a SafeTx and where it was made. */
export interface SafeSigned {
  signature: SignatureParts;
  signer: SafeConfirmationView['signer'];
  mode: SafeConfirmationView['mode'];
  signedAt: number;
}

export interface SafeSigningDeps {
  runner: SigningRunner;
  /** The typed-data path every EIP-712 request takes on a Ledger or Trezor, on the Safe's chain. */
  signTypedData: (request: SignTypedData, options: { chainId: number }) => Promise<SignatureResult>;
}

/** The protocol's bounds on what a phone request may carry: more would be refused by the phone itself. */
const PHONE_WARNINGS = 20;
const PHONE_WARNING_LENGTH = 300;
const PHONE_DEVICE_LENGTH = 60;

/**
 * Signs a SafeTx as one owner: on a Ledger or Trezor as EIP-712 typed data (clear where the device can, the
 * hashes only when the user allowed it), or on the paired phone, which decodes the request itself. Either
 * way the signature must recover to the owner over `safeTxHash` before it is returned.
 */
export async function signSafeTransaction(
  account: Account,
  request: SafeSigningRequest,
  { allowBlindSigning }: { allowBlindSigning: boolean },
  deps: SafeSigningDeps,
): Promise<SafeSigned> {
  if (account.signer === 'watch') throw cannotSign();
  refuseMismatch(account, request);
  const lines = typedDataLines(request.typedData);
  const hashLine = { label: 'Safe transaction hash', value: request.safeTxHash };
  if (account.signer === 'phone') return signOnPhone(account, request, [...lines.clear, hashLine], deps);
  const { typedData, chainId } = request;
  const signed = await deps.signTypedData(
    { accountId: account.id, typedData, allowBlindSigning },
    { chainId },
  );
  const { r, s, yParity } = Signature.from(signed.signature);
  return {
    signature: { r, s, yParity },
    signer: signed.signer,
    mode: signed.mode,
    signedAt: signed.signedAt,
  };
}

async function signOnPhone(
  account: Account,
  request: SafeSigningRequest,
  check: Check,
  deps: SafeSigningDeps,
): Promise<SafeSigned> {
  const { chainId, safe, fields, safeTxHash } = request;
  const message: PhoneSafeRequest = {
    chainId,
    safe: safe.address,
    version: safe.version,
    owners: [...safe.owners],
    threshold: safe.threshold,
    safeTx: { ...fields, nonce: String(fields.nonce) },
    safeTxHash,
    confirmations: request.confirmations.map(({ owner, device }) => ({
      owner,
      device: device.slice(0, PHONE_DEVICE_LENGTH),
    })),
    warnings: request.warnings.slice(0, PHONE_WARNINGS).map((warning) => clip(warning, PHONE_WARNING_LENGTH)),
  };
  const signed = await deps.runner.runSafeOnPhone(account, message, request.typedData, check);
  return {
    signature: signed.signature,
    signer: { kind: 'phone', label: signed.label, fingerprint: signed.fingerprint },
    mode: 'phone',
    signedAt: signed.signedAt,
  };
}

/** The typed data must be this very SafeTx of this Safe, and the account one of its owners. */
function refuseMismatch(
  account: Account,
  { chainId, safe, safeTxHash, typedData }: SafeSigningRequest,
): void {
  const sameHash = typedDataHashes(typedData).digest.toLowerCase() === safeTxHash.toLowerCase();
  const sameChain = domainChainId(typedData) === BigInt(chainId);
  const sameSafe = String(typedData.domain.verifyingContract).toLowerCase() === safe.address.toLowerCase();
  if (!sameHash || !sameChain || !sameSafe) {
    throw new ApiError(
      'invalid_request',
      'This Safe transaction does not hash to the Safe transaction hash it was reviewed with. Nothing was signed.',
    );
  }
  if (!safe.owners.includes(account.address)) {
    throw new ApiError(
      'invalid_request',
      `${account.address} is not an owner of the Safe ${safe.address}. Nothing was signed.`,
    );
  }
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
