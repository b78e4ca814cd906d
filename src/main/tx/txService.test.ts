import { Interface } from 'ethers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  anvilCall,
  chainBalances,
  deployCode,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  sendAndMine,
  setTokenBalances,
  waitForReceipt,
} from '../../../test/anvil/chainSetup';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { SITE_ORIGIN_FINDING } from '../../../test/dapps/signingFixtures';
import { ERC20_ABI } from '../../../test/contracts/erc20';
import { revertingWithReason } from '../../../test/contracts/reverter';
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
/** Reverts every call with Error("Airdrop closed"). */
const REVERTER = fixtureAddress('tx', 'reverter') as ChecksumAddress;
const MAX = 2n ** 256n - 1n;

beforeAll(async () => {
  await deployMulticall3(url());
  await deployToken(url(), TOKEN, {
    name: 'Test Dollar',
    symbol: 'TUSD',
    decimals: 6,
    totalSupply: 10n ** 15n,
  });
  await deployCode(url(), REVERTER, revertingWithReason('Airdrop closed'));
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
  // The first start loads the Trezor stack, which takes seconds on a busy machine.
  await expect
    .poll(() => signers.list().filter((device) => device.state === 'ready').length, { timeout: 15_000 })
    .toBe(2);
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
  const asked: string[][] = [];
  const client = new RpcClient({
    ...{ chainId: 1, chainName: 'Ethereum', urls: [url()], retry: { attempts: 1 } },
    onExchange: (exchange) => asked.push([...exchange.methods]),
  });
  const connection = { chain: localChain(1, url()), client, signal: new AbortController().signal };
  const settled: number[][] = [];
  const tx = new TxService({
    db: temp.db,
    repositories,
    sign: (accountId, transaction, review) => signers.signTransaction(accountId, transaction, review),
    connection: async () => connection,
    tokens: (_, address) => (address === TOKEN ? { symbol: 'TUSD', decimals: 6 } : undefined),
    listedTokens: () => [TOKEN],
    counterparties: () => [],
    events: createEventHub(),
    log: createLogger('tx', () => {}),
    onSettled: (chainIds) => settled.push(chainIds),
  });
  return {
    tx,
    settled,
    asked,
    ledger: ledger as NonNullable<typeof ledger>,
    trezor: trezorAccount as NonNullable<typeof trezorAccount>,
    watch,
    repositories,
  };
}

/** `claim()` on the contract that reverts every call with "Airdrop closed". */
function claimDraft(accountId: number) {
  return { accountId, chainId: 1, to: REVERTER, asset: 'native', amount: '0', data: '0x4e71d92d' } as const;
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
      purpose: 'send',
      summary: expect.stringMatching(/^Send 0\.5 ETH to /),
      action: {
        type: 'native-transfer',
        to: { address: FRIEND },
        amount: { value: '500000000000000000', decimals: 18, symbol: 'ETH', unlimited: false },
      },
      transaction: { to: FRIEND, value: '500000000000000000', data: '0x', nonce: 0 },
      simulation: { status: 'simulated', reverted: false, gasUsed: '21000' },
      fees: { gasLimit: '21000', nativeSymbol: 'ETH', l1: { status: 'not-charged' } },
      device: {
        kind: 'ledger',
        label: 'Nano S Plus',
        mode: 'clear',
        lines: expect.arrayContaining([
          { label: 'Amount', value: 'ETH 0.5' },
          { label: 'To', value: FRIEND },
        ]),
      },
      cannotSign: null,
      blocked: false,
      findings: [expect.objectContaining({ code: 'first-time-recipient', severity: 'warning' })],
    });
    // The simulation saw the coin leave the account for the friend.
    expect(review.simulation.balanceChanges.map((change) => [change.account.address, change.delta])).toEqual([
      [h.ledger.address, '-500000000000000000'],
      [FRIEND, '500000000000000000'],
    ]);
    expect(BigInt(review.fees.speeds.fast.max)).toBeGreaterThanOrEqual(BigInt(review.fees.speeds.slow.max));
    expect(BigInt(review.totalMax)).toBe(BigInt(review.fees.speeds.normal.max) + 500_000_000_000_000_000n);

    const custom = await h.tx.review({
      accountId: h.ledger.id,
      chainId: 1,
      to: FRIEND,
      asset: 'native',
      amount: '0.5',
      speed: 'custom',
      custom: { maxFeeGwei: '30', priorityFeeGwei: '2.5' },
    });
    expect(custom.fees.chosen).toMatchObject({
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
    expect(watched).toMatchObject({ device: null, cannotSign: expect.stringContaining('watch-only') });
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
    // Anvil mines on send but may serve the receipt a moment later; the one pass below needs both served.
    for (const sent of [coin, token]) await waitForReceipt(url(), sent.hash);
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

  it('follows a pending send less often while its chain makes no block, and at the interval after a new send', async () => {
    const h = await harness();
    await anvilCall(url(), 'evm_setAutomine', [false]);
    stops.push(() => anvilCall(url(), 'evm_setAutomine', [true]).then(() => undefined));
    const send = () =>
      h.tx.send({ accountId: h.trezor.id, chainId: 1, to: FRIEND, asset: 'native', amount: '0.01' });
    await send();
    const passes = () => h.asked.filter((methods) => methods.includes('eth_getTransactionReceipt')).length;
    h.tx.start(40);
    stops.push(async () => h.tx.stop());
    // At 40 ms a pass, 1.3 s would hold about 30; doubling from 40 ms holds 6 (40, 80, 160, 320, 640 ms).
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    expect(passes()).toBeGreaterThanOrEqual(3);
    expect(passes()).toBeLessThanOrEqual(8);
    // The next pause is seconds long now; a send brings the next pass forward and the interval back.
    const before = passes();
    await send();
    await expect.poll(passes, { timeout: 1_000, interval: 20 }).toBeGreaterThanOrEqual(before + 2);
  });

  it('blocks a send the account cannot pay for, at review and again at send, with the balance and a Max', async () => {
    const h = await harness();
    const draft = {
      accountId: h.ledger.id,
      chainId: 1,
      to: FRIEND,
      asset: 'native',
      amount: '99999',
    } as const;
    const review = await h.tx.review(draft);
    expect(review.blocked).toBe(true);
    const [finding] = review.findings;
    expect(finding).toMatchObject({
      code: 'insufficient-balance',
      severity: 'blocking',
      overridable: false,
      fix: { type: 'max', amount: expect.stringMatching(/^99\.99/) },
    });
    expect(finding?.facts.map((fact) => fact.label)).toContain('Balance');
    // Main refuses too: the disabled button in the page is not the guard.
    await expect(h.tx.send(draft)).rejects.toMatchObject({ code: 'invalid_request' });
    expect(h.tx.list()).toEqual([]);
  });

  it('blocks a call that reverts with its reason, unless the user signs anyway', async () => {
    const h = await harness();
    const draft = claimDraft(h.ledger.id);
    const review = await h.tx.review(draft);
    expect(review).toMatchObject({
      blocked: true,
      simulation: { reverted: true, revertReason: 'The contract reverted: Airdrop closed' },
    });
    expect(review.findings.find((finding) => finding.code === 'reverts')).toMatchObject({
      severity: 'blocking',
      overridable: true,
    });
    await expect(h.tx.send(draft)).rejects.toMatchObject({ code: 'invalid_request' });
    const sent = await h.tx.send({ ...draft, allowRevert: true });
    expect(sent.status).toBe('pending');
    await waitForReceipt(url(), sent.hash);
    expect((await h.tx.track())[0]).toMatchObject({ status: 'failed' });
  });

  it('puts a caller’s findings first, in the review and the one a send re-runs, and they never unblock it', async () => {
    const h = await harness();
    const site = SITE_ORIGIN_FINDING;
    const draft = claimDraft(h.ledger.id);
    const review = await h.tx.review(draft, { leadingFindings: [site] });
    expect(review.findings.map((finding) => finding.code)).toEqual(['site-origin', 'reverts']);
    expect(review.blocked).toBe(true);
    await expect(h.tx.send(draft, { leadingFindings: [site] })).rejects.toMatchObject({
      code: 'invalid_request',
    });
    const sent = await h.tx.send(
      { accountId: h.ledger.id, chainId: 1, to: FRIEND, asset: 'native', amount: '0.01' },
      { leadingFindings: [site] },
    );
    expect(sent.status).toBe('pending');
  });

  it('reviews a speed-up with the old and new max fee, and marks the original as being replaced', async () => {
    const h = await harness();
    await anvilCall(url(), 'evm_setAutomine', [false]);
    try {
      const slow = await h.tx.send({
        accountId: h.trezor.id,
        chainId: 1,
        to: FRIEND,
        asset: 'native',
        amount: '0.01',
      });
      const review = await h.tx.reviewReplacement({ id: slow.id, mode: 'speed-up' });
      expect(review).toMatchObject({
        purpose: 'speed-up',
        transaction: { nonce: slow.nonce },
        blocked: false,
      });
      const replaces = review.replaces as NonNullable<typeof review.replaces>;
      expect(BigInt(replaces.newMaxFee)).toBeGreaterThan(BigInt(replaces.oldMaxFee));
      expect(replaces).toMatchObject({ id: slow.id, hash: slow.hash });
      const cancel = await h.tx.reviewReplacement({ id: slow.id, mode: 'cancel' });
      expect(cancel).toMatchObject({ purpose: 'cancel', action: { type: 'cancel', nonce: slow.nonce } });
      const fast = await h.tx.speedUp(slow.id);
      expect(fast).toMatchObject({ purpose: 'speed-up', replaces: slow.id });
      expect(h.tx.list().find((row) => row.id === slow.id)?.replacedBy).toBe(fast.id);
    } finally {
      await anvilCall(url(), 'evm_setAutomine', [true]);
    }
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
    const [reviewed] = await h.tx.reviewRevoke({
      accountId: h.ledger.id,
      chainId: 1,
      allowances: [{ token: TOKEN, spender: SPENDER }],
    });
    expect(reviewed).toMatchObject({
      purpose: 'revoke',
      action: { type: 'approval', spender: { address: SPENDER }, amount: { value: '0' } },
    });
    const [revoke] = await h.tx.revoke({
      accountId: h.ledger.id,
      chainId: 1,
      allowances: [{ token: TOKEN, spender: SPENDER }],
    });
    expect(revoke).toMatchObject({ purpose: 'revoke', to: TOKEN, status: 'pending' });
    await waitForReceipt(url(), String(revoke?.hash));
    await h.tx.track();
    const allowance = await anvilCall(url(), 'eth_call', [
      { to: TOKEN, data: erc20.encodeFunctionData('allowance', [h.ledger.address, SPENDER]) },
      'latest',
    ]);
    expect(BigInt(allowance as string)).toBe(0n);
    expect(await h.tx.approvals(h.ledger.id, 1)).toEqual([]);
  });
});
