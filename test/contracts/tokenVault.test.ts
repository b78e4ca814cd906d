import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import {
  ANVIL_DEV_ACCOUNT,
  anvilBatch,
  anvilCall,
  deployToken,
  fixtureAddress,
  sendAndMine,
  setTokenBalances,
} from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { ERC20_ABI } from './erc20';
import { TOKEN_VAULT_ABI, tokenVaultSetup } from './tokenVault';

const nodes = useAnvilChains([31337]);
const url = () => nodes[0]?.url as string;
const TOKEN = fixtureAddress('token-vault', 'token');
const VAULT = fixtureAddress('token-vault', 'vault');
const UNIT = 10n ** 18n;
const erc20 = new Interface(ERC20_ABI);
const vault = new Interface(TOKEN_VAULT_ABI);

async function read(to: string, data: string): Promise<bigint> {
  return BigInt((await anvilCall(url(), 'eth_call', [{ to, data }, 'latest'])) as string);
}

describe('the token vault on anvil', () => {
  it('refuses a deposit before the approval, and takes it after, counting it and emitting Deposited', async () => {
    await deployToken(url(), TOKEN, {
      name: 'Vault Token',
      symbol: 'VLT',
      decimals: 18,
      totalSupply: 10n * UNIT,
    });
    await setTokenBalances(url(), TOKEN, [[ANVIL_DEV_ACCOUNT, 10n * UNIT]]);
    await anvilBatch(url(), tokenVaultSetup(VAULT, TOKEN));
    const deposit = vault.encodeFunctionData('deposit', [4n * UNIT]);

    await expect(
      anvilCall(url(), 'eth_call', [{ from: ANVIL_DEV_ACCOUNT, to: VAULT, data: deposit }, 'latest']),
    ).rejects.toThrow(/revert/i);

    await sendAndMine(url(), {
      from: ANVIL_DEV_ACCOUNT,
      to: TOKEN,
      data: erc20.encodeFunctionData('approve', [VAULT, 4n * UNIT]),
    });
    const receipt = await sendAndMine(url(), { from: ANVIL_DEV_ACCOUNT, to: VAULT, data: deposit });
    expect(receipt.status).toBe('0x1');
    const depositedTopic = vault.getEvent('Deposited')?.topicHash;
    const deposited = receipt.logs
      .filter((log) => log.topics[0] === depositedTopic)
      .map((log) => vault.parseLog(log));
    expect(deposited.map((log) => [log?.name, log?.args[0], log?.args[1]])).toEqual([
      ['Deposited', ANVIL_DEV_ACCOUNT, 4n * UNIT],
    ]);

    expect(await read(VAULT, vault.encodeFunctionData('deposits', [ANVIL_DEV_ACCOUNT]))).toBe(4n * UNIT);
    expect(await read(TOKEN, erc20.encodeFunctionData('balanceOf', [VAULT]))).toBe(4n * UNIT);
    expect(await read(TOKEN, erc20.encodeFunctionData('balanceOf', [ANVIL_DEV_ACCOUNT]))).toBe(6n * UNIT);
    // The allowance is spent: a second deposit of the same amount is pulled from nothing.
    await expect(
      anvilCall(url(), 'eth_call', [{ from: ANVIL_DEV_ACCOUNT, to: VAULT, data: deposit }, 'latest']),
    ).rejects.toThrow(/revert/i);
  });
});
