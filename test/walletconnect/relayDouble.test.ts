import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { WalletKit, type WalletKitTypes } from '@reown/walletkit';
import { Core } from '@walletconnect/core';
import { buildApprovedNamespaces, getSdkError } from '@walletconnect/utils';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import NodeWebSocket from 'ws';
import { DAPP_EVENTS, DAPP_METHODS, startDapp, type TestDapp } from './dappClient';
import { guardNetwork, type NetworkGuard } from './flowsNetwork';
import { MemoryStorage } from './memoryStorage';
import { type RelayDouble, startRelayDouble } from './relayDouble';
import { VerifyDouble } from './verifyDouble';

const PROJECT_ID = 'relay-double-test';
const ACCOUNT = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const DAPP_URL = 'https://dapp.example';
const TOPIC = 'ab'.repeat(32);
const JWT_SHAPED = 'e30.e30.c2ln';

type Proposal = WalletKitTypes.SessionProposal;
type SessionRequest = WalletKitTypes.SessionRequest;

async function startWallet(relayUrl: string, verify: VerifyDouble): Promise<InstanceType<typeof WalletKit>> {
  const core = new Core({
    projectId: PROJECT_ID,
    relayUrl,
    storage: new MemoryStorage(),
    logger: 'silent',
    telemetryEnabled: false,
    customStoragePrefix: `test-wallet-${randomUUID()}`,
  });
  core.verify = verify.wallet(core);
  // WalletKit posts an INIT event to pulse.walletconnect.org even with telemetry off (core skips it only when
  // IS_VITEST is set, which vitest does not set).
  core.eventClient.init = () => Promise.resolve();
  const metadata = {
    name: 'Raw wallet',
    description: 'WalletKit in a test',
    url: 'https://wallet.example',
    icons: [],
  };
  return WalletKit.init({ core, metadata });
}

function next<E extends 'session_proposal' | 'session_request' | 'session_delete'>(
  wallet: InstanceType<typeof WalletKit>,
  event: E,
): Promise<WalletKitTypes.EventArguments[E]> {
  return new Promise((resolve) => wallet.once(event, resolve));
}

