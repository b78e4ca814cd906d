import { Interface } from 'ethers/abi';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ANVIL_DEV_ACCOUNT,
  anvilCall,
  deployCode,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  type Receipt,
  sendAndMine,
  setTokenBalances,
} from '../../../../test/anvil/chainSetup';
import { useAnvilChains } from '../../../../test/anvil/useAnvilChains';
import { ERC20_ABI, REVERTING_RUNTIME } from '../../../../test/contracts/erc20';
import { assemble } from '../../../../test/contracts/evmAssembler';
import { MULTICALL3_ADDRESS } from '../../../shared/chains/registry';
import { type RpcExchange, RpcClient } from '../../rpc/rpcClient';
import { addressTopic, TOPIC } from '../../rpc/logScan';
import { type ChecksumAddress, toChecksumAddress } from '../../store/address';
import { discoverApprovals } from './discoverApprovals';
import { readAllowances } from './readAllowances';
import { buildRevoke } from './revoke';

// The whole lifecycle on a real node: approvals given, spent, re-given and revoked, then found and read back.
const CHAIN = { id: 31_337, name: 'Anvil', multicall3: { address: MULTICALL3_ADDRESS, blockCreated: 0 } };
const MAX = (1n << 256n) - 1n;
const OWNER = toChecksumAddress(ANVIL_DEV_ACCOUNT);
// Anvil's second and third dev accounts: unlocked, so they can spend and approve themselves.
const SPENDER = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const STRANGER = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const ROUTER = toChecksumAddress(fixtureAddress('spender', 'router'));
const TOKEN = toChecksumAddress(fixtureAddress('token', 'approved'));
const REVOKED = toChecksumAddress(fixtureAddress('token', 'revoked'));
const BROKEN = toChecksumAddress(fixtureAddress('token', 'reverting'));
const NFT = toChecksumAddress(fixtureAddress('nft'));
const erc20 = new Interface(ERC20_ABI);

const nodes = useAnvilChains([CHAIN.id]);
const url = () => nodes[0]?.url as string;

/** Block number and timestamp of each step, as the chain itself reports them. */
const mined: Record<string, { block: number; time: number }> = {};
let latestBlock = 0;

async function step(name: string, from: string, to: string, data: string, time: number): Promise<Receipt> {
  await anvilCall(url(), 'evm_setNextBlockTimestamp', [time]);
  const receipt = (await sendAndMine(url(), { from, to, data })) as Receipt & { blockNumber: string };
  expect(receipt.status).toBe('0x1');
  mined[name] = { block: Number(receipt.blockNumber), time };
  return receipt;
}

function client(onExchange?: (exchange: RpcExchange) => void): RpcClient {
  return new RpcClient({
    chainId: CHAIN.id,
    chainName: CHAIN.name,
    urls: [url()],
    retry: { attempts: 1 },
    onExchange,
  });
}

beforeAll(async () => {
  await deployMulticall3(url());
  for (const [address, symbol] of [
    [TOKEN, 'APR'],
    [REVOKED, 'REV'],
  ] as const) {
    await deployToken(url(), address, { name: symbol, symbol, decimals: 18, totalSupply: 10n ** 24n });
    await setTokenBalances(url(), address, [[OWNER, 10n ** 21n]]);
  }
  await deployCode(url(), BROKEN, REVERTING_RUNTIME);
  // An ERC-721 Approval names the owner as topic1 too, but indexes the token id as a fourth topic.
  const nftApproval = `PUSH 7 PUSH ${addressTopic(SPENDER)} PUSH ${addressTopic(OWNER)} PUSH ${TOPIC.approval} PUSH 0 PUSH 0 LOG4 STOP`;
  await deployCode(url(), NFT, assemble([nftApproval]));

  const base = 2_000_000_000;
  await step('approve', OWNER, TOKEN, erc20.encodeFunctionData('approve', [SPENDER, 1_000n]), base);
  await step('unlimited', OWNER, TOKEN, erc20.encodeFunctionData('approve', [ROUTER, MAX]), base + 60);
  await step('stranger', STRANGER, TOKEN, erc20.encodeFunctionData('approve', [SPENDER, 5n]), base + 120);
  await step('reapprove', OWNER, TOKEN, erc20.encodeFunctionData('approve', [SPENDER, 800n]), base + 180);
  const nft = await step('nft', OWNER, NFT, '0x', base + 240);
  expect(nft.logs.map((log) => log.topics.length)).toEqual([4]);
  const spend = erc20.encodeFunctionData('transferFrom', [OWNER, SPENDER, 300n]);
  await step('spend', SPENDER, TOKEN, spend, base + 300);
  await step('toRevoke', OWNER, REVOKED, erc20.encodeFunctionData('approve', [SPENDER, 42n]), base + 360);
  const revoke = buildRevoke(REVOKED, SPENDER);
  await step('revoke', OWNER, revoke.to, revoke.data, base + 420);
  latestBlock = Number(await anvilCall(url(), 'eth_blockNumber'));
});

