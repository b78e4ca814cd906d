import { Interface } from 'ethers/abi';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  anvilCall,
  deployToken,
  fixtureAddress,
  sendAndMine,
  setTokenBalances,
} from '../../../test/anvil/chainSetup';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { ERC20_ABI } from '../../../test/contracts/erc20';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { HistorySyncState } from '../../shared/history';
import { RpcClient, type RpcExchange } from '../rpc/rpcClient';
import { type ChecksumAddress, toChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { decodeActivity } from './decode/decodeActivity';
import { HistoryIndexer, type IndexedAccount } from './historyIndexer';
import { HistoryRepository } from './historyRepository';
import { LogsScanProvider } from './providers/logsScanProvider';
import { OtterscanProvider } from './providers/otterscanProvider';
import { fetchTransactions } from './providers/transactionFetcher';
import type { ActivityCheck } from './providers/activityCheck';
import type { HistoryProvider } from './rawTransaction';

const CHAIN_ID = 1;
const nodes = useAnvilChains([CHAIN_ID]);
const temp = useTempDatabase('history-');
const url = () => nodes[0]?.url as string;

/** Anvil's dev accounts 1 and 2: unlocked, so they send as well as receive. */
const ALICE = toChecksumAddress('0x70997970C51812dc3A010C7d01b50e0d17dc79C8');
const CAROL = toChecksumAddress('0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC');
const STRANGER = toChecksumAddress(fixtureAddress('history', 'stranger'));
/** Anvil's dev account 3, not one of the wallet's. */
const DAVE = toChecksumAddress('0x90F79bf6EB2c4f870365E785982E1f101E93b906');
const TOKEN = toChecksumAddress(fixtureAddress('history', 'token'));
const erc20 = new Interface(ERC20_ABI);

/** What the test itself sent: the ground truth the indexer's result is held to. */
const sent: { hash: string; parties: string[] }[] = [];

async function send(transaction: Record<string, unknown>, parties: string[]): Promise<string> {
  const receipt = await sendAndMine(url(), transaction);
  const hash = (receipt as unknown as { transactionHash: string }).transactionHash;
  sent.push({ hash, parties });
  return hash;
}

const truthFor = (account: string) =>
  sent.filter((entry) => entry.parties.includes(account)).map((entry) => entry.hash);

beforeAll(async () => {
  await deployToken(url(), TOKEN, {
    name: 'Test Dollar',
    symbol: 'TUSD',
    decimals: 6,
    totalSupply: 10n ** 15n,
  });
  await setTokenBalances(url(), TOKEN, [[ALICE, 10n ** 12n]]);
  await send({ from: ALICE, to: CAROL, value: '0x2386f26fc10000' }, [ALICE, CAROL]);
  await send({ from: ALICE, to: STRANGER, value: '0x1' }, [ALICE]);
  await send({ from: CAROL, to: STRANGER, value: '0x1' }, [CAROL]);
  // A token Carol only receives: no call of hers, only a log names her.
  await send({ from: ALICE, to: TOKEN, data: erc20.encodeFunctionData('transfer', [CAROL, 5_000_000n]) }, [
    ALICE,
    CAROL,
  ]);
  await send(
    { from: ALICE, to: TOKEN, data: erc20.encodeFunctionData('approve', [STRANGER, 2n ** 256n - 1n]) },
    [ALICE],
  );
  for (let i = 0; i < 4; i++)
    await send({ from: CAROL, to: ALICE, value: `0x${(i + 1).toString(16)}` }, [ALICE, CAROL]);
});

interface Harness {
  indexer: HistoryIndexer;
  repository: HistoryRepository;
  accounts: IndexedAccount[];
  progress: HistorySyncState[];
  /** Every POST the run's client made, in order. */
  exchanges: RpcExchange[];
  /** The provider `sync` uses unless told otherwise: the node's Otterscan index, token events from its logs. */
  otterscan: OtterscanProvider;
  sync(provider?: HistoryProvider, confirmations?: number): Promise<number>;
  hashes(account: string): string[];
}

const clients: RpcClient[] = [];
afterEach(() => void clients.splice(0));

function harness(windowBlocks = 1_000): Harness {
  const repositories = createRepositories(temp.db);
  const accounts = [ALICE, CAROL].map((address) => {
    const existing = repositories.accounts.list().find((account) => account.address === address);
    const account =
      existing ??
      repositories.accounts.add({
        signer: 'watch',
        deviceFingerprint: null,
        derivationScheme: null,
        derivationPath: null,
        address: address as ChecksumAddress,
        label: '',
      });
    return { id: account.id, address: account.address };
  });
  const repository = new HistoryRepository(temp.db);
  const indexer = new HistoryIndexer({
    db: temp.db,
    repository,
    decode: decodeActivity,
    fetch: fetchTransactions,
    tokens: () => undefined,
    windowBlocks,
  });
  const exchanges: RpcExchange[] = [];
  const client = new RpcClient({
    chainId: CHAIN_ID,
    chainName: 'Anvil',
    urls: [url()],
    retry: { attempts: 1 },
    onExchange: (exchange) => exchanges.push(exchange),
  });
  clients.push(client);
  const progress: HistorySyncState[] = [];
  const otterscan = new OtterscanProvider(client, { tokenEvents: new LogsScanProvider(client) });
  return {
    indexer,
    repository,
    accounts,
    progress,
    exchanges,
    otterscan,
    sync: (provider = otterscan, confirmations = 2) =>
      indexer.sync({
        connection: { chain: localChain(CHAIN_ID, url()), client, signal: new AbortController().signal },
        provider,
        confirmations,
        accounts,
        onProgress: (state) => progress.push(state),
      }),
    hashes: (account) => {
      const hashes: string[] = [];
      let after: string | undefined;
      do {
        const page = repository.page({ accounts: [account], limit: 3, after }, [ALICE, CAROL], NAMES, []);
        hashes.push(...page.entries.map((entry) => entry.hash));
        after = page.next ?? undefined;
      } while (after);
      return hashes;
    },
  };
}

const NAMES = { label: () => null, signedBy: () => null, safeExecution: () => null };
const sorted = (hashes: string[]) => hashes.toSorted();

describe('HistoryIndexer on anvil', () => {
  it('indexes exactly what each account did, each once, newest first', async () => {
    const h = harness();
    const written = await h.sync();
    expect(written).toBeGreaterThan(0);
    for (const account of [ALICE, CAROL]) {
      const hashes = h.hashes(account);
      expect(new Set(hashes).size).toBe(hashes.length);
      expect(sorted(hashes)).toEqual(sorted(truthFor(account)));
    }
    // Newest first: the last transaction the test sent leads Alice's timeline.
    expect(h.hashes(ALICE)[0]).toBe(sent.at(-1)?.hash);
    expect(h.progress.at(-1)).toMatchObject({ chainId: CHAIN_ID, state: 'syncing', provider: 'otterscan' });
  });

  it('says it is at the head after a run with nothing new to read', async () => {
    const h = harness();
    await h.sync();
    h.progress.length = 0;
    expect(await h.sync()).toBe(0);
    const head = Number(await anvilCall(url(), 'eth_blockNumber'));
    expect(h.progress).toEqual([
      expect.objectContaining({ chainId: CHAIN_ID, indexedBlock: head, headBlock: head }),
    ]);
  });

  it('decodes what it stores: a token received, an unlimited approval, native sends', async () => {
    const h = harness();
    await h.sync();
    const carol = h.repository.page({ accounts: [CAROL], limit: 50 }, [ALICE, CAROL], NAMES, []).entries;
    const tokenIn = carol.find((entry) => entry.assets.some((asset) => asset.token === TOKEN));
    expect(tokenIn).toMatchObject({
      kind: 'receive',
      assets: [expect.objectContaining({ amount: '5000000', direction: 'in' })],
    });
    const sentEther = carol.find((entry) => entry.kind === 'send');
    expect(sentEther?.assets[0]).toMatchObject({ standard: 'native', symbol: 'ETH', decimals: 18 });
    const alice = h.repository.page(
      { accounts: [ALICE], kinds: ['approval'], limit: 50 },
      [ALICE, CAROL],
      NAMES,
      [],
    );
    expect(alice.entries).toEqual([
      expect.objectContaining({ approval: expect.objectContaining({ spender: STRANGER, unlimited: true }) }),
    ]);
  });

  it('resumes an interrupted sync exactly where its last stored window ended', async () => {
    const h = harness(3);
    const client = new RpcClient({
      chainId: CHAIN_ID,
      chainName: 'Anvil',
      urls: [url()],
      retry: { attempts: 1 },
    });
    const real = new OtterscanProvider(client, { tokenEvents: new LogsScanProvider(client) });
    let windows = 0;
    const crashing: HistoryProvider = {
      name: 'otterscan',
      transactions: (address, range, signal) => {
        windows += 1;
        if (windows === 3) throw new Error('the app quit');
        return real.transactions(address, range, signal);
      },
    };
    await expect(h.sync(crashing)).rejects.toThrow('the app quit');
    const cursors = createRepositories(temp.db).accounts.list();
    expect(cursors.length).toBe(2);
    const partial = h.hashes(ALICE);
    expect(partial.length).toBeLessThan(truthFor(ALICE).length);

    const seen: { fromBlock: number }[] = [];
    const watching: HistoryProvider = {
      name: 'otterscan',
      transactions: (address, range, signal) => {
        if (address === ALICE) seen.push(range);
        return real.transactions(address, range, signal);
      },
    };
    await harness(3).sync(watching);
    // The first window after the crash starts right after the last stored one: six blocks were stored.
    expect(seen[0]?.fromBlock).toBe(6);
    for (const account of [ALICE, CAROL])
      expect(sorted(h.hashes(account))).toEqual(sorted(truthFor(account)));
  });

  it('changes nothing when the same range is indexed again', async () => {
    const h = harness();
    await h.sync();
    const before = h.repository.page({ limit: 200 }, [ALICE, CAROL], NAMES, []).entries;
    temp.db.prepare('DELETE FROM chain_cursors').run();
    await h.sync();
    expect(h.repository.page({ limit: 200 }, [ALICE, CAROL], NAMES, []).entries).toEqual(before);
  });

  it('rolls back what a reorg replaced, and indexes the new chain', async () => {
    const h = harness();
    await h.sync(undefined, 5);
    const snapshot = await anvilCall(url(), 'evm_snapshot');
    const orphan = await send({ from: CAROL, to: ALICE, value: '0x77' }, []);
    await h.sync(undefined, 5);
    expect(h.hashes(ALICE)).toContain(orphan);
    expect(
      h.repository.page({ search: orphan, limit: 5 }, [ALICE, CAROL], NAMES, []).entries[0],
    ).toMatchObject({
      provisional: true,
    });

    await anvilCall(url(), 'evm_revert', [snapshot]);
    const replacement = await send({ from: ALICE, to: CAROL, value: '0x99' }, [ALICE, CAROL]);
    await anvilCall(url(), 'evm_mine');
    await h.sync(undefined, 5);
    const alice = h.hashes(ALICE);
    expect(alice).not.toContain(orphan);
    expect(alice).toContain(replacement);
    expect(sorted(alice)).toEqual(sorted(truthFor(ALICE)));
  });

  it('asks once for all accounts whether new blocks hold anything of theirs, and reads only who has some', async () => {
    const h = harness();
    await h.sync();
    await anvilCall(url(), 'anvil_mine', ['0x2']);
    h.exchanges.length = 0;
    h.progress.length = 0;
    await h.sync();
    const head = Number(await anvilCall(url(), 'eth_blockNumber'));
    // The head (with the reorg check), then one check of the index and one of the token events for both.
    const [first, ...checks] = h.exchanges.map((exchange) => `${exchange.methods[0]} ×${exchange.calls}`);
    expect(first).toMatch(/^eth_getBlockByNumber/);
    expect(checks.toSorted()).toEqual(['eth_getLogs ×4', 'ots_searchTransactionsAfter ×2']);
    expect(h.progress).toEqual([
      expect.objectContaining({ chainId: CHAIN_ID, indexedBlock: head, headBlock: head }),
    ]);

    // Carol is paid by someone outside the wallet: only her blocks are read, and the payment is found.
    await send({ from: DAVE, to: CAROL, value: '0x5' }, [CAROL]);
    h.exchanges.length = 0;
    await h.sync();
    const asked = h.exchanges.map((exchange) => `${exchange.methods[0]} ×${exchange.calls}`);
    expect(asked.slice(1).toSorted()).toEqual([
      ...['eth_getLogs ×4', 'eth_getLogs ×4', 'ots_searchTransactionsAfter ×1'],
      'ots_searchTransactionsAfter ×2',
    ]);
    for (const account of [ALICE, CAROL])
      expect(sorted(h.hashes(account))).toEqual(sorted(truthFor(account)));
  });

  it('reads each account as before where the node refuses the check', async () => {
    const h = harness();
    await h.sync();
    const refusing: HistoryProvider & ActivityCheck = {
      name: 'otterscan',
      transactions: (address, range, signal) => h.otterscan.transactions(address, range, signal),
      active: () => Promise.reject(new Error('too many topic alternatives')),
    };
    await send({ from: DAVE, to: ALICE, value: '0x7' }, [ALICE]);
    h.exchanges.length = 0;
    await h.sync(refusing);
    // Each account's own search went out on its own, as without the check; the payment is found.
    const searches = h.exchanges.filter((exchange) => exchange.methods[0] === 'ots_searchTransactionsAfter');
    expect(searches.map((exchange) => exchange.calls)).toEqual([1, 1]);
    for (const account of [ALICE, CAROL])
      expect(sorted(h.hashes(account))).toEqual(sorted(truthFor(account)));
  });

  it('counts a transaction becoming final as a change, and a chain with nothing new as none', async () => {
    const h = harness();
    const late = await send({ from: CAROL, to: ALICE, value: '0x55' }, [ALICE, CAROL]);
    await h.sync(undefined, 3);
    const entry = () => h.repository.page({ search: late, limit: 5 }, [ALICE, CAROL], NAMES, []).entries[0];
    expect(entry()).toMatchObject({ provisional: true });
    expect(await h.sync(undefined, 3)).toBe(0);

    await anvilCall(url(), 'anvil_mine', ['0x3']);
    expect(await h.sync(undefined, 3)).toBeGreaterThan(0);
    expect(entry()).toMatchObject({ provisional: false });
    expect(await h.sync(undefined, 3)).toBe(0);
  });
});