/** Opens a raw socket to the double and returns a way to send one frame and read the next answer. */
async function rawSocket(url: string, query = `projectId=${PROJECT_ID}&auth=${JWT_SHAPED}`) {
  const socket = new NodeWebSocket(`${url}/?${query}`);
  await once(socket, 'open');
  const exchange = async (frame: string): Promise<Record<string, unknown>> => {
    const answer = once(socket, 'message');
    socket.send(frame);
    const [data] = (await answer) as [Buffer];
    return JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  };
  const call = (id: number, method: string, params: unknown) =>
    exchange(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  return { socket, exchange, call };
}

describe('the WalletConnect relay double, between raw WalletKit and a sign-client dApp', () => {
  const verify = new VerifyDouble();
  let network: NetworkGuard;
  let relay: RelayDouble;
  let wallet: InstanceType<typeof WalletKit>;
  const dapps: TestDapp[] = [];

  async function connected(pageOrigin = DAPP_URL) {
    const dapp = await startDapp({ relayUrl: relay.url, projectId: PROJECT_ID, verify, pageOrigin });
    dapps.push(dapp);
    const proposed = next(wallet, 'session_proposal');
    const { uri, approval } = await dapp.connect({ requiredChains: [1] });
    await wallet.pair({ uri });
    const proposal = await proposed;
    return { dapp, approval, proposal };
  }

  async function approve(proposal: Proposal) {
    const namespaces = buildApprovedNamespaces({
      proposal: proposal.params,
      supportedNamespaces: {
        eip155: {
          chains: ['eip155:1'],
          methods: DAPP_METHODS,
          events: DAPP_EVENTS,
          accounts: [`eip155:1:${ACCOUNT}`],
        },
      },
    });
    return wallet.approveSession({ id: proposal.id, namespaces });
  }

  beforeAll(async () => {
    network = guardNetwork();
    relay = await startRelayDouble();
    wallet = await startWallet(relay.url, verify);
  });

  afterAll(async () => {
    for (const dapp of dapps) await dapp.close();
    wallet?.core.heartbeat.stop();
    await wallet?.core.relayer.transportClose();
    await relay?.close();
    network?.restore();
  });

  it('pairs by URI, approves a session and answers a personal_sign', async () => {
    const { dapp, approval, proposal } = await connected();
    expect(proposal.verifyContext.verified).toMatchObject({ origin: DAPP_URL, validation: 'VALID' });
    expect(proposal.params.optionalNamespaces.eip155?.chains).toEqual(['eip155:1']);

    const walletSession = await approve(proposal);
    const session = await approval;
    expect(session.topic).toBe(walletSession.topic);
    expect(session.namespaces.eip155?.accounts).toEqual([`eip155:1:${ACCOUNT}`]);

    const requested = next(wallet, 'session_request');
    const answer = dapp.request<string>(session.topic, 1, 'personal_sign', ['0x68656c6c6f', ACCOUNT]);
    const request: SessionRequest = await requested;
    expect(request.params.request).toMatchObject({
      method: 'personal_sign',
      params: ['0x68656c6c6f', ACCOUNT],
    });
    expect(request.params.chainId).toBe('eip155:1');
    expect(request.verifyContext.verified.validation).toBe('VALID');
    await wallet.respondSessionRequest({
      topic: request.topic,
      response: { id: request.id, jsonrpc: '2.0', result: '0x5151' },
    });
    await expect(answer).resolves.toBe('0x5151');

    // Both session publish methods went through the double, each envelope under the tag the SDK gives it.
    expect(relay.calls('wc_proposeSession')).toBeGreaterThan(0);
    expect(relay.calls('wc_approveSession')).toBeGreaterThan(0);
    const tags = relay.published().map((m) => m.tag);
    expect(tags).toEqual(expect.arrayContaining([1100, 1101, 1102, 1108, 1109]));
  });

  it('brings a rejection to the dApp with its code', async () => {
    const { dapp, approval, proposal } = await connected();
    await approve(proposal);
    const session = await approval;
    const requested = next(wallet, 'session_request');
    const answer = dapp.request(session.topic, 1, 'eth_sendTransaction', [{ from: ACCOUNT, to: ACCOUNT }]);
    const request = await requested;
    await wallet.respondSessionRequest({
      topic: request.topic,
      response: {
        id: request.id,
        jsonrpc: '2.0',
        error: { code: 4001, message: 'User rejected the request.' },
      },
    });
    await expect(answer).rejects.toMatchObject({ code: 4001, message: 'User rejected the request.' });
  });

  it('shows a disconnect from either side to the other', async () => {
    const first = await connected();
    await approve(first.proposal);
    const fromWallet = await first.approval;
    const seenByDapp = once(first.dapp.events, 'session_delete');
    await wallet.disconnectSession({ topic: fromWallet.topic, reason: getSdkError('USER_DISCONNECTED') });
    expect(await seenByDapp).toEqual([{ topic: fromWallet.topic }]);

    const second = await connected();
    await approve(second.proposal);
    const fromDapp = await second.approval;
    const seenByWallet = next(wallet, 'session_delete');
    await second.dapp.disconnect(fromDapp.topic);
    expect(await seenByWallet).toMatchObject({ topic: fromDapp.topic });
    expect(Object.keys(wallet.getActiveSessions())).not.toContain(fromDapp.topic);
  });

  it('tells the wallet when a page is on another origin or a known threat, and when nothing was attested', async () => {
    const mismatch = await connected('https://elsewhere.example');
    expect(mismatch.proposal.verifyContext.verified).toMatchObject({
      origin: 'https://elsewhere.example',
      validation: 'INVALID',
    });
    await wallet.rejectSession({ id: mismatch.proposal.id, reason: getSdkError('USER_REJECTED') });
    await expect(mismatch.approval).rejects.toMatchObject({ code: 5000 });

    const threat = await startDapp({ relayUrl: relay.url, projectId: PROJECT_ID, verify, scam: true });
    dapps.push(threat);
    const proposed = next(wallet, 'session_proposal');
    await wallet.pair({ uri: (await threat.connect({ requiredChains: [1] })).uri });
    expect((await proposed).verifyContext.verified).toMatchObject({ validation: 'VALID', isScam: true });

    const unattested = await startDapp({ relayUrl: relay.url, projectId: PROJECT_ID });
    dapps.push(unattested);
    const unknown = next(wallet, 'session_proposal');
    await wallet.pair({ uri: (await unattested.connect({ requiredChains: [1] })).uri });
    expect((await unknown).verifyContext.verified.validation).toBe('UNKNOWN');
  });

  it('survives a relay hiccup: clients resubscribe in a batch and traffic flows again', async () => {
    const { dapp, approval, proposal } = await connected();
    await approve(proposal);
    const session = await approval;
    const batchesBefore = relay.calls('irn_batchSubscribe');
    relay.dropConnections();
    // A request sent into the dying socket waits for core's publish retry (seconds); wait for both to be back.
    await vi.waitFor(
      () => expect(relay.calls('irn_batchSubscribe')).toBeGreaterThanOrEqual(batchesBefore + 2),
      {
        timeout: 5000,
      },
    );

    const requested = next(wallet, 'session_request');
    const answer = dapp.request<string>(session.topic, 1, 'eth_chainId', []);
    const request = await requested;
    await wallet.respondSessionRequest({
      topic: request.topic,
      response: { id: request.id, jsonrpc: '2.0', result: '0x1' },
    });
    await expect(answer).resolves.toBe('0x1');
  });

  it('made no call off the loopback', () => {
    expect(network.attempts).toEqual([]);
    expect(verify.lookups()).toBeGreaterThan(0);
  });
});

describe('the relay double on a raw socket', () => {
  let relay: RelayDouble;

  beforeAll(async () => {
    relay = await startRelayDouble();
  });

  afterAll(async () => {
    await relay?.close();
  });

  it('answers malformed JSON-RPC with errors and keeps the socket usable', async () => {
    const { socket, exchange, call } = await rawSocket(relay.url);
    expect(await exchange('{not json')).toMatchObject({ id: null, error: { code: -32700 } });
    expect(await exchange('[1,2]')).toMatchObject({ error: { code: -32600 } });
    expect(await call(1, 'irn_nope', {})).toMatchObject({ id: 1, error: { code: -32601 } });
    expect(await call(2, 'irn_subscribe', { topic: 'x' })).toMatchObject({ id: 2, error: { code: -32602 } });
    expect(await call(3, 'irn_publish', { topic: TOPIC, message: 'm', ttl: -1 })).toMatchObject({
      error: { code: -32602, message: 'Invalid params: ttl' },
    });
    expect(await call(4, 'irn_subscribe', { topic: TOPIC })).toMatchObject({
      id: 4,
      result: expect.any(String),
    });
    socket.close();
  });

  it('closes a socket that sends an oversized frame, and only that one', async () => {
    const greedy = await rawSocket(relay.url);
    const closed = once(greedy.socket, 'close');
    greedy.socket.send('x'.repeat(300 * 1024));
    expect((await closed)[0]).toBe(1009);
    const { socket, call } = await rawSocket(relay.url);
    expect(await call(1, 'irn_subscribe', { topic: TOPIC })).toMatchObject({ result: expect.any(String) });
    socket.close();
  });

  it('holds what was published before anyone subscribed, and hands it out by batch fetch', async () => {
    const publisher = await rawSocket(relay.url);
    for (const [id, message] of [
      [1, 'first'],
      [2, 'second'],
    ] as const) {
      const messages = [{ topic: TOPIC, message, ttl: 300, tag: 4 }];
      expect(await publisher.call(id, 'irn_batchPublish', { messages })).toMatchObject({ result: true });
    }

    const reader = await rawSocket(relay.url);
    expect(await reader.call(3, 'irn_batchFetchMessages', { topics: [TOPIC] })).toMatchObject({
      result: {
        hasMore: false,
        messages: [
          { topic: TOPIC, message: 'first', tag: 4 },
          { topic: TOPIC, message: 'second', tag: 4 },
        ],
      },
    });
    expect(await reader.call(4, 'irn_batchFetchMessages', { topics: [TOPIC] })).toMatchObject({
      result: { messages: [], hasMore: false },
    });
    const subscriptions = [{ topic: TOPIC, id: 'x' }];
    expect(await reader.call(5, 'irn_batchUnsubscribe', { subscriptions })).toMatchObject({ result: true });
    publisher.socket.close();
    reader.socket.close();
  });

  it('refuses a connection without a project id, and every connection while refusing', async () => {
    const anonymous = new NodeWebSocket(`${relay.url}/?auth=${JWT_SHAPED}`);
    const [, response] = (await once(anonymous, 'unexpected-response')) as [unknown, { statusCode: number }];
    expect(response.statusCode).toBe(401);

    relay.refuseConnections(true);
    const refused = new NodeWebSocket(`${relay.url}/?projectId=${PROJECT_ID}&auth=${JWT_SHAPED}`);
    await once(refused, 'error');
    relay.refuseConnections(false);
    const { socket } = await rawSocket(relay.url);
    socket.close();
  });
});