describe('discoverApprovals', () => {
  it('finds every token and spender the owner approved, each as of its latest approval', async () => {
    const found = await discoverApprovals(client(), CHAIN, OWNER, { fromBlock: 0, toBlock: latestBlock });
    const at = (name: string) => ({ blockNumber: mined[name]?.block, timestamp: mined[name]?.time });
    expect(found).toEqual([
      expect.objectContaining({
        chainId: CHAIN.id,
        owner: OWNER,
        token: REVOKED,
        spender: SPENDER,
        ...at('revoke'),
      }),
      expect.objectContaining({ token: TOKEN, spender: SPENDER, ...at('reapprove') }),
      expect.objectContaining({ token: TOKEN, spender: ROUTER, ...at('unlimited') }),
    ]);
  });

  it('sees only the approvals inside the range', async () => {
    const range = { fromBlock: mined.unlimited?.block as number, toBlock: mined.nft?.block as number };
    const found = await discoverApprovals(client(), CHAIN, OWNER, range);
    expect(found.map(({ token, spender }) => [token, spender])).toEqual([
      [TOKEN, SPENDER],
      [TOKEN, ROUTER],
    ]);
  });
});

describe('readAllowances', () => {
  const pairs = (...list: [ChecksumAddress, ChecksumAddress][]) =>
    list.map(([token, spender]) => ({ owner: OWNER, token, spender }));

  it('reads every current allowance in one eth_call, marking unlimited and revoked ones', async () => {
    const exchanges: RpcExchange[] = [];
    const allowances = await readAllowances(
      client((exchange) => exchanges.push(exchange)),
      CHAIN,
      pairs([TOKEN, SPENDER], [TOKEN, ROUTER], [REVOKED, SPENDER]),
    );
    expect(allowances.map(({ amount, unlimited }) => [amount, unlimited])).toEqual([
      [500n, false],
      [MAX, true],
      [0n, false],
    ]);
    expect(exchanges.flatMap((exchange) => exchange.methods).filter((m) => m === 'eth_call')).toHaveLength(1);
  });

  it('gives null for a token whose allowance reverts, and still reads the others', async () => {
    const allowances = await readAllowances(
      client(),
      CHAIN,
      pairs([BROKEN, SPENDER], [TOKEN, ROUTER], [NFT, SPENDER]),
    );
    expect(allowances).toEqual([
      { owner: OWNER, token: BROKEN, spender: SPENDER, amount: null, unlimited: false },
      { owner: OWNER, token: TOKEN, spender: ROUTER, amount: MAX, unlimited: true },
      // A contract without an allowance function answers nothing, which is no uint256 either.
      { owner: OWNER, token: NFT, spender: SPENDER, amount: null, unlimited: false },
    ]);
  });

  it('asks nothing when there is nothing to read', async () => {
    const exchanges: RpcExchange[] = [];
    expect(
      await readAllowances(
        client((e) => exchanges.push(e)),
        CHAIN,
        [],
      ),
    ).toEqual([]);
    expect(exchanges).toEqual([]);
  });
});

describe('buildRevoke', () => {
  it('zeroes the allowance when sent by the owner', async () => {
    const allowance = (spender: string) =>
      anvilCall(url(), 'eth_call', [
        { to: TOKEN, data: erc20.encodeFunctionData('allowance', [OWNER, spender]) },
        'latest',
      ]).then((hex) => BigInt(hex as string));
    expect(await allowance(ROUTER)).toBe(MAX);
    const { to, data, value } = buildRevoke(TOKEN, ROUTER);
    await sendAndMine(url(), { from: OWNER, to, data, value: `0x${value.toString(16)}` });
    expect(await allowance(ROUTER)).toBe(0n);
    expect(await allowance(SPENDER)).toBe(500n);
  });
});
