import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedHidBus } from '../ledger/emulatedHidBus';
import {
  type Desktop,
  leadingFindings,
  memoryKeychain,
  startDesktop,
  TEST_PROJECT_ID,
  useFlowWorld,
  useRelay,
  waitingRequest,
} from './coreHarness';
import { type DappOptions, startDapp, type TestDapp } from './dappClient';
import { VerifyDouble } from './verifyDouble';

/** A watch-only account: the requests here are reviewed and turned down, never signed. */
const WATCHED = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const DAPP_URL = 'https://dapp.example';

/**
 * What WalletConnect Verify says of a dApp reaches the proposal and leads every review of its requests. Verify
 * is answered by the local double: the dApp side registers each message with the page origin the test names,
 * and the desktop resolves it there instead of at verify.walletconnect.org.
 */
describe('WalletConnect Verify, answered locally', () => {
  const verify = new VerifyDouble();
  const world = useFlowWorld('verify');
  let desktop: Desktop;
  let accountId: number;
  const dapps: TestDapp[] = [];
  /** Proposals a test already answered, so the next one finds its own. */
  const handled = new Set<string>();

  async function proposalFrom(page: Pick<DappOptions, 'pageOrigin' | 'scam'>) {
    const dapp = await startDapp({ relayUrl: world.relay.url, projectId: TEST_PROJECT_ID, verify, ...page });
    dapps.push(dapp);
    const { uri, approval } = await dapp.connect({ requiredChains: [1] });
    // Most proposals here are turned down: their rejection is expected, and awaited only where approved.
    approval.catch(() => undefined);
    await desktop.call('walletconnect.pair', { uri });
    const request = await waitingRequest(
      desktop,
      'the proposal',
      (r) => r.detail.type === 'session' && !handled.has(r.id),
    );
    handled.add(request.id);
    return { dapp, approval, request };
  }

  beforeAll(async () => {
    desktop = startDesktop({
      dataDir: world.dataDir,
      keychain: memoryKeychain(),
      bus: new EmulatedHidBus(),
      core: { walletConnect: { verify: verify.wallet } },
    });
    accountId = (await desktop.call('accounts.addWatch', { address: WATCHED, label: 'Watched' })).id;
    await useRelay(desktop, world.relay.url, true);
  });

  afterAll(async () => {
    for (const dapp of dapps) await dapp.close();
    desktop?.close();
  });

  it('shows a dApp on the domain it claims as validated', async () => {
    const { request } = await proposalFrom({ pageOrigin: DAPP_URL });
    expect(request.detail).toMatchObject({ type: 'session', verification: 'validated', url: DAPP_URL });
    expect(request.via).toMatchObject({ kind: 'walletconnect', verification: 'validated' });
    expect(verify.lookups()).toBeGreaterThan(0);
    await desktop.call('dapps.reject', { id: request.id });
  });

  it('shows a dApp on another domain as a mismatch, and the finding leads the review of its requests', async () => {
    const { dapp, approval, request } = await proposalFrom({ pageOrigin: 'https://dapp.example.evil' });
    expect(request.detail).toMatchObject({ type: 'session', verification: 'mismatch' });
    await desktop.call('dapps.approve', { id: request.id, accountIds: [accountId], chainIds: [1] });
    const session = await approval;

    void dapp.request(session.topic, 1, 'personal_sign', ['0x6869', WATCHED]).catch(() => undefined);
    const signing = await waitingRequest(desktop, 'the message', (r) => r.detail.type === 'message');
    expect(signing.via).toMatchObject({ kind: 'walletconnect', verification: 'mismatch' });
    expect(await leadingFindings(desktop, signing.id)).toEqual(['site-origin', 'dapp-domain-mismatch']);
    await desktop.call('dapps.reject', { id: signing.id });
  });

  it('shows a dApp on the scam list as a threat', async () => {
    const { request } = await proposalFrom({ pageOrigin: DAPP_URL, scam: true });
    expect(request.detail).toMatchObject({ type: 'session', verification: 'threat' });
    await desktop.call('dapps.reject', { id: request.id });
  });

  it('looks nothing up with Verify off, and shows every dApp as unverified', async () => {
    await desktop.call('settings.set', { walletConnectVerify: false });
    const lookups = verify.lookups();
    const { request } = await proposalFrom({ pageOrigin: DAPP_URL });
    expect(request.detail).toMatchObject({ type: 'session', verification: 'unknown' });
    expect(verify.lookups()).toBe(lookups);
    await desktop.call('dapps.reject', { id: request.id });
  });

  it('reached nothing beyond this machine', () => {
    expect(world.network.attempts).toEqual([]);
  });
});
