import { Transaction } from 'ethers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anvilCall, deployCode, fixtureAddress, waitForReceipt } from '../../../test/anvil/chainSetup';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { assemble } from '../../../test/contracts/evmAssembler';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../../test/ledger/ledgerEmulator';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { txReviewFixture } from '../../../test/tx/txReviewFixture';
import { createEventHub } from '../api/events';
import type { RpcRequest } from '../rpc/jsonRpc';
import { RpcClient, type RpcExchange } from '../rpc/rpcClient';
import { createLogger } from '../log';
import { RpcError } from '../rpc/rpcError';
import { LedgerDeviceSource } from '../signers/ledger/ledgerDeviceSource';
import { SignersService } from '../signers/signersService';
import type { ChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { type OutgoingTransaction, OutgoingRepository } from './outgoingRepository';
import { OutgoingTransactions, type TransactionDraft } from './outgoingTransactions';

const nodes = useAnvilChains([1]);
const temp = useTempDatabase('outgoing-');
const url = () => nodes[0]?.url as string;
const FRIEND = fixtureAddress('outgoing', 'friend') as ChecksumAddress;
/** Reverts every call with Error("nope"). */
const REFUSER = fixtureAddress('outgoing', 'refuser');

beforeAll(async () => {
  await deployCode(
    url(),
    REFUSER,
    assemble([
      'PUSH 0x08c379a0 PUSH 224 SHL PUSH 0 MSTORE',
      'PUSH 0x20 PUSH 4 MSTORE',
      'PUSH 4 PUSH 36 MSTORE',
      'PUSH 0x6e6f7065 PUSH 224 SHL PUSH 68 MSTORE',
      'PUSH 100 PUSH 0 REVERT',
    ]),
  );
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  await anvilCall(url(), 'evm_setAutomine', [true]);
  for (const stop of stops.splice(0)) await stop();
});

/**
 * Follows the wallet's transactions until none is pending, as the app's poller does: a poll that failed is
 * tried again. A loaded anvil may count a nonce used a moment before it serves the receipt: the row stays
 * pending (never "dropped") until the receipt says what happened.
 */
async function settle(outgoing: { track(): Promise<OutgoingTransaction[]> }): Promise<OutgoingTransaction[]> {
  let rows: OutgoingTransaction[] = [];
  for (let tries = 0; tries < 50; tries += 1) {
    const polled = await outgoing.track().catch(() => null);
    if (polled) rows = polled;
    if (polled && !rows.some((row) => row.status === 'pending')) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return rows;
}

async function harness(emulator = new LedgerEmulator(), node: (client: RpcClient) => RpcClient = (c) => c) {
  const repositories = createRepositories(temp.db);
  const bus = new EmulatedHidBus();
  const signers = new SignersService({
    db: temp.db,
    repositories,
    sources: [new LedgerDeviceSource(bus)],
    activity: async () => [],
    events: createEventHub(),
    log: createLogger('signers', () => {}),
    recheckMs: 0,
  });
  await signers.start();
  stops.push(() => signers.stop());
  bus.plug('hid-1', emulator);
  await expect.poll(() => signers.list()[0]?.state).toBe('ready');
  const [account] = await signers.addAccounts({
    deviceId: signers.list()[0]?.id as string,
    accounts: [{ scheme: 'ledger-live', index: 0 }],
  });
  if (!account) throw new Error('no account');
  await anvilCall(url(), 'anvil_setBalance', [account.address, '0x56bc75e2d63100000']);
  const exchanges: RpcExchange[] = [];
  const client = new RpcClient({
    ...{ chainId: 1, chainName: 'Ethereum', urls: [url()], retry: { attempts: 1 } },
    onExchange: (exchange) => exchanges.push(exchange),
  });
  const connection = {
    chain: localChain(1, url()),
    client: node(client),
    signal: new AbortController().signal,
  };
  const repository = new OutgoingRepository(temp.db);
  const make = () =>
    new OutgoingTransactions({
      repository,
      accounts: repositories.accounts,
      sign: (accountId, transaction, review) => signers.signTransaction(accountId, transaction, review),
      connection: async () => connection,
    });
  const outgoing = make();
  /** What TxService does after its review: sign at the next nonce. */
  const send = async (transaction: TransactionDraft) => {
    const nonce = await outgoing.nextNonce(account.address, 1);
    return outgoing.send(account.id, { ...transaction, nonce }, txReviewFixture());
  };
  /** What TxService does after the review of a replacement. */
  const replace = (id: number, mode: 'speed-up' | 'cancel') =>
    outgoing.send(
      account.id,
      outgoing.replacement(id, mode).transaction,
      txReviewFixture({ purpose: mode }),
      id,
    );
  return { outgoing, make, send, replace, account, repositories, repository, signers, exchanges };
}

const draft = (to: string, value: bigint, data = '0x'): TransactionDraft => ({
  type: 2,
  chainId: 1n,
  to: to as ChecksumAddress,
  value,
  data,
  gasLimit: 60_000n,
  maxFeePerGas: 20_000_000_000n,
  maxPriorityFeePerGas: 1_000_000_000n,
});

/**
 * The real client, but the node answers `method` with what `answer` gives instead, while it gives one, alone
 * or in a batch (the rest of which the node still answers in one request).
 */
function answering(method: string, answer: (params: readonly unknown[]) => Promise<unknown> | undefined) {
  const instead = (request: RpcRequest<unknown>) =>
    request.method === method ? answer(request.params) : undefined;
  return (client: RpcClient): RpcClient =>
    Object.assign(Object.create(client) as RpcClient, {
      send: <T>(request: RpcRequest<T>, signal?: AbortSignal): Promise<T> =>
        (instead(request) as Promise<T> | undefined) ?? client.send(request, signal),
      sendBatch: async (requests: readonly RpcRequest<unknown>[], signal?: AbortSignal) => {
        const answers = requests.map(instead);
        const rest = requests.filter((_, index) => answers[index] === undefined);
        const asked = rest.length > 0 ? [...(await client.sendBatch(rest, signal))] : [];
        return Promise.all(answers.map((given) => given ?? asked.shift()));
      },
    });
}

const nonceOf = async (address: string) =>
  Number(await anvilCall(url(), 'eth_getTransactionCount', [address, 'latest']));

describe('OutgoingTransactions on anvil with the Ledger emulator', () => {
  it('signs on the device, broadcasts, follows it to inclusion and records where it was signed', async () => {
    const h = await harness();
    const sent = await h.send(draft(FRIEND, 10n ** 16n));
    expect(sent).toMatchObject({ status: 'pending', purpose: 'send', nonce: 0, address: h.account.address });
    const [settled] = await settle(h.outgoing);
    expect(settled).toMatchObject({ status: 'included', blockNumber: expect.any(Number) });
    expect(Transaction.from(sent.raw).from).toBe(h.account.address);
    expect(h.repositories.signatures.byDigest(sent.hash)).toEqual([
      expect.objectContaining({ signer: 'ledger', kind: 'transaction', chainId: 1 }),
    ]);
    // The next send takes the next nonce.
    expect((await h.send(draft(FRIEND, 1n))).nonce).toBe(1);
  });

  it('asks about every pending send on a chain and its head in one request, the head last', async () => {
    const h = await harness();
    await anvilCall(url(), 'evm_setAutomine', [false]);
    const first = await h.send(draft(FRIEND, 4n));
    const second = await h.send(draft(FRIEND, 5n));
    h.exchanges.length = 0;
    const heads = new Map<number, number>();
    await h.outgoing.follow([1], heads);
    const lookups = ['eth_getTransactionReceipt', 'eth_getTransactionCount'];
    expect(h.exchanges.map((exchange) => exchange.methods)).toEqual([
      [...lookups, ...lookups, 'eth_blockNumber'],
    ]);
    const head = Number(await anvilCall(url(), 'eth_blockNumber'));
    expect(heads).toEqual(new Map([[1, head]]));
    expect([first, second].map((row) => h.repository.get(row.id)?.status)).toEqual(['pending', 'pending']);

    await anvilCall(url(), 'evm_mine');
    h.exchanges.length = 0;
    await h.outgoing.follow([1], heads);
    expect(h.exchanges).toHaveLength(1);
    expect(heads).toEqual(new Map([[1, head + 1]]));
    expect([first, second].map((row) => h.repository.get(row.id))).toEqual([
      expect.objectContaining({ status: 'included', blockNumber: head + 1 }),
      expect.objectContaining({ status: 'included', blockNumber: head + 1 }),
    ]);
  });

  it('speeds up and cancels a pending transaction by replacing it at the same nonce', async () => {
    const h = await harness();
    await anvilCall(url(), 'evm_setAutomine', [false]);
    const slow = await h.send(draft(FRIEND, 5n));
    const fast = await h.replace(slow.id, 'speed-up');
    expect(fast).toMatchObject({
      nonce: slow.nonce,
      purpose: 'speed-up',
      replaces: slow.id,
      status: 'pending',
    });
    expect(Transaction.from(fast.raw).maxPriorityFeePerGas).toBeGreaterThan(
      Transaction.from(slow.raw).maxPriorityFeePerGas as bigint,
    );
    await anvilCall(url(), 'evm_mine');
    const settled = await h.outgoing.track();
    expect(settled.map((row) => [row.purpose, row.status])).toEqual([
      ['send', 'replaced'],
      ['speed-up', 'included'],
    ]);

    const next = await h.send(draft(FRIEND, 7n));
    const cancel = await h.replace(next.id, 'cancel');
    const cancelled = Transaction.from(cancel.raw);
    expect([cancelled.to, cancelled.value, cancelled.nonce]).toEqual([h.account.address, 0n, next.nonce]);
    await anvilCall(url(), 'evm_mine');
    expect((await h.outgoing.track()).map((row) => row.status)).toEqual(['replaced', 'included']);
    expect(() => h.outgoing.replacement(next.id, 'speed-up')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
  });

  it('tells when another wallet used the nonce of a pending transaction', async () => {
    const h = await harness();
    await anvilCall(url(), 'evm_setAutomine', [false]);
    const ours = await h.send(draft(FRIEND, 9n));
    await anvilCall(url(), 'anvil_impersonateAccount', [h.account.address]);
    await anvilCall(url(), 'eth_sendTransaction', [
      {
        from: h.account.address,
        to: h.account.address,
        nonce: `0x${ours.nonce.toString(16)}`,
        maxFeePerGas: '0x174876e800',
        maxPriorityFeePerGas: '0x12a05f200',
      },
    ]);
    await anvilCall(url(), 'evm_mine');
    const [settled] = await h.outgoing.track();
    expect(settled).toMatchObject({
      status: 'dropped',
      reason: expect.stringContaining('used by another transaction'),
    });
  });

  it('keeps a transaction pending while the node counts its nonce used but still holds it in the pool', async () => {
    // The window anvil has mid-block: the account's nonce has moved, the transaction has no block yet.
    let mid = true;
    const h = await harness(
      undefined,
      answering('eth_getTransactionCount', (params) =>
        mid && params[1] === 'latest' ? nonceOf(params[0] as string).then((n) => BigInt(n + 1)) : undefined,
      ),
    );
    await anvilCall(url(), 'evm_setAutomine', [false]);
    await h.send(draft(FRIEND, 4n));
    expect((await h.outgoing.track()).map((row) => row.status)).toEqual(['pending']);
    mid = false;
    await anvilCall(url(), 'evm_mine');
    expect((await h.outgoing.track()).map((row) => row.status)).toEqual(['included']);
  });

  it('never concludes "dropped" from a lookup that failed: the poll fails, and the next one settles it', async () => {
    let failing = true;
    let receipts = true;
    const h = await harness(undefined, (client) =>
      answering('eth_getTransactionByHash', () =>
        failing
          ? Promise.reject(
              new RpcError('timeout', 'The node did not answer in time.', { chainId: 1, host: null }),
            )
          : undefined,
      )(answering('eth_getTransactionReceipt', () => (receipts ? undefined : Promise.resolve(null)))(client)),
    );
    const sent = await h.send(draft(FRIEND, 6n));
    // Mined (anvil may mine a moment after it answers the send), but this node serves no receipt yet, and its
    // lookup by hash times out.
    await waitForReceipt(url(), sent.hash);
    receipts = false;
    await expect(h.outgoing.track()).rejects.toThrow('did not answer in time');
    expect(h.repository.forSender(h.account.address, 1).map((row) => row.status)).toEqual(['pending']);
    failing = false;
    receipts = true;
    expect((await h.outgoing.track()).map((row) => row.status)).toEqual(['included']);
  });

  it('finishes a broadcast a crash interrupted, once, without signing again', async () => {
    const h = await harness();
    const before = await nonceOf(h.account.address);
    const signed = await h.signers.signTransaction(
      h.account.id,
      { ...draft(FRIEND, 3n), nonce: before } as never,
      txReviewFixture(),
    );
    // The app wrote the signed transaction, then died before the node heard of it.
    h.repository.add({
      address: h.account.address,
      chainId: 1,
      nonce: before,
      hash: signed.hash,
      raw: signed.serialized,
      purpose: 'send',
      replaces: null,
    });
    const signatures = () => h.repositories.signatures.byDigest(signed.hash).length;
    expect(signatures()).toBe(1);
    await h.make().resume();
    await h.make().resume();
    // Anvil mines a broadcast but may count it a moment later: it is followed as the app's poller does.
    await settle(h.outgoing);
    expect(await nonceOf(h.account.address)).toBe(before + 1);
    expect(signatures()).toBe(1);
    expect(h.repository.forSender(h.account.address, 1).map((row) => row.status)).toEqual(['included']);
  });

  it('shows why a transaction reverted', async () => {
    // Calling a contract with data needs the app's blind signing on.
    const h = await harness(new LedgerEmulator({ blindSigning: true }));
    await h.send(draft(REFUSER, 0n, '0x12345678'));
    const [failed] = await settle(h.outgoing);
    expect(failed).toMatchObject({ status: 'failed', reason: 'The contract reverted: nope' });
  });
});
