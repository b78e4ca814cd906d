import type { SessionTypes } from '@walletconnect/types';
import QRCode from 'qrcode';
import { verifyMessage } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  anvilCall,
  chainBalances,
  fixtureAddress,
  setNativeBalances,
  waitForReceipt,
} from '../anvil/chainSetup';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { EmulatedHidBus } from '../ledger/emulatedHidBus';
import { LedgerEmulator } from '../ledger/ledgerEmulator';
import {
  addLedgerAccount,
  CallFailed,
  type Desktop,
  leadingFindings,
  memoryKeychain,
  startDesktop,
  TEST_PROJECT_ID,
  useFlowWorld,
  useRelay,
  waitFor,
  waitingRequest,
} from './coreHarness';
import { startDapp, type TestDapp } from './dappClient';
import { searchForKey } from './flowsKeySearch';

/** The emulated Ledger's first Ledger Live account (the public test mnemonic). */
const LEDGER_MAIN = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const FRIEND = fixtureAddress('walletconnect-flow', 'friend');
const CHAIN = 1;
const DAPP_URL = 'https://dapp.example';

/** The dApp's pairing URI as its QR code, a PNG as a screenshot of it would be. */
const qrPng = (uri: string) => QRCode.toBuffer(uri, { type: 'png', margin: 4, scale: 6 });

/** The error a sign-client request rejects with: the JSON-RPC error the wallet answered. */
async function rejection(answer: Promise<unknown>): Promise<{ code?: unknown; message?: unknown }> {
  try {
    await answer;
  } catch (error) {
    return error as { code?: unknown; message?: unknown };
  }
  throw new Error('the request was answered, not refused');
}

/**
 * The Done-when flows of WalletConnect (issue 19) against the real core: a real sign-client dApp on the relay
 * double, the emulated Ledger, anvil. They run in order, each on the session the first one opened. Verify is
 * off here (a dApp in Node has no page for Verify to attest); verify.flow.test.ts turns it on with the local
 * double.
 */
