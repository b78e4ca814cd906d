import type { Finding } from '../../../shared/review';
import { finding } from './finding';

/**
 * The request is for one network and the signer (the phone's network, or the wallet's active network for a
 * device) is on another: signing would act on the wrong chain, or the signer would refuse. Not overridable;
 * the fix switches the signer to the request's chain. `signerChainId` null: unknown, so nothing is claimed.
 */
export function chainMismatch(
  requestChainId: number,
  signerChainId: number | null,
  chainName: (chainId: number) => string = (chainId) => `chain ${chainId}`,
): Finding | null {
  if (signerChainId === null || signerChainId === requestChainId) return null;
  const wanted = chainName(requestChainId);
  return finding(
    'chain-mismatch',
    'blocking',
    `This request is for ${wanted}, but the signer is on ${chainName(signerChainId)}. Switch to ${wanted} to sign it.`,
    {
      facts: [
        { label: 'Request network', value: `${wanted} (${requestChainId})` },
        { label: 'Signer network', value: `${chainName(signerChainId)} (${signerChainId})` },
      ],
      fix: { type: 'switch-chain', chainId: requestChainId },
    },
  );
}
