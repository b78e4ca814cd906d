import Safe from '@safe-global/protocol-kit';
import type { Hex } from 'viem';
import { ApiError } from '../../shared/api/envelope';
import { MAX_SAFE_OWNERS, SAFE_VERSION } from '../../shared/safes';
import type { ChainConnection } from '../chains/chainsService';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import { rpcProvider } from './rpcProvider';
import { safeContracts } from './safeDeployments';

export interface SafePlan {
  /** Where the factory will deploy the Safe: known before it exists. */
  address: ChecksumAddress;
  /** The proxy-factory call that creates it, sent by any account (it becomes no owner by sending it). */
  call: { to: ChecksumAddress; data: Hex; value: 0n };
}

/**
 * The Safe v1.4.1 these owners and threshold make with this salt nonce: SafeL2 (which logs every execution,
 * so indexers can follow it) except on Ethereum mainnet, where the plain singleton saves the gas; the
 * canonical fallback handler. protocol-kit predicts the address and encodes the factory call.
 */
export async function planSafe(
  connection: ChainConnection,
  { owners, threshold, saltNonce }: { owners: readonly string[]; threshold: number; saltNonce: bigint },
): Promise<SafePlan> {
  const checked = owners.map(toChecksumAddress);
  if (checked.length === 0 || checked.length > MAX_SAFE_OWNERS) {
    throw new ApiError('invalid_request', `A Safe here has 1 to ${MAX_SAFE_OWNERS} owners.`);
  }
  if (new Set(checked).size !== checked.length) {
    throw new ApiError('invalid_request', 'The same owner is listed twice; each owner can be listed once.');
  }
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > checked.length) {
    throw new ApiError(
      'invalid_request',
      `The number of signatures required must be between 1 and the number of owners (${checked.length}).`,
    );
  }
  if (saltNonce < 0n) throw new ApiError('invalid_request', 'The salt nonce cannot be negative.');
  const contracts = safeContracts(connection.chain.id);
  const kit = await Safe.init({
    provider: rpcProvider(connection),
    isL1SafeSingleton: connection.chain.id === 1,
    predictedSafe: {
      safeAccountConfig: { owners: checked, threshold, fallbackHandler: contracts.fallbackHandler },
      safeDeploymentConfig: {
        saltNonce: saltNonce.toString(),
        safeVersion: SAFE_VERSION,
        deploymentType: 'canonical',
      },
    },
  });
  const [address, deployment] = await Promise.all([kit.getAddress(), kit.createSafeDeploymentTransaction()]);
  // protocol-kit resolved the factory itself; the wallet sends only to the one safe-deployments lists.
  if (
    deployment.to.toLowerCase() !== contracts.proxyFactory.toLowerCase() ||
    BigInt(deployment.value) !== 0n
  ) {
    throw new Error(`protocol-kit planned a call to ${deployment.to}, not to the Safe proxy factory`);
  }
  return {
    address: toChecksumAddress(address),
    call: { to: contracts.proxyFactory, data: deployment.data as Hex, value: 0n },
  };
}
