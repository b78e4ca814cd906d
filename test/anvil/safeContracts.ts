import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { getCreate2Address, keccak256, ZeroHash } from 'ethers';
import {
  getCompatibilityFallbackHandlerDeployment,
  getCreateCallDeployment,
  getMultiSendCallOnlyDeployment,
  getMultiSendDeployment,
  getProxyFactoryDeployment,
  getSafeL2SingletonDeployment,
  getSafeSingletonDeployment,
  getSignMessageLibDeployment,
  getSimulateTxAccessorDeployment,
  type SingletonDeployment,
} from '@safe-global/safe-deployments';
import { ANVIL_DEV_ACCOUNT, anvilCall, sendAndMine } from './chainSetup';

/**
 * Places the Safe v1.4.1 contracts on an anvil node at their canonical addresses, deployed from the audited
 * build artifacts the way Safe deploys them on a new chain: CREATE2 through the Safe singleton factory with
 * a zero salt. A test then talks to the same addresses the wallet finds in safe-deployments.
 */

/** The Safe singleton factory; its code is the deterministic-deployment proxy's, which anvil has already. */
export const SAFE_SINGLETON_FACTORY = '0x914d7Fec6aaC8cd542e72Bca78B30650d45643d7';
const DETERMINISTIC_DEPLOYMENT_PROXY = '0x4e59b44847b379578588920cA78FbF26c0B4956C';

const VERSION = { version: '1.4.1' } as const;

/** Artifact path (under build/artifacts/contracts) → the deployment that names its canonical address. */
const CONTRACTS: readonly [artifact: string, deployment: SingletonDeployment | undefined][] = [
  ['Safe.sol/Safe.json', getSafeSingletonDeployment(VERSION)],
  ['SafeL2.sol/SafeL2.json', getSafeL2SingletonDeployment(VERSION)],
  ['proxies/SafeProxyFactory.sol/SafeProxyFactory.json', getProxyFactoryDeployment(VERSION)],
  [
    'handler/CompatibilityFallbackHandler.sol/CompatibilityFallbackHandler.json',
    getCompatibilityFallbackHandlerDeployment(VERSION),
  ],
  ['libraries/MultiSend.sol/MultiSend.json', getMultiSendDeployment(VERSION)],
  ['libraries/MultiSendCallOnly.sol/MultiSendCallOnly.json', getMultiSendCallOnlyDeployment(VERSION)],
  ['libraries/SignMessageLib.sol/SignMessageLib.json', getSignMessageLibDeployment(VERSION)],
  ['libraries/CreateCall.sol/CreateCall.json', getCreateCallDeployment(VERSION)],
  ['accessors/SimulateTxAccessor.sol/SimulateTxAccessor.json', getSimulateTxAccessorDeployment(VERSION)],
];

const require = createRequire(import.meta.url);

function creationCode(artifact: string): string {
  const path = require.resolve(`@safe-global/safe-contracts/build/artifacts/contracts/${artifact}`);
  const { bytecode } = JSON.parse(readFileSync(path, 'utf8')) as { bytecode: string };
  return bytecode;
}

async function hasCode(url: string, address: string): Promise<boolean> {
  return (await anvilCall(url, 'eth_getCode', [address, 'latest'])) !== '0x';
}

/** Safe v1.4.1's canonical address of each contract deployed, in the order above. */
export function safeContractAddresses(): string[] {
  return CONTRACTS.map(([artifact, deployment]) => {
    const canonical = deployment?.deployments.canonical?.address;
    if (!canonical) throw new Error(`safe-deployments lists no canonical address for ${artifact}`);
    return canonical;
  });
}

/**
 * Idempotent: a contract already at its address is left alone, so tests may call it per node or per test.
 * `from` pays the gas: an unlocked or impersonated account (anvil's first dev account by default).
 */
export async function deploySafeContracts(url: string, from: string = ANVIL_DEV_ACCOUNT): Promise<void> {
  if (!(await hasCode(url, SAFE_SINGLETON_FACTORY))) {
    const proxyCode = await anvilCall(url, 'eth_getCode', [DETERMINISTIC_DEPLOYMENT_PROXY, 'latest']);
    if (proxyCode === '0x') throw new Error('this anvil has no deterministic-deployment proxy to copy');
    await anvilCall(url, 'anvil_setCode', [SAFE_SINGLETON_FACTORY, proxyCode]);
  }
  const addresses = safeContractAddresses();
  for (const [index, [artifact]] of CONTRACTS.entries()) {
    const code = creationCode(artifact);
    const address = getCreate2Address(SAFE_SINGLETON_FACTORY, ZeroHash, keccak256(code));
    if (address !== addresses[index]) {
      throw new Error(`${artifact} would land at ${address}, not at its canonical ${addresses[index]}`);
    }
    if (await hasCode(url, address)) continue;
    // The factory takes the salt followed by the creation code, and CREATE2s it.
    const receipt = await sendAndMine(url, {
      from,
      to: SAFE_SINGLETON_FACTORY,
      data: ZeroHash + code.slice(2),
      gas: '0x1c9c380',
    });
    if (receipt.status !== '0x1' || !(await hasCode(url, address))) {
      throw new Error(`deploying ${artifact} left no code at ${address}`);
    }
  }
}
