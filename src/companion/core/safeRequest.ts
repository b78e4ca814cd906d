import { getAddress } from 'ethers';
import { SafeSignRequestMessage } from '../../shared/pairing/messages';
import { hashSafeTx } from '../../shared/pairing/safeTx';
import { requestNetwork, type RequestNetwork } from './requestNetwork';
import { describeSafeCall, type SafeCallView, type SafeCallWarning } from './safeCall';
import { parseRequest } from './signRequest';

export interface SafeRequestWarning {
  code: SafeCallWarning['code'] | 'unknown_chain' | 'network_differs' | 'from_desktop' | 'expired';
  message: string;
}

/** What the phone shows for a `safeSign`: decoded and hashed here, never taken from the desktop's words. */
export interface SafeRequestView {
  id: string;
  desktop: string;
  chain: RequestNetwork['chain'];
  desktopNetwork: RequestNetwork['desktopNetwork'];
  networkDiffers: boolean;
  safe: string;
  version: string;
  call: SafeCallView;
  nonce: string;
  /** Distinct current owners that have signed, as the desktop reports them. */
  signed: number;
  threshold: number;
  owners: number;
  /** Recomputed by the phone from chainId, safe and safeTx. */
  safeTxHash: string;
  expiresInSeconds: number;
  expired: boolean;
  warnings: SafeRequestWarning[];
}

/** A Safe's hash includes its chain id from 1.3.0 on; older ones hash without it, so the phone refuses them. */
const MIN_VERSION = [1, 3, 0];

export function parseSafeRequest(input: unknown): SafeSignRequestMessage {
  return parseRequest(SafeSignRequestMessage, input, 'a Safe request');
}

/** The hash this phone would sign for the request: its own EIP-712 hash of the SafeTx. */
export function safeRequestDigest(request: SafeSignRequestMessage): string {
  return hashSafeTx(request.chainId, request.safe, request.safeTx);
}

function olderThan(version: string, minimum: number[]): boolean {
  const parts = version.split('.').map(Number);
  for (const [i, least] of minimum.entries()) {
    const part = parts[i] ?? 0;
    if (part !== least) return part < least;
  }
  return false;
}

/**
 * Why the phone refuses to co-sign, or null when it may ask the user. The desktop's hash must be the one the
 * phone computes, and the phone's own key must be one of the owners the request lists.
 */
export function safeRequestRefusal(request: SafeSignRequestMessage, phoneAddress: string): string | null {
  if (olderThan(request.version, MIN_VERSION)) {
    return `This Safe runs version ${request.version}; the phone co-signs only Safes from 1.3.0 on, whose hash names the chain.`;
  }
  if (safeRequestDigest(request) !== request.safeTxHash) {
    return 'The Safe transaction hash the desktop sent does not match the transaction: the request may have been tampered with.';
  }
  if (new Set(request.owners).size !== request.owners.length) {
    return 'The request lists the same owner twice.';
  }
  if (!request.owners.includes(getAddress(phoneAddress))) {
    return `This phone's account ${getAddress(phoneAddress)} is not an owner of the Safe ${request.safe}.`;
  }
  return null;
}

export function describeSafeRequest(input: SafeSignRequestMessage, now: number): SafeRequestView {
  const request = parseSafeRequest(input);
  const { safeTx } = request;
  const network = requestNetwork(request.chainId, request.desktopChainId);
  const call = describeSafeCall(
    {
      chainId: request.chainId,
      safe: request.safe,
      to: safeTx.to,
      value: BigInt(safeTx.value),
      data: safeTx.data,
      operation: safeTx.operation,
      gasPrice: BigInt(safeTx.gasPrice),
      gasToken: safeTx.gasToken,
      refundReceiver: safeTx.refundReceiver,
    },
    network.chain,
  );
  const warnings: SafeRequestWarning[] = [...call.warnings, ...network.warnings];
  for (const message of request.warnings) warnings.push({ code: 'from_desktop', message });
  const expired = now >= request.expiresAt;
  if (expired) {
    warnings.push({
      code: 'expired',
      message: 'This request has expired; ask the desktop to send it again.',
    });
  }
  const signers = new Set(request.confirmations.map((confirmation) => confirmation.owner));
  return {
    id: request.id,
    desktop: request.desktop,
    chain: network.chain,
    desktopNetwork: network.desktopNetwork,
    networkDiffers: network.networkDiffers,
    safe: request.safe,
    version: request.version,
    call,
    nonce: safeTx.nonce,
    signed: request.owners.filter((owner) => signers.has(owner)).length,
    threshold: request.threshold,
    owners: request.owners.length,
    safeTxHash: safeRequestDigest(request),
    expiresInSeconds: Math.max(0, Math.floor((request.expiresAt - now) / 1000)),
    expired,
    warnings,
  };
}
