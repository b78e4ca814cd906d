import { Interface } from 'ethers/abi';
import { describe, expect, it } from 'vitest';
import { RpcClient } from '../../../src/main/rpc/rpcClient';
import { LogsScanProvider } from '../../../src/main/history/providers/logsScanProvider';
import { OtterscanProvider, supportsOtterscan } from '../../../src/main/history/providers/otterscanProvider';
import { fetchTransactions } from '../../../src/main/history/providers/transactionFetcher';
import type { TransactionRef } from '../../../src/main/history/rawTransaction';
import { toChecksumAddress } from '../../../src/main/store/address';
import {
  ANVIL_DEV_ACCOUNT,
  deployToken,
  fixtureAddress,
  sendAndMine,
  setTokenBalances,
} from '../../anvil/chainSetup';
import { useAnvilChains } from '../../anvil/useAnvilChains';
import { ERC20_ABI } from '../../contracts/erc20';

const nodes = useAnvilChains([31337]);
const url = () => nodes[0]?.url as string;
const client = () => new RpcClient({ chainId: 31337, chainName: 'Anvil', urls: [url()] });

const erc20 = new Interface(ERC20_ABI);
const TOKEN = fixtureAddress('providers', 'token');
/** Anvil's second dev account: unlocked, so it can send as well as receive. */
const ALICE = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const BOB = toChecksumAddress(fixtureAddress('providers', 'bob'));

interface Sent {
  hash: string;
  block: number;
}

async function send(transaction: Record<string, unknown>): Promise<Sent> {
  const receipt = (await sendAndMine(url(), transaction)) as unknown as {
    transactionHash: string;
    blockNumber: string;
    status: string;
  };
  expect(receipt.status).toBe('0x1');
  return { hash: receipt.transactionHash, block: Number(receipt.blockNumber) };
}

const pay = (from: string, to: string) => send({ from, to, value: '0x2386f26fc10000' });
const transfer = (from: string, to: string, amount: bigint) =>
  send({ from, to: TOKEN, data: erc20.encodeFunctionData('transfer', [to, amount]) });

/** One chain history for every test: each transaction in a block of its own. */
async function history() {
  await deployToken(url(), TOKEN, {
    name: 'Test Dollar',
    symbol: 'TUSD',
    decimals: 6,
    totalSupply: 10n ** 12n,
  });
  await setTokenBalances(url(), TOKEN, [[ANVIL_DEV_ACCOUNT, 10n ** 9n]]);
  const toAlice = await pay(ANVIL_DEV_ACCOUNT, ALICE);
  const tokenToAlice = await transfer(ANVIL_DEV_ACCOUNT, ALICE, 100n);
  const aliceToBob = await pay(ALICE, BOB);
  const aliceTokenToBob = await transfer(ALICE, BOB, 5n);
  const unrelated = await pay(ANVIL_DEV_ACCOUNT, BOB);
  const later = await pay(ANVIL_DEV_ACCOUNT, ALICE);
  return { toAlice, tokenToAlice, aliceToBob, aliceTokenToBob, unrelated, later };
}

let chain: Awaited<ReturnType<typeof history>> | undefined;
const sent = async () => (chain ??= await history());

const hashes = (refs: TransactionRef[]) => refs.map((ref) => ref.hash);
const inRange = (from: Sent, to: Sent) => ({ fromBlock: from.block, toBlock: to.block });

describe('history providers on anvil', () => {
  it('anvil serves the Otterscan namespace', async () => {
    await expect(supportsOtterscan(client())).resolves.toBe(true);
  });

  it('Otterscan finds what the address sent and was sent natively, in order, once, within the range', async () => {
    const { toAlice, aliceToBob, aliceTokenToBob, unrelated } = await sent();
    const provider = new OtterscanProvider(client(), { pageSize: 1 });
    const refs = await provider.transactions(ALICE, inRange(toAlice, unrelated));
    // A token sent to Alice appears only in a log, which Otterscan's index does not cover.
    expect(hashes(refs)).toEqual([toAlice.hash, aliceToBob.hash, aliceTokenToBob.hash]);
    const first = refs[0]?.full;
    expect(first).toMatchObject({
      chainId: 31337,
      hash: toAlice.hash,
      blockNumber: toAlice.block,
      from: ANVIL_DEV_ACCOUNT,
      to: ALICE,
      value: 10n ** 16n,
      status: 'success',
      gasUsed: 21_000n,
      logs: [],
    });
    expect(first?.timestamp).toBeGreaterThan(1_600_000_000);
  });

  it('Otterscan with the logs scan for tokens finds every transaction of the address', async () => {
    const { toAlice, tokenToAlice, aliceToBob, aliceTokenToBob, later } = await sent();
    const provider = new OtterscanProvider(client(), { tokenEvents: new LogsScanProvider(client()) });
    const all = await provider.transactions(ALICE, inRange(toAlice, later));
    expect(hashes(all)).toEqual([
      toAlice.hash,
      tokenToAlice.hash,
      aliceToBob.hash,
      aliceTokenToBob.hash,
      later.hash,
    ]);
    const some = await provider.transactions(ALICE, inRange(tokenToAlice, aliceTokenToBob));
    expect(hashes(some)).toEqual([tokenToAlice.hash, aliceToBob.hash, aliceTokenToBob.hash]);
  });

  it('the logs scan finds token transfers either way, and no native ones, over small windows', async () => {
    const { toAlice, tokenToAlice, aliceTokenToBob, later } = await sent();
    const provider = new LogsScanProvider(client(), { windowBlocks: 2 });
    const forAlice = await provider.transactions(ALICE, inRange(toAlice, later));
    expect(forAlice).toEqual([
      { hash: tokenToAlice.hash, blockNumber: tokenToAlice.block },
      { hash: aliceTokenToBob.hash, blockNumber: aliceTokenToBob.block },
    ]);
    const forBob = await provider.transactions(BOB, { fromBlock: 0, toBlock: later.block });
    expect(hashes(forBob)).toEqual([aliceTokenToBob.hash]);
    const before = await provider.transactions(ALICE, { fromBlock: 0, toBlock: tokenToAlice.block - 1 });
    expect(before).toEqual([]);
  });

  it('the fetcher completes refs exactly as Otterscan reports them', async () => {
    const { toAlice, later } = await sent();
    const range = inRange(toAlice, later);
    const full = await new OtterscanProvider(client()).transactions(ALICE, range);
    const bare = full.map(({ hash, blockNumber }) => ({ hash, blockNumber }));
    const fetched = await fetchTransactions(client(), bare);
    expect(fetched).toEqual(full.map((ref) => ref.full));
    const transfer = fetched.find((tx) => tx.logs.length > 0);
    expect(transfer?.logs[0]).toMatchObject({
      address: TOKEN,
      topics: [
        expect.stringMatching(/^0xddf252ad/),
        expect.stringMatching(/70997970c51812dc3a010c7d01b50e0d17dc79c8$/),
        expect.stringMatching(new RegExp(`${BOB.slice(2).toLowerCase()}$`)),
      ],
    });
  });

  it('refuses a ref whose block the chain does not have it in', async () => {
    const { toAlice } = await sent();
    await expect(
      fetchTransactions(client(), [{ hash: toAlice.hash, blockNumber: toAlice.block + 1 }]),
    ).rejects.toMatchObject({ name: 'ProviderError', code: 'chain_unavailable' });
  });
});
