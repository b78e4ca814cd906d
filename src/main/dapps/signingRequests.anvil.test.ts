import {
  Interface,
  TypedDataEncoder,
  type TypedDataField,
  verifyMessage,
  verifyTypedData,
  hexlify,
  toUtf8Bytes,
} from 'ethers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  anvilCall,
  deployCode,
  deployMulticall3,
  deployToken,
  fixtureAddress,
  setTokenBalances,
} from '../../../test/anvil/chainSetup';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { ERC20_ABI } from '../../../test/contracts/erc20';
import { PERMIT2_ABI, PERMIT2_ADDRESS, PERMIT2_RUNTIME } from '../../../test/contracts/permit2';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { LedgerEmulator } from '../../../test/ledger/ledgerEmulator';
import { permit2Single } from '../../../test/review/typedData/typedDataFixtures';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { createEventHub } from '../api/events';
import { createLogger } from '../log';
import { rpc } from '../rpc/jsonRpc';
import { RpcClient } from '../rpc/rpcClient';
import { LedgerDeviceSource } from '../signers/ledger/ledgerDeviceSource';
import { SignersService } from '../signers/signersService';
import type { ChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { TxService } from '../tx/txService';
import { EXTENSION } from './dappChannel';
import type { QueuedRequest } from './requestQueue';
import { createDappSigning } from './signingRequests';
import { siteFindings } from './siteFindings';
import type { ConnectedSite } from './sites';

const nodes = useAnvilChains([1]);
const temp = useTempDatabase('dapp-signing-anvil-');
const url = () => nodes[0]?.url as string;
const TOKEN = fixtureAddress('dapp', 'token') as ChecksumAddress;
const VAULT = fixtureAddress('dapp', 'vault') as ChecksumAddress;
const FRIEND = fixtureAddress('dapp', 'friend') as ChecksumAddress;
const erc20 = new Interface(ERC20_ABI);
const ORIGIN = 'https://app.example.org';

beforeAll(async () => {
  await deployMulticall3(url());
  await deployToken(url(), TOKEN, {
    name: 'Test Dollar',
    symbol: 'TUSD',
    decimals: 6,
    totalSupply: 10n ** 15n,
  });
  await deployCode(url(), PERMIT2_ADDRESS, PERMIT2_RUNTIME);
});

const stops: (() => unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function harness() {
  const repositories = createRepositories(temp.db);
  const bus = new EmulatedHidBus();
  const client = new RpcClient({ chainId: 1, chainName: 'Ethereum', urls: [url()], retry: { attempts: 1 } });
  const connection = { chain: localChain(1, url()), client, signal: new AbortController().signal };
  const signers = new SignersService({
    db: temp.db,
    repositories,
    sources: [new LedgerDeviceSource(bus)],
    activity: async () => [],
    events: createEventHub(),
    log: createLogger('signers', () => {}),
    recheckMs: 0,
    // Main's active network is another one: the site's chain is what typed data is checked against.
    activeChainId: () => 10,
    typedDataReview: { connection: async () => connection, tokens: () => undefined },
  });
  await signers.start();
  stops.push(() => signers.stop());
  bus.plug('hid-1', new LedgerEmulator({ blindSigning: true }));
  await expect.poll(() => signers.list().filter((device) => device.state === 'ready').length).toBe(1);
  const [account] = await signers.addAccounts({
    deviceId: signers.list()[0]?.id as string,
    accounts: [{ scheme: 'ledger-live', index: 5 }],
  });
  if (!account) throw new Error('no account');
  await anvilCall(url(), 'anvil_setBalance', [account.address, '0x56bc75e2d63100000']);
  await setTokenBalances(url(), TOKEN, [[account.address, 50_000_000n]]);
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
  });
  const signing = createDappSigning({
    db: temp.db,
    repositories,
    tx,
    signers,
    nativeDecimals: async () => 18,
    chain: {
      receipts: (_chainId, hashes) => client.sendBatch(hashes.map((hash) => rpc.getTransactionReceipt(hash))),
    },
    enabledChainIds: () => [1],
    siteFindings: (origin, via) =>
      siteFindings(origin, via, {
        sites: [{ origin: ORIGIN, connectedAt: 0 }],
        sessions: [],
        verifyOn: true,
        now: Date.now(),
      }),
    showCallsStatus: () => {},
    log: { warn: () => {} },
    receiptPollMs: 50,
  });
  stops.push(() => signing.stop());
  const site: ConnectedSite = {
    origin: ORIGIN,
    accountIds: [account.id],
    chainId: 1,
    connectedAt: 0,
    lastUsedAt: 0,
  };
  let next = 0;
  /** Parses as the dispatcher does before queueing. */
  const queued = (method: Parameters<typeof signing.parse>[0], params: unknown): QueuedRequest => ({
    id: (next++).toString(16).padStart(32, '0'),
    origin: ORIGIN,
    via: EXTENSION,
    method,
    params,
    receivedAt: Date.now(),
    detail: signing.parse(method, params, site),
  });
  /** Then approves as the user does. */
  const approved = (method: Parameters<typeof signing.parse>[0], params: unknown, extra = {}) => {
    const request = queued(method, params);
    return signing.approve(request, { id: request.id, ...extra });
  };
  return { signing, site, account, client, queued, approved };
}

