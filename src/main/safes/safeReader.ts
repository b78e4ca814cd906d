import Safe from '@safe-global/protocol-kit';
import { decodeFunctionResult, encodeFunctionData, type Hex } from 'viem';
import { ApiError } from '../../shared/api/envelope';
import { MAX_SAFE_OWNERS } from '../../shared/safes';
import type { ChainConnection } from '../chains/chainsService';
import { rpc } from '../rpc/jsonRpc';
import { RpcError } from '../rpc/rpcError';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import { rpcProvider } from './rpcProvider';
import { SAFE_ABI, SENTINEL, ZERO_ADDRESS as ZERO } from './safeAbi';
import { isKnownFallbackHandler, isKnownSingleton } from './safeDeployments';

/** A Safe as its chain says it is now; every field read, none trusted from a service. */
export interface SafeChainState {
  address: ChecksumAddress;
  chainId: number;
  version: string;
  singleton: ChecksumAddress;
  owners: ChecksumAddress[];
  threshold: number;
  nonce: number;
  modules: ChecksumAddress[];
  guard: ChecksumAddress | null;
  fallbackHandler: ChecksumAddress | null;
  balance: bigint;
  warnings: string[];
}

export const MAX_READ_OWNERS = MAX_SAFE_OWNERS * 5;
export const MAX_READ_MODULES = 100;

const ADDRESS_WORD = /^0x0{24}([0-9a-fA-F]{40})$/;

function refuse(message: string): ApiError {
  return new ApiError('invalid_request', message);
}

/** Refuses in words an address with no code, a contract that is not a Safe, and a Safe older than 1.3.0. */
async function readVersion(connection: ChainConnection, address: ChecksumAddress): Promise<string> {
  const { client, signal, chain } = connection;
  const code = await client.send(rpc.getCode(address, 'latest'), signal);
  if (code === '0x') {
    throw refuse(`There is no contract at ${address} on ${chain.name}. Check the address and the network.`);
  }
  let version: string;
  try {
    const data = encodeFunctionData({ abi: SAFE_ABI, functionName: 'VERSION' });
    const answer = await client.send(rpc.call(address, data, 'latest'), signal);
    version = decodeFunctionResult({ abi: SAFE_ABI, functionName: 'VERSION', data: answer as Hex });
  } catch (error) {
    // A revert or an answer that is no string means no Safe; an endpoint that failed says nothing of it.
    if (error instanceof RpcError && error.code !== 'rpc') throw error;
    throw refuse(`The contract at ${address} on ${chain.name} is not a Safe.`);
  }
  const parts = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(version);
  if (!parts)
    throw refuse(
      `The contract at ${address} is not a Safe this wallet knows (version "${version.slice(0, 20)}").`,
    );
  const [major, minor] = [Number(parts[1]), Number(parts[2])];
  if (major < 1 || (major === 1 && minor < 3)) {
    throw refuse(
      `This Safe runs version ${version}, older than 1.3.0: its transactions are signed without the chain's ` +
        'id, so this wallet does not use it. Upgrade the Safe first.',
    );
  }
  return version;
}

/** Slot 0 of every Safe proxy holds its singleton; protocol-kit has no getter for it. */
async function readSingleton(
  connection: ChainConnection,
  address: ChecksumAddress,
): Promise<ChecksumAddress> {
  const word = await rpcProvider(connection).request({
    method: 'eth_getStorageAt',
    params: [address, '0x0', 'latest'],
  });
  const match = ADDRESS_WORD.exec(String(word));
  if (!match || /^0+$/.test(match[1] ?? '')) {
    throw refuse(`The contract at ${address} does not hold a singleton address; it is not a Safe.`);
  }
  return toChecksumAddress(`0x${match[1]}`);
}

const orNull = (address: string): ChecksumAddress | null =>
  address.toLowerCase() === ZERO ? null : toChecksumAddress(address);

function warningsFor(state: Omit<SafeChainState, 'warnings'>): string[] {
  const warnings = state.modules.map(
    (module) => `Module ${module} can move funds without the owners' signatures; this wallet cannot vet it.`,
  );
  if (state.guard) {
    warnings.push(
      `Guard ${state.guard} checks every transaction of this Safe and can block them all; this wallet cannot ` +
        'vet it.',
    );
  }
  if (!isKnownSingleton(state.chainId, state.singleton)) {
    warnings.push(
      `This Safe runs on ${state.singleton}, which is not a Safe contract this wallet knows; its code could ` +
        'do anything.',
    );
  }
  if (state.fallbackHandler && !isKnownFallbackHandler(state.chainId, state.fallbackHandler)) {
    warnings.push(
      `Its fallback handler ${state.fallbackHandler} is not one this wallet knows; it answers every call the ` +
        'Safe does not handle itself, signature checks included.',
    );
  }
  return warnings;
}

/** The SDK wraps the node's failure in its own; the user is told in words, with the raw text as detail. */
async function readThroughSdk(connection: ChainConnection, safeAddress: ChecksumAddress) {
  try {
    const kit = await Safe.init({ provider: rpcProvider(connection), safeAddress });
    return await Promise.all([
      kit.getOwners(),
      kit.getThreshold(),
      kit.getNonce(),
      kit.getModulesPaginated(SENTINEL, MAX_READ_MODULES),
      kit.getGuard(),
      kit.getFallbackHandler(),
      kit.getBalance(),
    ]);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(
      'chain_unavailable',
      `${connection.chain.name} did not answer the reads of Safe ${safeAddress}; try again, or check the ` +
        "network's RPC endpoint.",
      { cause: error, detail },
    );
  }
}

/** Reads a deployed Safe through protocol-kit, which gets only the read-only provider. */
export async function readSafe(connection: ChainConnection, address: string): Promise<SafeChainState> {
  const safeAddress = toChecksumAddress(address);
  const version = await readVersion(connection, safeAddress);
  const singleton = await readSingleton(connection, safeAddress);
  const [owners, threshold, nonce, page, guard, fallbackHandler, balance] = await readThroughSdk(
    connection,
    safeAddress,
  );
  if (owners.length === 0 || owners.length > MAX_READ_OWNERS) {
    throw refuse(`This Safe reports ${owners.length} owners; this wallet handles 1 to ${MAX_READ_OWNERS}.`);
  }
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > owners.length) {
    throw refuse(
      `This Safe reports a threshold of ${threshold} with ${owners.length} owners; it cannot work.`,
    );
  }
  if (!Number.isSafeInteger(nonce) || nonce < 0) throw refuse('This Safe reports a nonce out of range.');
  if (
    page.modules.length > MAX_READ_MODULES ||
    (page.next.toLowerCase() !== SENTINEL && page.next !== ZERO)
  ) {
    throw refuse(`This Safe has more than ${MAX_READ_MODULES} modules; this wallet does not use it.`);
  }
  const state = {
    address: safeAddress,
    chainId: connection.chain.id,
    version,
    singleton,
    owners: owners.map(toChecksumAddress),
    threshold,
    nonce,
    modules: page.modules.map(toChecksumAddress),
    guard: orNull(guard),
    fallbackHandler: orNull(fallbackHandler),
    balance,
  };
  return { ...state, warnings: warningsFor(state) };
}