describe('WalletConnect flows against the real core', () => {
  const nodes = useAnvilChains([CHAIN]);
  const rpcUrl = () => nodes[0]?.url as string;
  const bus = new EmulatedHidBus();
  bus.plug('emulated-ledger', new LedgerEmulator({ model: 'Nano X' }));
  const keychain = memoryKeychain();
  /** The system clipboard as main reads it (Electron's in the app): what the user copied last. */
  const clipboard = { image: null as Uint8Array | null, text: '' };
  const world = useFlowWorld('session');
  let desktop: Desktop;
  let dapp: TestDapp;
  let accountId: number;
  let session: SessionTypes.Struct;
  let pairingSymKey: string;

  const view = () => desktop.call('walletconnect.view');
  const start = () =>
    startDesktop({
      dataDir: world.dataDir,
      keychain,
      bus,
      core: { clipboard: { readImage: async () => clipboard.image, readText: async () => clipboard.text } },
    });

  /** Pairs the dApp and approves its proposal with the Ledger account on CHAIN, as the sheet does. */
  async function connect() {
    const { uri, approval } = await dapp.connect({ requiredChains: [CHAIN] });
    pairingSymKey = new URL(uri).searchParams.get('symKey') ?? '';
    await desktop.call('walletconnect.pair', { uri });
    const proposal = await waitingRequest(desktop, 'the proposal', (r) => r.detail.type === 'session');
    await desktop.call('dapps.approve', { id: proposal.id, accountIds: [accountId], chainIds: [CHAIN] });
    return { proposal, session: await approval };
  }

  beforeAll(async () => {
    desktop = start();
    await setNativeBalances(rpcUrl(), [[LEDGER_MAIN, 10n ** 19n]]);
    accountId = await addLedgerAccount(desktop, CHAIN, rpcUrl());
    await useRelay(desktop, world.relay.url);
    dapp = await startDapp({ relayUrl: world.relay.url, projectId: TEST_PROJECT_ID });
  }, 60_000);

  afterAll(async () => {
    await dapp?.close();
    desktop?.close();
  });

  it('pairs by URI, and the approved session gives the dApp the granted account', async () => {
    const connected = await connect();
    session = connected.session;
    expect(connected.proposal).toMatchObject({
      origin: DAPP_URL,
      via: { kind: 'walletconnect', topic: null, name: 'Test dApp', verification: 'unknown' },
      detail: { type: 'session', name: 'Test dApp', url: DAPP_URL, verification: 'unknown' },
    });
    // sign-client 2.25 sends every chain as optional (dappClient.ts): the wallet sees chain 1 asked for.
    const { detail } = connected.proposal;
    if (detail.type !== 'session') throw new Error(`a session proposal was expected, got ${detail.type}`);
    expect([...detail.requiredChainIds, ...detail.optionalChainIds]).toContain(CHAIN);
    // CAIP-10 leaves the address's case to the wallet.
    const granted = session.namespaces.eip155?.accounts.map((account) => account.toLowerCase());
    expect(granted).toEqual([`eip155:${CHAIN}:${LEDGER_MAIN.toLowerCase()}`]);
    const listed = (await view()).sessions.find((s) => s.topic === session.topic);
    expect(listed).toMatchObject({
      name: 'Test dApp',
      origin: DAPP_URL,
      verification: 'unknown',
      accounts: [{ accountId, address: LEDGER_MAIN }],
      chains: [{ chainId: CHAIN }],
      pending: 0,
    });
  });

  it('sends a transaction the dApp asked for, signed on the emulated Ledger and mined on anvil', async () => {
    const [before] = await chainBalances(rpcUrl(), [[FRIEND, 'native']]);
    const sending = dapp.request<string>(session.topic, CHAIN, 'eth_sendTransaction', [
      { from: LEDGER_MAIN, to: FRIEND, value: '0x2386f26fc10000' },
    ]);
    const request = await waitingRequest(desktop, 'the transaction', (r) => r.detail.type === 'transaction');
    expect(request.via).toMatchObject({ kind: 'walletconnect', topic: session.topic, name: 'Test dApp' });
    const review = await desktop.call('dapps.review', { id: request.id });
    expect(review.type).toBe('transaction');
    await desktop.call('dapps.approve', { id: request.id });
    const hash = await sending;
    expect((await waitForReceipt(rpcUrl(), hash)).status).toBe('0x1');
    const sent = (await anvilCall(rpcUrl(), 'eth_getTransactionByHash', [hash])) as {
      from: string;
      to: string;
    };
    expect(sent).toMatchObject({ from: LEDGER_MAIN.toLowerCase(), to: FRIEND.toLowerCase() });
    expect(await chainBalances(rpcUrl(), [[FRIEND, 'native']])).toEqual([(before ?? 0n) + 10n ** 16n]);
  });

  it('answers personal_sign with a signature that verifies against the account', async () => {
    const message = 'Sign in to Test dApp\nNonce: 7c1e';
    const signing = dapp.request<`0x${string}`>(session.topic, CHAIN, 'personal_sign', [
      `0x${Buffer.from(message).toString('hex')}`,
      LEDGER_MAIN,
    ]);
    const request = await waitingRequest(desktop, 'the message', (r) => r.detail.type === 'message');
    // Verify is off: the dApp's claimed domain is unconfirmed, said right after how the request came.
    expect(await leadingFindings(desktop, request.id)).toEqual(['site-origin', 'dapp-unverified']);
    await desktop.call('dapps.approve', { id: request.id });
    expect(await verifyMessage({ address: LEDGER_MAIN, message, signature: await signing })).toBe(true);
  });

  it('answers a request the user rejects with 4001', async () => {
    const signing = dapp.request(session.topic, CHAIN, 'personal_sign', ['0x6869', LEDGER_MAIN]);
    const request = await waitingRequest(desktop, 'the message', (r) => r.detail.type === 'message');
    await desktop.call('dapps.reject', { id: request.id });
    expect(await rejection(signing)).toMatchObject({ code: 4001 });
  });

  it('keeps neither the session key nor the pairing key anywhere in the data directory', () => {
    const sessionKey = dapp.client.core.crypto.keychain.get(session.topic);
    expect(sessionKey).toMatch(/^[0-9a-f]{64}$/);
    expect(pairingSymKey).toMatch(/^[0-9a-f]{64}$/);
    expect(searchForKey(world.dataDir, sessionKey)).toEqual([]);
    expect(searchForKey(world.dataDir, pairingSymKey)).toEqual([]);
  });

  it('after a desktop restart, finds the session again and answers its next request', async () => {
    desktop.close();
    desktop = start();
    await waitFor('the relay link', async () => (await view()).status.state === 'online');
    expect((await view()).sessions.map((s) => s.topic)).toEqual([session.topic]);

    const message = 'After the restart';
    const signing = dapp.request<`0x${string}`>(session.topic, CHAIN, 'personal_sign', [
      `0x${Buffer.from(message).toString('hex')}`,
      LEDGER_MAIN,
    ]);
    const request = await waitingRequest(desktop, 'the message', (r) => r.detail.type === 'message');
    await desktop.call('dapps.approve', { id: request.id });
    // The answer is sealed with the session key, which the new core had to read back; and it is nowhere in
    // the data directory in plaintext, so it came back from the vault.
    expect(await verifyMessage({ address: LEDGER_MAIN, message, signature: await signing })).toBe(true);
    expect(searchForKey(world.dataDir, dapp.client.core.crypto.keychain.get(session.topic))).toEqual([]);
  });

  it('drops a session the dApp deletes at once, and answers its waiting request', async () => {
    void dapp.request(session.topic, CHAIN, 'personal_sign', ['0x6869', LEDGER_MAIN]).catch(() => undefined);
    const waiting = await waitingRequest(desktop, 'the message', (r) => r.detail.type === 'message');
    await dapp.disconnect(session.topic);
    await waitFor(
      'the session to go',
      async () => !(await view()).sessions.some((s) => s.topic === session.topic),
      2_000,
    );
    await waitFor(
      'the waiting request to be answered',
      async () => !(await desktop.call('dapps.requests')).some((r) => r.id === waiting.id),
      2_000,
    );
  });

  it('ends a session the user disconnects on the dApp side too', async () => {
    ({ session } = await connect());
    const deleted = new Promise<{ topic: string }>((resolve) => dapp.events.once('session_delete', resolve));
    const after = await desktop.call('walletconnect.disconnect', { topic: session.topic });
    expect(after.sessions.some((s) => s.topic === session.topic)).toBe(false);
    expect(await deleted).toEqual({ topic: session.topic });
    expect(dapp.client.session.keys).not.toContain(session.topic);
  });

  /** Has the dApp propose through `pair`, rejects the proposal as the user does, and returns what the dApp got. */
  async function proposeAndReject(pair: (uri: string) => Promise<unknown>) {
    const { uri, approval } = await dapp.connect({ requiredChains: [CHAIN] });
    const refused = approval.then(
      () => null,
      (error: unknown) => error,
    );
    await pair(uri);
    const proposal = await waitingRequest(desktop, 'the proposal', (r) => r.detail.type === 'session');
    await desktop.call('dapps.reject', { id: proposal.id });
    return { proposal, refused: await refused };
  }

  it('pairs from a QR code in an image, and tells the dApp when the user turns its proposal down', async () => {
    const { proposal, refused } = await proposeAndReject(async (uri) =>
      desktop.call('walletconnect.pairImage', { png: (await qrPng(uri)).toString('base64') }),
    );
    expect(refused).toMatchObject({ code: 5000 });
    await expect(
      desktop.call('dapps.approve', { id: proposal.id, accountIds: [accountId], chainIds: [CHAIN] }),
    ).rejects.toBeInstanceOf(CallFailed);
  });

  it('pairs from a QR code on the clipboard, read in main', async () => {
    const { refused } = await proposeAndReject(async (uri) => {
      clipboard.image = new Uint8Array(await qrPng(uri));
      return desktop.call('walletconnect.pairClipboard');
    });
    expect(refused).toMatchObject({ code: 5000 });
  });

  it('reached nothing beyond this machine', () => {
    expect(world.network.attempts).toEqual([]);
  });
});
