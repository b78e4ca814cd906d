import { afterEach, describe, expect, it } from 'vitest';
import { first, quietLog } from '../../../test/dapps/dappsHarness';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { dappsCalls } from '../../shared/api/calls/dapps';
import { walletConnectCalls } from '../../shared/api/calls/walletConnect';
import { CHAINS } from '../../shared/chains/registry';
import { generateKeyPair } from '../../shared/pairing/noise';
import { createEventHub } from '../api/events';
import type { CoreBase } from '../coreBase';
import { SettingsService } from '../settings/settingsService';
import { toChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { createDappsModule } from './dappsModule';

const SITE = 'https://app.example.org';
const ADDRESS = toChecksumAddress('0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266');

describe('createDappsModule', () => {
  const temp = useTempDatabase('dapps-module-');
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await close?.();
    close = undefined;
  });

  function build() {
    const repositories = createRepositories(temp.db);
    const events = createEventHub();
    const log = quietLog();
    const base = { db: temp.db, repositories, vault: memorySecrets(), events, log } as unknown as CoreBase;
    const settings = new SettingsService(repositories.settings, events, log);
    const module = createDappsModule(base, {
      settings,
      networks: {
        list: () => [...CHAINS],
        chains: { connections: () => [] },
        addCustom: async () => {},
        addToken: async () => {},
      } as never,
      tx: {} as never,
      signers: {} as never,
      desktopKey: async () => generateKeyPair(),
      desktopName: 'Ledgerline test',
      bridgePort: 0,
    });
    close = () => module.close();
    return { module, repositories, events };
  }

  it('handles every dapps.*, browsers.* and walletconnect.* call', () => {
    const { module } = build();
    const channels = [...Object.keys(dappsCalls), ...Object.keys(walletConnectCalls)];
    expect(Object.keys(module.handlers).sort()).toEqual(channels.sort());
  });

  it('leaves WalletConnect off, and says so, until a project id is set', async () => {
    const { module } = build();
    await module.start();
    const view = await module.handlers['walletconnect.view'](undefined, { senderOrigin: 'test' } as never);
    expect(view).toEqual({
      status: { state: 'needs-project-id', relayUrl: 'wss://relay.walletconnect.org', error: null },
      pairing: null,
      sessions: [],
    });
  });

  it('starts the bridge and answers a site through the gateway it handed the bridge', async () => {
    const { module } = build();
    await module.start();
    const status = await module.handlers['browsers.status'](undefined, { senderOrigin: 'test' } as never);
    expect(status.bridge).toMatchObject({ listening: true, error: null });
    expect(status.bridge.port).toBeGreaterThan(0);
    const request = { origin: SITE, method: 'eth_chainId', params: [], browserId: 'b'.repeat(32) };
    expect(await module.dapps.handle(request)).toBe(`0x${(1).toString(16)}`);
  });

  it('an account removed from the wallet leaves the sites it was exposed to', async () => {
    const { module, repositories, events } = build();
    const account = repositories.accounts.add({
      signer: 'watch',
      deviceFingerprint: null,
      derivationScheme: null,
      derivationPath: null,
      address: ADDRESS,
      label: 'Main',
    });
    const answer = module.dapps.handle({
      origin: SITE,
      method: 'eth_requestAccounts',
      params: [],
      browserId: 'b'.repeat(32),
    });
    await new Promise((resolve) => setTimeout(resolve, 0));
    await module.dapps.approve({ id: first(module.dapps.requests()).id, accountIds: [account.id] });
    expect(await answer).toEqual([ADDRESS.toLowerCase()]);
    repositories.accounts.remove(account.id);
    events.emit('accounts.changed', repositories.accounts.list());
    expect(module.dapps.sites()).toEqual([]);
  });
});
