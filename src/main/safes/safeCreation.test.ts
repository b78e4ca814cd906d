import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decodeFunctionData, encodePacked, getContractAddress, type Hex, keccak256, parseAbi } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { deploySafeContracts } from '../../../test/anvil/safeContracts';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { testOwners } from '../../../test/safes/safeKeys';
import { safeConnection } from '../../../test/safes/safeConnection';
import type { ChecksumAddress } from '../store/address';
import { planSafe } from './safeCreation';
import { safeContracts } from './safeDeployments';

// protocol-kit reads the factory's proxy creation code and whether the Safe exists yet, so it needs a node.
const nodes = useAnvilChains([1, 10]);
beforeAll(async () => {
  for (const node of nodes) await deploySafeContracts(node.url);
});
const connection = (chainId: number) => {
  const node = nodes.find((candidate) => candidate.chainId === chainId);
  if (!node) throw new Error(`no node for chain ${chainId}`);
  return safeConnection(node.url, chainId);
};
const [first, second] = testOwners(2).map((owner) => owner.address) as [ChecksumAddress, ChecksumAddress];
const owners = [first, second];

const PROXY_CREATION_CODE = (
  JSON.parse(
    readFileSync(
      createRequire(import.meta.url).resolve(
        '@safe-global/safe-contracts/build/artifacts/contracts/proxies/SafeProxy.sol/SafeProxy.json',
      ),
      'utf8',
    ),
  ) as { bytecode: Hex }
).bytecode;

const FACTORY_ABI = parseAbi([
  'function createProxyWithNonce(address _singleton, bytes initializer, uint256 saltNonce) returns (address proxy)',
]);
const SETUP_ABI = parseAbi([
  'function setup(address[] _owners, uint256 _threshold, address to, bytes data, address fallbackHandler, address paymentToken, uint256 payment, address paymentReceiver)',
]);

describe('planSafe', () => {
  it('calls the proxy factory with SafeL2 on an L2, the owners, the threshold and the canonical handler', async () => {
    const plan = await planSafe(connection(10), { owners, threshold: 2, saltNonce: 5n });
    const contracts = safeContracts(10);
    expect(plan.call.to).toBe(contracts.proxyFactory);
    expect(plan.call.value).toBe(0n);
    const { functionName, args } = decodeFunctionData({ abi: FACTORY_ABI, data: plan.call.data });
    expect(functionName).toBe('createProxyWithNonce');
    const [singleton, initializer, saltNonce] = args;
    expect(singleton).toBe(contracts.singletonL2);
    expect(saltNonce).toBe(5n);
    const setup = decodeFunctionData({ abi: SETUP_ABI, data: initializer });
    expect(setup.args[0]).toEqual(owners);
    expect(setup.args[1]).toBe(2n);
    expect(setup.args[4]).toBe(contracts.fallbackHandler);
  });

  it('predicts the address the factory CREATE2s to', async () => {
    const plan = await planSafe(connection(1), { owners, threshold: 1, saltNonce: 0n });
    const { args } = decodeFunctionData({ abi: FACTORY_ABI, data: plan.call.data });
    const [singleton, initializer, saltNonce] = args;
    expect(singleton).toBe(safeContracts(1).singleton);
    // SafeProxyFactory 1.4.1: salt = keccak256(keccak256(initializer) ‖ saltNonce), code = creation ‖ singleton.
    const salt = keccak256(encodePacked(['bytes32', 'uint256'], [keccak256(initializer), saltNonce]));
    expect(plan.address).toBe(
      getContractAddress({
        opcode: 'CREATE2',
        from: safeContracts(1).proxyFactory as Hex,
        salt,
        bytecodeHash: keccak256(encodePacked(['bytes', 'uint256'], [PROXY_CREATION_CODE, BigInt(singleton)])),
      }),
    );
  });

  it('refuses a threshold above the owners, a repeated owner, and no owner', async () => {
    await expect(planSafe(connection(1), { owners, threshold: 3, saltNonce: 0n })).rejects.toThrow(
      /between 1 and the number of owners \(2\)/,
    );
    await expect(
      planSafe(connection(1), { owners: [first, first], threshold: 1, saltNonce: 0n }),
    ).rejects.toThrow(/listed twice/);
    await expect(planSafe(connection(1), { owners: [], threshold: 1, saltNonce: 0n })).rejects.toThrow(
      /1 to 20/,
    );
  });
});