describe('dApp signing requests on anvil with the Ledger emulator', () => {
  it('reviews a site’s transaction with the site named first, and sends it, mined on the chain', async () => {
    const { signing, queued, account, client } = await harness();
    const params = [{ from: account.address, to: FRIEND, value: '0x6f05b59d3b20000', chainId: '0x1' }];
    const review = await signing.review(queued('eth_sendTransaction', params));
    expect(review.type === 'transaction' && review.reviews[0]?.findings[0]).toMatchObject({
      code: 'site-origin',
      message: `Requested by ${ORIGIN}`,
    });
    expect(review.type === 'transaction' && review.reviews[0]?.summary).toContain('0.5');
    const request = queued('eth_sendTransaction', params);
    const hash = (await signing.approve(request, { id: request.id })) as string;
    const receipt = await client.send(rpc.getTransactionReceipt(hash));
    expect(receipt?.status).toBe(1n);
    expect(await anvilCall(url(), 'eth_getBalance', [FRIEND, 'latest'])).toBe('0x6f05b59d3b20000');
  });

  it('signs personal_sign bytes that verifyMessage recovers to the account', async () => {
    const { approved, account } = await harness();
    const message = 'Sign in to app.example.org\nNonce: 8f3a';
    const signature = (await approved('personal_sign', [
      hexlify(toUtf8Bytes(message)),
      account.address,
    ])) as string;
    expect(signature).toMatch(/^0x[0-9a-f]{130}$/);
    expect(verifyMessage(message, signature)).toBe(account.address);
  });

  it('signs a Permit2 permit for the chain’s own Permit2 domain', async () => {
    const { approved, account } = await harness();
    const permit = permit2Single({}, { spender: VAULT });
    const signature = (await approved('eth_signTypedData_v4', [account.address, JSON.stringify(permit)], {
      allowBlindSigning: true,
    })) as string;
    const { EIP712Domain: _domain, ...types } = permit.types;
    expect(
      verifyTypedData(permit.domain, types as Record<string, TypedDataField[]>, permit.message, signature),
    ).toBe(account.address);
    const onChain = await anvilCall(url(), 'eth_call', [
      { to: PERMIT2_ADDRESS, data: new Interface(PERMIT2_ABI).encodeFunctionData('DOMAIN_SEPARATOR') },
      'latest',
    ]);
    expect(onChain).toBe(TypedDataEncoder.hashDomain(permit.domain));
  });

  it('runs a two-call batch one by one, and its status returns both receipts', async () => {
    const { approved, account, signing, site } = await harness();
    const { id } = (await approved('wallet_sendCalls', [
      {
        version: '2.0.0',
        chainId: '0x1',
        from: account.address,
        atomicRequired: false,
        calls: [
          { to: TOKEN, data: erc20.encodeFunctionData('approve', [VAULT, 5_000_000n]) },
          { to: TOKEN, data: erc20.encodeFunctionData('transfer', [FRIEND, 1_000_000n]) },
        ],
      },
    ])) as { id: string };
    await expect
      .poll(
        async () =>
          ((await signing.answer('wallet_getCallsStatus', [id], site)) as { status: number }).status,
        {
          timeout: 30_000,
        },
      )
      .toBe(200);
    const status = (await signing.answer('wallet_getCallsStatus', [id], site)) as {
      receipts: { status: string; logs: unknown[] }[];
    };
    expect(status.receipts.map((receipt) => receipt.status)).toEqual(['0x1', '0x1']);
    expect(status.receipts.every((receipt) => receipt.logs.length === 1)).toBe(true);
  });
});
