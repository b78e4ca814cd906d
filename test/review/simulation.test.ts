import { Interface } from 'ethers/abi';
import { beforeAll, describe, expect, it } from 'vitest';
import { netBalanceChanges } from '../../src/main/review/simulation/balanceChanges';
import { NOTES, type SimulationCall, simulateTransaction } from '../../src/main/review/simulation/simulate';
import { RpcClient } from '../../src/main/rpc/rpcClient';
import { toChecksumAddress } from '../../src/main/store/address';
import {
  ANVIL_DEV_ACCOUNT,
  deployCode,
  deployToken,
  fixtureAddress,
  setNativeBalances,
  setTokenBalances,
} from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { ERC20_ABI } from '../contracts/erc20';
import { revertingWithReason } from './revertingContract';

const GWEI = 1_000_000_000n;
const ETH = 10n ** 18n;
const FROM = toChecksumAddress(ANVIL_DEV_ACCOUNT);
const RECIPIENT = toChecksumAddress(fixtureAddress('simulation', 'recipient'));
const TOKEN = toChecksumAddress(fixtureAddress('simulation', 'token'));
const PAUSED = toChecksumAddress(fixtureAddress('simulation', 'paused'));
const POOR = toChecksumAddress(fixtureAddress('simulation', 'poor'));
const erc20 = new Interface(ERC20_ABI);
const FEES = { maxFeePerGas: 10n * GWEI, maxPriorityFeePerGas: GWEI };

describe('simulateTransaction on anvil (eth_simulateV1)', () => {
  const nodes = useAnvilChains([31_337]);
  const client = () =>
    new RpcClient({ chainId: 31_337, chainName: 'Anvil', urls: [nodes[0]?.url ?? 'none'] });
  const call = (overrides: Partial<SimulationCall>): SimulationCall => ({
    from: FROM,
    to: RECIPIENT,
    value: 0n,
    data: '0x',
    gasLimit: 100_000n,
    fees: FEES,
    ...overrides,
  });

  beforeAll(async () => {
    const url = nodes[0]?.url ?? 'none';
    await deployToken(url, TOKEN, {
      name: 'Test Dollar',
      symbol: 'TUSD',
      decimals: 6,
      totalSupply: 10n ** 12n,
    });
    await setTokenBalances(url, TOKEN, [[FROM, 1_000_000n]]);
    await deployCode(url, PAUSED, revertingWithReason('Pausable: paused'));
    // Enough for 0.9 ETH and a transfer's fee, far from enough for a whole block's gas at the same price.
    await setNativeBalances(url, [[POOR, ETH]]);
  });

  it('shows a native send as a transfer of the coin, with the gas it used', async () => {
    const outcome = await simulateTransaction(client(), call({ value: ETH, gasLimit: 21_000n }));
    expect(outcome).toEqual({
      status: 'simulated',
      transfers: [{ kind: 'native', token: null, from: FROM, to: RECIPIENT, amount: ETH, tokenId: null }],
      reverted: false,
      revertReason: null,
      gasUsed: 21_000n,
      note: null,
      detail: null,
    });
  });

  it('shows an ERC-20 transfer as the token moving, netted per account', async () => {
    const data = erc20.encodeFunctionData('transfer', [RECIPIENT, 250_000n]);
    const outcome = await simulateTransaction(client(), call({ to: TOKEN, data }));
    expect(outcome.status).toBe('simulated');
    expect(outcome.reverted).toBe(false);
    expect(netBalanceChanges(outcome.transfers, [FROM])).toEqual([
      { account: FROM, kind: 'erc20', token: TOKEN, tokenId: null, delta: -250_000n },
      { account: RECIPIENT, kind: 'erc20', token: TOKEN, tokenId: null, delta: 250_000n },
    ]);
  });

  it('reports a revert with its reason in words, and no transfers', async () => {
    const outcome = await simulateTransaction(client(), call({ to: PAUSED, value: 5n }));
    expect(outcome).toMatchObject({
      status: 'simulated',
      transfers: [],
      reverted: true,
      revertReason: 'The contract reverted: Pausable: paused',
    });
    expect(outcome.gasUsed).toBeGreaterThan(21_000n);

    const overdrawn = erc20.encodeFunctionData('transfer', [RECIPIENT, 10n ** 9n]);
    expect(await simulateTransaction(client(), call({ to: TOKEN, data: overdrawn }))).toMatchObject({
      reverted: true,
      revertReason: 'The contract reverted without a reason.',
    });
  });

  it('says in a sentence when the account cannot pay, with the node’s words apart', async () => {
    const outcome = await simulateTransaction(
      client(),
      call({ from: POOR, value: 2n * ETH, gasLimit: 21_000n }),
    );
    expect(outcome).toMatchObject({ status: 'failed', reverted: false, note: NOTES.insufficientFunds });
    expect(outcome.detail).toMatch(/insufficient funds/i);
  });

  it('checks the balance against the gas it runs with, so a tight send passes without a limit', async () => {
    const tight = call({
      from: POOR,
      value: (9n * ETH) / 10n,
      gasLimit: 21_000n,
      fees: { gasPrice: 60n * GWEI },
    });
    expect((await simulateTransaction(client(), tight)).status).toBe('simulated');
    // Without a limit it runs with the node's estimate: the block's whole gas at 60 gwei is more than it holds.
    expect(await simulateTransaction(client(), { ...tight, gasLimit: null })).toMatchObject({
      status: 'simulated',
      gasUsed: 21_000n,
    });
  });
});
