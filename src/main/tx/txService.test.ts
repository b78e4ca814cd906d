import { Interface } from 'ethers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  anvilCall,
  chainBalances,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  sendAndMine,
  setTokenBalances,
} from '../../../test/anvil/chainSetup';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { ERC20_ABI } from '../../../test/contracts/erc20';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../../test/ledger/ledgerEmulator';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { TrezorConnectFake } from '../../../test/trezor/trezorFake';
import { createEventHub } from '../api/events';
import { RpcClient } from '../rpc/rpcClient';
import { createLogger } from '../log';
import { LedgerDeviceSource } from '../signers/ledger/ledgerDeviceSource';
import { SignersService } from '../signers/signersService';
import { TrezorDeviceSource } from '../signers/trezor/trezorDeviceSource';
import type { ChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { TxService } from './txService';

const nodes = useAnvilChains([1]);
const temp = useTempDatabase('tx-service-');
const url = () => nodes[0]?.url as string;
const TOKEN = fixtureAddress('tx', 'token') as ChecksumAddress;
const SPENDER = fixtureAddress('tx', 'spender') as ChecksumAddress;
const FRIEND = fixtureAddress('tx', 'friend') as ChecksumAddress;
const erc20 = new Interface(ERC20_ABI);
const MAX = 2n ** 256n - 1n;

beforeAll(async () => {
  await deployMulticall3(url());
  await deployToken(url(), TOKEN, {
    name: 'Test Dollar',
    symbol: 'TUSD',
    decimals: 6,
    totalSupply: 10n ** 15n,
  });
});

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function harness() {
  const repositories = createRepositories(temp.db);
  const bus = new EmulatedHidBus();
  // Trezor's own public test seed: one seed is one signer, so it must differ from the Ledger emulator's.
  const trezor = new TrezorConnectFake({ mnemonic: 'all all all all all all all all all all all all' });
  const signers = new SignersService({
    db: temp.db,
    repositories,
    sources: [new LedgerDeviceSource(bus), new TrezorDeviceSource({ connect: trezor })],
    activity: async () => [],
    events: createEventHub(),
    log: createLogger('signers', () => {}),
    recheckMs: 0,
  });
  await signers.start();
  stops.push(() => signers.stop());
  // Token transfers and approvals carry contract data, which the Ethereum app signs only with blind signing on.
  bus.plug('hid-1', new LedgerEmulator({ blindSigning: true }));
  trezor.plugIn();
  await expect.poll(() => signers.list().filter((device) => device.state === 'ready').length).toBe(2);
  const device = (kind: string) => signers.list().find((candidate) => candidate.kind === kind)?.id as string;
  const [ledger] = await signers.addAccounts({
    deviceId: device('ledger'),
    accounts: [{ scheme: 'ledger-live', index: 3 }],
  });
  const [trezorAccount] = await signers.addAccounts({
    deviceId: device('trezor'),
    accounts: [{ scheme: 'legacy', index: 4 }],
  });
  const watch = repositories.accounts.add({
    signer: 'watch',
    deviceFingerprint: null,
    derivationScheme: null,
    derivationPath: null,
    address: fixtureAddress('tx', 'watched') as ChecksumAddress,
    label: 'Treasury',
  });
  for (const account of [ledger, trezorAccount]) {
    await anvilCall(url(), 'anvil_setBalance', [account?.address, '0x56bc75e2d63100000']);
  }
  await setTokenBalances(url(), TOKEN, [[ledger?.address as string, 50_000_000n]]);
  const client = new RpcClient({ chainId: 1, chainName: 'Ethereum', urls: [url()], retry: { attempts: 1 } });
  const connection = { chain: localChain(1, url()), client, signal: new AbortController().signal };
  const settled: number[][] = [];
  const tx = new TxService({
    db: temp.db,
    repositories,
    sign: (accountId, transaction) => signers.signTransaction(accountId, transaction),
    connections: async () => [connection],
    tokens: (_, address) => (address === TOKEN ? { symbol: 'TUSD', decimals: 6 } : undefined),
    counterparties: () => [],
    events: createEventHub(),
    log: createLogger('tx', () => {}),
    onSettled: (chainIds) => settled.push(chainIds),
  });
  return {
    tx,
    settled,
    ledger: ledger as NonNullable<typeof ledger>,
    trezor: trezorAccount as NonNullable<typeof trezorAccount>,
    watch,
    repositories,
  };
}

describe('TxService on anvil with the Ledger emulator, the Trezor fake and a watch-only account', () => {
  it('reviews a send in plain facts: fees in the native coin, the nonce, the device and what it shows', async () => {
    const h = await harness();
    const review = await h.tx.review({
      accountId: h.ledger.id,
      chainId: 1,
      to: FRIEND.toLowerCase(),
      asset: 'native',
      amount: '0.5',
    });
    expect(review).toMatchObject({
      to: { address: FRIEND, resolvedFrom: 'address' },
      asset: { token: null, symbol: 'ETH', decimals: 18 },
      amount: '500000000000000000',
      nonce: 0,
      gasLimit: '21000',
      nativeSymbol: 'ETH',
      signer: {
        kind: 'ledger',
        label: 'Nano S Plus',
        screen: expect.arrayContaining([{ label: 'Amount', value: '0.5 ETH' }]),
      },
      cannotSign: null,
      warnings: [expect.objectContaining({ code: 'first-time' })],
    });
    expect(BigInt(review.fees.fast.max)).toBeGreaterThanOrEqual(BigInt(review.fees.slow.max));
    expect(BigInt(review.totalMax)).toBe(BigInt(review.fees.normal.max) + 500_000_000_000_000_000n);

    const custom = await h.tx.review({
      accountId: h.ledger.id,
      chainId: 1,
      to: FRIEND,
      asset: 'native',
      amount: '0.5',
      speed: 'custom',
      custom: { maxFeeGwei: '30', priorityFeeGwei: '2.5' },
    });
    expect(custom.fees.custom).toMatchObject({
      maxFeePerGas: '30000000000',
      maxPriorityFeePerGas: '2500000000',
    });
    expect(BigInt(custom.totalMax)).toBe(30_000_000_000n * 21_000n + 500_000_000_000_000_000n);
    await expect(
      h.tx.review({
        accountId: h.ledger.id,
        chainId: 1,
        to: FRIEND,
        asset: 'native',
        amount: '0.5',
        speed: 'custom',
        custom: { maxFeeGwei: '1', priorityFeeGwei: '2' },
      }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'The priority fee cannot be above the max fee.',
    });

    const watched = await h.tx.review({
      accountId: h.watch.id,
      chainId: 1,
      to: FRIEND,
      asset: 'native',
      amount: '0.1',
    });
    expect(watched).toMatchObject({ signer: null, cannotSign: expect.stringContaining('watch-only') });
    await expect(
      h.tx.send({ accountId: h.watch.id, chainId: 1, to: FRIEND, asset: 'native', amount: '0.1' }),
    ).rejects.toMatchObject({
      code: 'cannot_sign',
    });
    await expect(
      h.tx.review({ accountId: h.ledger.id, chainId: 1, to: FRIEND, asset: TOKEN, amount: '1.0000001' }),
    ).rejects.toMatchObject({
      code: 'invalid_request',
      message: 'TUSD has 6 decimals; the amount has more.',
    });
  });

  it('sends the coin from the Trezor and a token from the Ledger, each followed to inclusion', async () => {
    const h = await harness();
    const coin = await h.tx.send({
      accountId: h.trezor.id,
      chainId: 1,
      to: FRIEND,
      asset: 'native',
      amount: '0.25',
    });
    const token = await h.tx.send({
      accountId: h.ledger.id,
      chainId: 1,
      to: FRIEND,
      asset: TOKEN,
      amount: '12.5',
      speed: 'fast',
    });
    expect([coin.status, token.status]).toEqual(['pending', 'pending']);
    const settled = await h.tx.track();
    expect(settled.map((row) => row.status)).toEqual(['included', 'included']);
    expect(settled.map((row) => row.confirmations)).toEqual([1, 2]);
    // Both left the mempool in that one tracking pass: history is asked to read their chain once.
    expect(h.settled).toEqual([[1]]);
    await anvilCall(url(), 'evm_mine');
    expect((await h.tx.track()).map((row) => row.confirmations)).toEqual([2, 3]);
    expect(h.settled).toEqual([[1]]);
    expect(token.to).toBe(TOKEN);
    const [friendTokens] = await chainBalances(url(), [[FRIEND, TOKEN]]);
    expect(friendTokens).toBe(12_500_000n);
  });

  it('lists an unlimited approval and revokes it, which zeroes the allowance', async () => {
    const h = await harness();
    await anvilCall(url(), 'anvil_impersonateAccount', [h.ledger.address]);
    await sendAndMine(url(), {
      from: h.ledger.address,
      to: TOKEN,
      data: erc20.encodeFunctionData('approve', [SPENDER, MAX]),
    });
    await anvilCall(url(), 'anvil_stopImpersonatingAccount', [h.ledger.address]);

    const [approval] = await h.tx.approvals(h.ledger.id, 1);
    expect(approval).toMatchObject({ token: TOKEN, symbol: 'TUSD', spender: SPENDER, unlimited: true });
    const [revoke] = await h.tx.revoke({
      accountId: h.ledger.id,
      chainId: 1,
      allowances: [{ token: TOKEN, spender: SPENDER }],
    });
    expect(revoke).toMatchObject({ purpose: 'revoke', to: TOKEN, status: 'pending' });
    await h.tx.track();
    const allowance = await anvilCall(url(), 'eth_call', [
      { to: TOKEN, data: erc20.encodeFunctionData('allowance', [h.ledger.address, SPENDER]) },
      'latest',
    ]);
    expect(BigInt(allowance as string)).toBe(0n);
    expect(await h.tx.approvals(h.ledger.id, 1)).toEqual([]);
  });
});
