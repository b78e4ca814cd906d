import {
  getCompatibilityFallbackHandlerDeployments,
  getCreateCallDeployments,
  getDefaultCallbackHandlerDeployments,
  getMultiSendCallOnlyDeployments,
  getMultiSendDeployments,
  getProxyFactoryDeployments,
  getSafeL2SingletonDeployments,
  getSafeSingletonDeployments,
  getSignMessageLibDeployments,
  getSimulateTxAccessorDeployments,
  type DeploymentFilter,
  type SingletonDeploymentV2,
} from '@safe-global/safe-deployments';
import { ApiError } from '../../shared/api/envelope';
import { SAFE_VERSION } from '../../shared/safes';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';

/** The v1.4.1 contracts a Safe created here uses, at the addresses safe-deployments lists for the chain. */
export interface SafeContracts {
  singleton: ChecksumAddress;
  singletonL2: ChecksumAddress;
  proxyFactory: ChecksumAddress;
  fallbackHandler: ChecksumAddress;
  multiSend: ChecksumAddress;
  multiSendCallOnly: ChecksumAddress;
  signMessageLib: ChecksumAddress;
  createCall: ChecksumAddress;
  simulateTxAccessor: ChecksumAddress;
}

type Lookup = (filter?: DeploymentFilter) => SingletonDeploymentV2 | undefined;

const LOOKUPS: Record<keyof SafeContracts, Lookup> = {
  singleton: getSafeSingletonDeployments,
  singletonL2: getSafeL2SingletonDeployments,
  proxyFactory: getProxyFactoryDeployments,
  fallbackHandler: getCompatibilityFallbackHandlerDeployments,
  multiSend: getMultiSendDeployments,
  multiSendCallOnly: getMultiSendCallOnlyDeployments,
  signMessageLib: getSignMessageLibDeployments,
  createCall: getCreateCallDeployments,
  simulateTxAccessor: getSimulateTxAccessorDeployments,
};

/**
 * Every Safe release safe-deployments has, so a Safe made with an older or newer one is still recognised:
 * asked without a version, the library answers with the latest only.
 */
const RELEASES = ['1.0.0', '1.1.1', '1.2.0', '1.3.0', '1.4.1', '1.5.0'];

function addressesOn(lookup: Lookup, chainId: number, version?: string): string[] {
  const network = String(chainId);
  const listed = lookup({ network, version, released: true })?.networkAddresses[network];
  if (listed === undefined) return [];
  return typeof listed === 'string' ? [listed] : listed;
}

/**
 * The canonical v1.4.1 deployment only: protocol-kit predicts addresses from it, and a chain that lists only
 * another flavour (zkSync's) would give an address the factory does not deploy to.
 */
export function safeContracts(chainId: number): SafeContracts {
  const entries = Object.entries(LOOKUPS).map(([name, lookup]) => {
    const canonical = lookup({ version: SAFE_VERSION })?.deployments.canonical?.address;
    const listed = addressesOn(lookup, chainId, SAFE_VERSION);
    if (!canonical || !listed.includes(canonical)) {
      throw new ApiError(
        'chain_unavailable',
        `Safe ${SAFE_VERSION} is not deployed at its usual addresses on this network (chain ${chainId}), ` +
          'so this wallet cannot create or use a Safe there.',
      );
    }
    return [name, toChecksumAddress(canonical)] as const;
  });
  return Object.fromEntries(entries) as Record<keyof SafeContracts, ChecksumAddress>;
}

function isListed(lookups: readonly Lookup[], chainId: number, address: string): boolean {
  const wanted = address.toLowerCase();
  return RELEASES.some((version) =>
    lookups.some((lookup) =>
      addressesOn(lookup, chainId, version).some((listed) => listed.toLowerCase() === wanted),
    ),
  );
}

/** A Safe or SafeL2 singleton of any release that safe-deployments lists for this chain. */
export function isKnownSingleton(chainId: number, address: string): boolean {
  return isListed([getSafeSingletonDeployments, getSafeL2SingletonDeployments], chainId, address);
}

/**
 * The compatibility handler of any release listed for this chain, or 1.1.1's default one. The extensible
 * handler is left out on purpose: it lets the owners route any selector anywhere, which deserves a warning.
 */
export function isKnownFallbackHandler(chainId: number, address: string): boolean {
  return isListed(
    [getCompatibilityFallbackHandlerDeployments, getDefaultCallbackHandlerDeployments],
    chainId,
    address,
  );
}
