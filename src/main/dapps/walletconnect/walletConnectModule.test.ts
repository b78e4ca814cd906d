import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { quietLog } from '../../../../test/dapps/dappsHarness';
import { freePort } from '../../../../test/net/freePort';
import { useTempDatabase } from '../../../../test/store/tempDatabase';
import { memoryVault } from '../../../../test/vault/memoryVault';
import { startDapp, type TestDapp } from '../../../../test/walletconnect/dappClient';
import { guardNetwork, type NetworkGuard } from '../../../../test/walletconnect/flowsNetwork';
import { startRelayDouble, type RelayDouble } from '../../../../test/walletconnect/relayDouble';
import { VerifyDouble } from '../../../../test/walletconnect/verifyDouble';
import { createEventHub } from '../../api/events';
import { SettingsService } from '../../settings/settingsService';
import { toChecksumAddress } from '../../store/address';
import { createRepositories } from '../../store/repositories';
import type { ProviderRequest, SessionProposal } from '../dappGateway';
import { userRejected } from '../providerError';
import { createWalletConnect } from './walletConnectModule';
import { WalletConnectSessionsRepository } from './walletConnectSessionsRepository';

const PROJECT_ID = '0123456789abcdef0123456789abcdef';
const ADDRESS = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');
const OTHER = toChecksumAddress('0x70997970c51812dc3b10d7a8d0c3df0e4b7f3a8b');
const CHAINS: Record<number, string> = { 1: 'Ethereum', 10: 'OP Mainnet' };
const CALL = { senderOrigin: 'test' } as never;

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited for ${what} in vain`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('the WalletConnect module against the relay double and a real sign-client dApp', () => {
  const temp = useTempDatabase('walletconnect-module-');
  let relay: RelayDouble;
  let network: NetworkGuard;
  const vault = memoryVault();
  const closers: (() => Promise<void>)[] = [];
  const accounts = [
    { id: 1, address: ADDRESS, label: 'Main' },
    { id: 2, address: OTHER, label: 'Second' },
  ];
  const handled: ProviderRequest[] = [];
  const proposals: SessionProposal[] = [];
  const ended: string[] = [];
  let answer: (request: ProviderRequest) => unknown = () => '0xsigned';
  let grant = { accountIds: [1], chainIds: [1] };

  beforeAll(async () => {
    network = guardNetwork();
    relay = await startRelayDouble();
  });
  afterAll(async () => {
    await relay.close();
    network.restore();
  });
  afterEach(async () => {
    for (const close of closers.splice(0).reverse()) await close();
  });

  async function startWallet(relayUrl = relay.url, verify?: VerifyDouble) {
    const repositories = createRepositories(temp.db);
    const events = createEventHub();
    const log = quietLog();
    const settings = new SettingsService(repositories.settings, events, log);
    settings.set({
      walletConnectRelayUrl: relayUrl,
      walletConnectProjectId: PROJECT_ID,
      walletConnectVerify: verify !== undefined,
    });
    const module = createWalletConnect({
      db: temp.db,
      vault,
      events,
      log,
      settings,
      sessions: new WalletConnectSessionsRepository(temp.db),
      gateway: {
        async handle(request) {
          handled.push(request);
          return answer(request);
        },
        async propose(proposal) {
          proposals.push(proposal);
          return grant;
        },
        sessionEnded: (topic) => void ended.push(topic),
      },
      wallet: {
        accounts: () => accounts,
        chain: (chainId) => (CHAINS[chainId] ? { name: CHAINS[chainId], enabled: true } : undefined),
      },
      pending: () => 0,
      verify: verify?.wallet,
      now: Date.now,
    });
    closers.push(() => module.close());
    await module.start();
    const settled = (state: string) => state === 'online' || (relayUrl !== relay.url && state === 'offline');
    // The relayer tries an unreachable relay five times over about 15 seconds before giving up.
    await waitFor('the relay', () => settled(module.service.view().status.state), 25_000);
    return { module, events, settings };
  }

  async function dapp(): Promise<TestDapp> {
    const started = await startDapp({ relayUrl: relay.url, projectId: PROJECT_ID });
    closers.push(() => started.close());
    return started;
  }

  async function connect(wallet: Awaited<ReturnType<typeof startWallet>>, chains = [1]) {
    const client = await dapp();
    const { uri, approval } = await client.connect({ requiredChains: chains });
    const paired = await wallet.module.handlers['walletconnect.pair']({ uri }, CALL);
    expect(paired.pairing?.state).toMatch(/waiting|proposed/);
    return { client, session: await approval };
  }

  it('says in words that the relay cannot be reached, and starts again when the relay setting changes', async () => {
    const nowhere = `ws://127.0.0.1:${await freePort()}`;
    const wallet = await startWallet(nowhere);
    expect(wallet.module.service.view().status).toEqual({
      state: 'offline',
      relayUrl: nowhere,
      error: `The relay at ${nowhere} cannot be reached. Check the internet connection.`,
    });
    const client = await dapp();
    const { uri } = await client.connect({ requiredChains: [1] });
    await expect(wallet.module.handlers['walletconnect.pair']({ uri }, CALL)).rejects.toThrow(
      /cannot be reached/,
    );
    wallet.settings.set({ walletConnectRelayUrl: relay.url });
    await waitFor('the new relay', () => wallet.module.service.view().status.state === 'online');
    expect(wallet.module.service.view().status).toEqual({
      state: 'online',
      relayUrl: relay.url,
      error: null,
    });
  }, 60_000);

  it('pairs, approves the proposal the gateway was given, and lists the session', async () => {
    const wallet = await startWallet();
    proposals.length = 0;
    const { session } = await connect(wallet, [1]);
    expect(proposals).toEqual([
      expect.objectContaining({
        origin: 'https://dapp.example',
        name: 'Test dApp',
        verification: 'unknown',
        methods: ['eth_sendTransaction', 'personal_sign', 'eth_signTypedData_v4', 'eth_chainId'],
      }),
    ]);
    expect(session.namespaces.eip155?.accounts).toEqual([`eip155:1:${ADDRESS}`]);
    const view = wallet.module.service.view();
    expect(view.pairing?.state).toBe('proposed');
    expect(view.sessions).toEqual([
      expect.objectContaining({
        topic: session.topic,
        origin: 'https://dapp.example',
        name: 'Test dApp',
        verification: 'unknown',
        accounts: [{ accountId: 1, address: ADDRESS, label: 'Main' }],
        chains: [{ chainId: 1, name: 'Ethereum' }],
        pending: 0,
      }),
    ]);
  });

  it('with Verify on, the proposal carries what Verify says of the page the dApp runs on', async () => {
    const verify = new VerifyDouble();
    const wallet = await startWallet(relay.url, verify);
    for (const [page, expected] of [
      [{}, 'validated'],
      [{ pageOrigin: 'https://dapp-example.evil' }, 'mismatch'],
      [{ scam: true }, 'threat'],
    ] as const) {
      proposals.length = 0;
      const client = await startDapp({ relayUrl: relay.url, projectId: PROJECT_ID, verify, ...page });
      closers.push(() => client.close());
      const { uri, approval } = await client.connect({ requiredChains: [1] });
      await wallet.module.handlers['walletconnect.pair']({ uri }, CALL);
      await approval;
      expect(proposals.map((proposal) => proposal.verification)).toEqual([expected]);
    }
    expect(verify.lookups()).toBeGreaterThan(0);
  });

  it('hands requests to the gateway with the session grant, and answers results and refusals', async () => {
    const wallet = await startWallet();
    const { client, session } = await connect(wallet, [1]);
    handled.length = 0;
    answer = () => '0xsigned';
    expect(await client.request(session.topic, 1, 'personal_sign', ['0x68', ADDRESS])).toBe('0xsigned');
    expect(handled).toEqual([
      {
        origin: 'https://dapp.example',
        method: 'personal_sign',
        params: ['0x68', ADDRESS],
        session: expect.objectContaining({
          topic: session.topic,
          accountIds: [1],
          chainIds: [1],
          chainId: 1,
        }),
      },
    ]);
    answer = () => {
      throw userRejected();
    };
    await expect(client.request(session.topic, 1, 'personal_sign', ['0x68', ADDRESS])).rejects.toMatchObject({
      code: 4001,
    });
  });

  it('restores the session after a restart over the same database and vault', async () => {
    const first = await startWallet();
    const { client, session } = await connect(first, [1]);
    await closers.splice(closers.length - 2, 1)[0]?.();
    answer = () => '0xagain';
    // Sent while the wallet is closed: the relay holds it, and the restarted wallet answers it.
    const early = client.request(session.topic, 1, 'personal_sign', ['0x68', ADDRESS]);
    const second = await startWallet();
    expect(second.module.service.view().sessions.map((s) => s.topic)).toEqual([session.topic]);
    expect(await early).toBe('0xagain');
    expect(await client.request(session.topic, 1, 'eth_chainId', [])).toBe('0xagain');
  });

  it('a session deleted by the dApp leaves the wallet and the queue', async () => {
    const wallet = await startWallet();
    const { client, session } = await connect(wallet, [1]);
    await client.disconnect(session.topic);
    await waitFor('the session to end', () => ended.includes(session.topic));
    expect(wallet.module.service.view().sessions).toEqual([]);
  });

  it('a disconnect from the wallet reaches the dApp at once', async () => {
    const wallet = await startWallet();
    const { client, session } = await connect(wallet, [1]);
    const heard = new Promise((resolve) => client.events.once('session_delete', resolve));
    const view = await wallet.module.handlers['walletconnect.disconnect']({ topic: session.topic }, CALL);
    expect(view.sessions).toEqual([]);
    expect(ended).toContain(session.topic);
    expect(await heard).toEqual({ topic: session.topic });
  });

  it('an account removed from the wallet leaves the session, and the dApp hears accountsChanged', async () => {
    const wallet = await startWallet();
    grant = { accountIds: [1, 2], chainIds: [1] };
    const { client, session } = await connect(wallet, [1]);
    grant = { accountIds: [1], chainIds: [1] };
    const heard = new Promise((resolve) => client.events.once('session_event', resolve));
    accounts.splice(1, 1);
    wallet.events.emit('accounts.changed', []);
    expect(await heard).toMatchObject({ name: 'accountsChanged', data: [ADDRESS] });
    expect(wallet.module.service.view().sessions[0]?.accounts.map((a) => a.accountId)).toEqual([1]);
    expect(session.topic).toBeTruthy();
  });

  it('reached nothing beyond this machine (no telemetry, no Verify while it is off)', () => {
    expect(network.attempts).toEqual([]);
  });
});
