import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatedHidBus } from '../ledger/emulatedHidBus';
import {
  CallFailed,
  type Desktop,
  memoryKeychain,
  startDesktop,
  TEST_PROJECT_ID,
  useFlowWorld,
  useRelay,
  waitFor,
  waitingRequest,
} from './coreHarness';
import { startDapp, type TestDapp } from './dappClient';

/** What a refusal told the user: words, not a stack or a code path. */
function inWords(text: string | null | undefined): string {
  expect(text).toMatch(/^[A-Z].{10,}/);
  expect(text).not.toMatch(/\n\s+at |\/src\/|\.ts:\d|undefined|\[object /);
  return text as string;
}

/** The answer, or a failure naming the wait: a refusal the user waits on forever is no refusal. */
function answeredWithin<T>(ms: number, answer: Promise<T>): Promise<T> {
  return Promise.race([
    answer,
    new Promise<never>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref(),
    ),
  ]);
}

/**
 * Without a project id, and without the relay, WalletConnect says so in words instead of failing somewhere
 * else. Verify is off: nothing here is a dApp's page to attest.
 */
describe('WalletConnect without a project id, and with the relay out of reach', () => {
  const world = useFlowWorld('relay');
  let desktop: Desktop;
  let dapp: TestDapp;
  const view = () => desktop.call('walletconnect.view');

  beforeAll(async () => {
    desktop = startDesktop({ dataDir: world.dataDir, keychain: memoryKeychain(), bus: new EmulatedHidBus() });
    dapp = await startDapp({ relayUrl: world.relay.url, projectId: TEST_PROJECT_ID });
  });

  afterAll(async () => {
    await dapp?.close();
    desktop?.close();
  });

  it('stays off until there is a project id, and says so when asked to pair', async () => {
    expect((await view()).status).toMatchObject({ state: 'needs-project-id' });
    const { uri } = await dapp.connect({ requiredChains: [1] });
    const refusal = await desktop.call('walletconnect.pair', { uri }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CallFailed);
    expect(inWords((refusal as CallFailed).failure.message)).toMatch(/project id/i);
  });

  it('goes offline with a sentence when the relay cannot be reached, and refuses to pair in words', async () => {
    await useRelay(desktop, world.relay.url);
    const { uri } = await dapp.connect({ requiredChains: [1] });
    world.relay.refuseConnections(true);
    let last: unknown;
    const status = await waitFor('the offline status', async () => {
      const { status: now } = await view();
      last = now;
      return now.state === 'offline' && now;
    }).catch((error: unknown) => {
      throw new Error(`${String(error)}; the status stayed ${JSON.stringify(last)}`);
    });
    inWords(status.error);
    const refusal = await answeredWithin(
      10_000,
      desktop.call('walletconnect.pair', { uri }).catch((error: unknown) => error),
    );
    expect(refusal).toBeInstanceOf(CallFailed);
    inWords((refusal as CallFailed).failure.message);
  });

  it('comes back online when the relay does, and pairs again', async () => {
    world.relay.refuseConnections(false);
    await waitFor('the relay link', async () => (await view()).status.state === 'online', 30_000);
    expect((await view()).status.error).toBeNull();
    const { uri, approval } = await dapp.connect({ requiredChains: [1] });
    approval.catch(() => undefined);
    await desktop.call('walletconnect.pair', { uri });
    const proposal = await waitingRequest(desktop, 'the proposal', (r) => r.detail.type === 'session');
    await desktop.call('dapps.reject', { id: proposal.id });
    await expect(approval).rejects.toMatchObject({ code: 5000 });
  });

  it('reached nothing beyond this machine', () => {
    expect(world.network.attempts).toEqual([]);
  });
});
