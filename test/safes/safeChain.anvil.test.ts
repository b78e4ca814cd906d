import { type Hex, parseEther } from 'viem';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeExecTransaction, encodeGetTransactionHash } from '../../src/main/safes/execTransaction';
import { buildSafeCall, describeSafeTx } from '../../src/main/safes/safeActions';
import { planSafe } from '../../src/main/safes/safeCreation';
import { safeContracts } from '../../src/main/safes/safeDeployments';
import { readSafe } from '../../src/main/safes/safeReader';
import { checkSignatures, packSignatures, type SafeSignature } from '../../src/main/safes/safeSignatures';
import { safeTxHash } from '../../src/main/safes/safeTxHash';
import type { SafeTxFields } from '../../src/shared/safes';
import { ANVIL_DEV_ACCOUNT, anvilCall, sendAndMine } from '../anvil/chainSetup';
import { deploySafeContracts } from '../anvil/safeContracts';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { safeConnection } from './safeConnection';
import { type TestOwner, testOwner, testOwners } from './safeKeys';

/**
 * The Safe chain core end to end on real Safe v1.4.1 contracts, with no app service: create a Safe, read
 * it, build, hash, sign, check, pack and execute a send, and see the contract agree at every step.
 */
const ZERO = '0x0000000000000000000000000000000000000000';
const RECIPIENT = '0x000000000000000000000000000000000000bEEF';
const nodes = useAnvilChains([1, 10]);
const node = (chainId: number) => {
  const found = nodes.find((candidate) => candidate.chainId === chainId);
  if (!found) throw new Error(`no node for chain ${chainId}`);
  return found;
};

beforeAll(async () => {
  for (const started of nodes) await deploySafeContracts(started.url);
});

async function createSafe(chainId: number, owners: readonly TestOwner[], threshold: number) {
  const connection = safeConnection(node(chainId).url, chainId);
  const plan = await planSafe(connection, {
    owners: owners.map((owner) => owner.address),
    threshold,
    saltNonce: 42n,
  });
  const receipt = await sendAndMine(node(chainId).url, {
    from: ANVIL_DEV_ACCOUNT,
    to: plan.call.to,
    data: plan.call.data,
  });
  expect(receipt.status).toBe('0x1');
  return { connection, address: plan.address };
}

const balanceOf = async (url: string, address: string) =>
  BigInt(String(await anvilCall(url, 'eth_getBalance', [address, 'latest'])));

describe('a 2-of-3 Safe on mainnet', () => {
  const owners = testOwners(3) as [TestOwner, TestOwner, TestOwner];
  const outsider = testOwner(50);

  it('is created where planned, read back, and executes a send its owners signed', async () => {
    const url = node(1).url;
    const { connection, address } = await createSafe(1, owners, 2);
    await anvilCall(url, 'anvil_setBalance', [address, '0xde0b6b3a7640000']); // 1 ETH
    const safe = await readSafe(connection, address);
    expect(safe).toMatchObject({
      address,
      chainId: 1,
      version: '1.4.1',
      singleton: safeContracts(1).singleton,
      threshold: 2,
      nonce: 0,
      modules: [],
      guard: null,
      fallbackHandler: safeContracts(1).fallbackHandler,
      balance: parseEther('1'),
      warnings: [],
    });
    expect([...safe.owners].sort()).toEqual(owners.map((owner) => owner.address).sort());

    const asset = { symbol: 'ETH', decimals: 18 };
    const call = buildSafeCall({ kind: 'send', to: RECIPIENT, asset: 'native', amount: '0.05' }, safe, asset);
    const fields: SafeTxFields = {
      to: call.to,
      value: call.value.toString(),
      data: call.data,
      operation: call.operation,
      safeTxGas: '0',
      baseGas: '0',
      gasPrice: '0',
      gasToken: ZERO,
      refundReceiver: ZERO,
      nonce: safe.nonce,
    };
    const described = describeSafeTx(fields, safe, {
      symbolOf: (token) => (token === 'native' ? asset : null),
      nameOf: () => null,
    });
    expect(described).toEqual({ kind: 'send', summary: 'Send 0.05 ETH to 0x0000…bEEF', warnings: [] });

    const hash = safeTxHash(1, address, fields);
    const onChain = await anvilCall(url, 'eth_call', [
      { to: address, data: encodeGetTransactionHash(fields) },
      'latest',
    ]);
    expect(onChain).toBe(hash);

    const sign = (owner: TestOwner): SafeSignature => ({
      owner: owner.address,
      signature: owner.signHash(hash),
    });
    const execute = (signatures: Hex) => ({
      from: ANVIL_DEV_ACCOUNT,
      to: address,
      data: encodeExecTransaction(fields, signatures),
    });

    // An outsider's signature: refused here in words, and by the contract itself (GS026: not an owner).
    const withOutsider = [sign(owners[0]), sign(outsider)];
    expect(() => checkSignatures(hash, withOutsider, safe)).toThrow(`${outsider.address} is not an owner`);
    await expect(
      anvilCall(url, 'eth_call', [execute(packSignatures(withOutsider)), 'latest']),
    ).rejects.toThrow(/GS026/);

    const signatures = [sign(owners[2]), sign(owners[0])];
    checkSignatures(hash, signatures, safe);
    const before = await balanceOf(url, RECIPIENT);
    const receipt = await sendAndMine(url, execute(packSignatures(signatures)));
    expect(receipt.status).toBe('0x1');
    expect(await balanceOf(url, RECIPIENT)).toBe(before + parseEther('0.05'));
    const after = await readSafe(connection, address);
    expect(after.nonce).toBe(1);
    expect(after.balance).toBe(parseEther('0.95'));
  });
});

describe('a Safe on an L2', () => {
  it('is created on the SafeL2 singleton and read back', async () => {
    const owners = testOwners(2);
    const { connection, address } = await createSafe(10, owners, 1);
    const safe = await readSafe(connection, address);
    expect(safe).toMatchObject({
      chainId: 10,
      version: '1.4.1',
      singleton: safeContracts(10).singletonL2,
      threshold: 1,
      warnings: [],
    });
    expect([...safe.owners].sort()).toEqual(owners.map((owner) => owner.address).sort());
  });
});
