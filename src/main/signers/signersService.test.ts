import { txReviewFixture } from '../../../test/tx/txReviewFixture';
import { Transaction, verifyMessage } from 'ethers';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anvilCall, sendAndMine } from '../../../test/anvil/chainSetup';
import { localChain } from '../../../test/anvil/portfolioFixture';
import { useAnvilChains } from '../../../test/anvil/useAnvilChains';
import { deployMulticall3 } from '../../../test/anvil/chainSetup';
import { EmulatedHidBus } from '../../../test/ledger/emulatedHidBus';
import { expectedAddress } from '../../../test/signing/fixtures';
import { LedgerEmulator, SW } from '../../../test/ledger/ledgerEmulator';
import { TrezorConnectFake } from '../../../test/trezor/trezorFake';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import type { EventName, EventPayload } from '../../shared/api/contract';
import type { DeviceState, DeviceView, SigningRequestView } from '../../shared/devices';
import { createEventHub } from '../api/events';
import { ChainsService } from '../chains/chainsService';
import { createLogger } from '../log';
import type { ChecksumAddress } from '../store/address';
import { createRepositories } from '../store/repositories';
import { LedgerDeviceSource } from './ledger/ledgerDeviceSource';
import { SignersService } from './signersService';
import { TrezorDeviceSource } from './trezor/trezorDeviceSource';
import type { UnsignedTransaction } from './signer';

const CHAIN_ID = 1;
const nodes = useAnvilChains([CHAIN_ID]);
const temp = useTempDatabase('signers-');

const path = {
  live: (i: number) => `m/44'/60'/${i}'/0/0`,
  bip44: (i: number) => `m/44'/60'/0'/0/${i}`,
  legacy: (i: number) => `m/44'/60'/0'/${i}`,
};

beforeAll(async () => {
  const url = nodes[0]?.url as string;
  await deployMulticall3(url);
  // Used: Ledger Live 0 and BIP44 1 hold ether; Ledger Live 1 has sent a transaction and holds nothing.
  for (const funded of [path.live(0), path.bip44(1), path.legacy(0)]) {
    await anvilCall(url, 'anvil_setBalance', [expectedAddress(funded), '0xde0b6b3a7640000']);
  }
  const spender = expectedAddress(path.live(1));
  await anvilCall(url, 'anvil_setBalance', [spender, '0xde0b6b3a7640000']);
  await anvilCall(url, 'anvil_impersonateAccount', [spender]);
  await sendAndMine(url, { from: spender, to: spender, value: '0x0' });
  await anvilCall(url, 'anvil_setBalance', [spender, '0x0']);
  await anvilCall(url, 'evm_mine');
});

interface Harness {
  service: SignersService;
  emulator: LedgerEmulator;
  bus: EmulatedHidBus;
  repositories: ReturnType<typeof createRepositories>;
  devices: DeviceView[][];
  requests: SigningRequestView[];
  device(): DeviceView;
  ready(): Promise<DeviceView>;
}

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((entry) => entry.close()));
});

async function harness(emulator = new LedgerEmulator()): Promise<Harness> {
  const repositories = createRepositories(temp.db);
  const events = createEventHub();
  const devices: DeviceView[][] = [];
  const requests: SigningRequestView[] = [];
  events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
    if (name === 'devices.changed') devices.push(payload as DeviceView[]);
    if (name === 'signing.request') requests.push(structuredClone(payload as SigningRequestView));
  });
  const chains = new ChainsService({
    db: temp.db,
    chains: [localChain(CHAIN_ID, nodes[0]?.url as string)],
    accounts: () => [],
    log: createLogger('chains', () => {}),
  });
  const bus = new EmulatedHidBus();
  const service = new SignersService({
    db: temp.db,
    repositories,
    sources: [new LedgerDeviceSource(bus)],
    activity: (addresses) => chains.activity(addresses),
    events,
    log: createLogger('signers', () => {}),
    recheckMs: 0,
  });
  running.push({ close: async () => (await service.stop(), chains.close()) });
  await service.start();
  bus.plug('hid-1', emulator);
  const device = () => service.list()[0] as DeviceView;
  const ready = async () => {
    await expect.poll(() => device()?.state).toBe('ready');
    return device();
  };
  return { service, emulator, bus, repositories, devices, requests, device, ready };
}

async function withAccounts(h: Harness) {
  const { id } = await h.ready();
  return h.service.addAccounts({
    deviceId: id,
    accounts: [
      { scheme: 'ledger-live', index: 0, label: 'Main' },
      { scheme: 'bip44', index: 1 },
    ],
  });
}

describe('SignersService with the Ledger emulator', () => {
  it('shows a plugged-in Ledger as ready, with its app and seed fingerprint, and remembers it', async () => {
    const h = await harness();
    const device = await h.ready();
    expect(device).toMatchObject({
      kind: 'ledger',
      model: 'Nano S Plus',
      connected: true,
      app: { name: 'Ethereum', version: '1.13.0' },
      blindSigning: false,
      fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    expect(h.repositories.devices.get(device.fingerprint as string)).toMatchObject({ kind: 'ledger' });
    expect(h.devices.at(-1)?.[0]?.state).toBe('ready');

    h.bus.unplug('hid-1');
    expect(h.service.list()).toEqual([
      expect.objectContaining({ connected: false, state: 'disconnected', fingerprint: device.fingerprint }),
    ]);
  });

  it('discovers accounts on all three schemes, stopping after the first unused one as Ledger Live does', async () => {
    const h = await harness();
    const { id } = await h.ready();
    const scan = async (scheme: 'ledger-live' | 'bip44' | 'legacy') =>
      h.service.discover({ deviceId: id, scheme, start: 0, count: 20 });

    const live = await scan('ledger-live');
    expect(live.accounts.map((a) => [a.index, a.address, a.used])).toEqual([
      [0, expectedAddress(path.live(0)), true],
      [1, expectedAddress(path.live(1)), true],
      [2, expectedAddress(path.live(2)), false],
    ]);
    expect(live.next).toBe(3);
    expect(live.accounts[0]).toMatchObject({
      balances: [{ chainId: CHAIN_ID, amount: '1000000000000000000' }],
    });

    const bip44 = await scan('bip44');
    expect(bip44.accounts.map((a) => [a.index, a.path, a.address, a.used])).toEqual([
      [1, path.bip44(1), expectedAddress(path.bip44(1)), true],
      [2, path.bip44(2), expectedAddress(path.bip44(2)), false],
    ]);
    const legacy = await scan('legacy');
    expect(legacy.accounts.map((a) => [a.address, a.used])).toEqual([
      [expectedAddress(path.legacy(0)), true],
      [expectedAddress(path.legacy(1)), false],
    ]);

    const all = await h.service.discover({ deviceId: id, scheme: 'legacy', start: 0, count: 20, all: true });
    expect(all.accounts.map((a) => a.address)).toEqual(
      Array.from({ length: 20 }, (_, i) => expectedAddress(path.legacy(i))),
    );
    expect(all.accounts.every((a) => a.unreadChains.length === 0)).toBe(true);
  });

  it('adds accounts from two schemes, which discovery then marks as added', async () => {
    const h = await harness();
    const added = await withAccounts(h);
    const fingerprint = h.device().fingerprint;
    expect(added).toEqual([
      expect.objectContaining({
        signer: 'ledger',
        deviceFingerprint: fingerprint,
        derivationScheme: 'ledger-live',
        derivationPath: path.live(0),
        address: expectedAddress(path.live(0)),
        label: 'Main',
      }),
      expect.objectContaining({ derivationScheme: 'bip44', address: expectedAddress(path.bip44(1)) }),
    ]);
    const page = await h.service.discover({
      deviceId: h.device().id,
      scheme: 'ledger-live',
      start: 0,
      count: 2,
    });
    expect(page.accounts.map((a) => a.accountId)).toEqual([added[0]?.id, null]);
    expect(h.device().accounts).toBe(2);
    await expect(
      h.service.addAccounts({ deviceId: h.device().id, accounts: [{ scheme: 'bip44', index: 0 }] }),
    ).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('signs a personal message that recovers to the account, names the device, and records it', async () => {
    const h = await harness();
    const [account] = await withAccounts(h);
    const result = await h.service.signMessage(account?.id as number, 'Sign in to Ledgerline');
    expect(verifyMessage('Sign in to Ledgerline', result.signature)).toBe(account?.address);
    expect(result).toMatchObject({
      address: account?.address,
      mode: 'clear',
      signer: { kind: 'ledger', label: 'Nano S Plus', fingerprint: h.device().fingerprint },
    });
    expect(h.requests.map((r) => r.status)).toEqual(['queued', 'awaiting_confirmation', 'done']);
    expect(h.requests[0]).toMatchObject({
      action: 'message',
      signer: { kind: 'ledger', label: 'Nano S Plus', model: 'Nano S Plus' },
      check: [{ label: 'Message', value: 'Sign in to Ledgerline' }, expect.anything()],
    });
    const { hashMessage } = await import('ethers');
    expect(h.repositories.signatures.byDigest(hashMessage('Sign in to Ledgerline'))).toEqual([
      expect.objectContaining({
        signer: 'ledger',
        kind: 'message',
        deviceFingerprint: h.device().fingerprint,
      }),
    ]);
  });

  it('signs a message’s raw bytes as sent, showing text when they are text and hex otherwise', async () => {
    const h = await harness();
    const [account] = await withAccounts(h);
    const hash = new Uint8Array(32).fill(0xee);
    const result = await h.service.signMessage(account?.id as number, hash);
    expect(verifyMessage(hash, result.signature)).toBe(account?.address);
    expect(h.requests[0]?.check[0]).toEqual({ label: 'Message', value: `0x${'ee'.repeat(32)}` });
    const text = new TextEncoder().encode('Sign in');
    expect(
      verifyMessage('Sign in', (await h.service.signMessage(account?.id as number, text)).signature),
    ).toBe(account?.address);
    expect(h.requests.at(-1)?.check[0]).toEqual({ label: 'Message', value: 'Sign in' });
  });

  it('signs EIP-1559 and legacy transactions (chain id above 255) that recover to the account', async () => {
    const h = await harness();
    const [account] = await withAccounts(h);
    const base = {
      nonce: 7,
      to: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
      value: 10n ** 16n,
      data: '0x',
      gasLimit: 21_000n,
    };
    const transactions: UnsignedTransaction[] = [
      { ...base, type: 2, chainId: 1n, maxFeePerGas: 30_000_000_000n, maxPriorityFeePerGas: 1_000_000_000n },
      { ...base, type: 0, chainId: 11155111n, gasPrice: 3_000_000_000n },
      { ...base, type: 0, chainId: 1n, gasPrice: 3_000_000_000n },
    ];
    for (const transaction of transactions) {
      const signed = await h.service.signTransaction(account?.id as number, transaction, txReviewFixture());
      const parsed = Transaction.from(signed.serialized);
      expect(parsed.from).toBe(account?.address);
      expect(parsed.chainId).toBe(transaction.chainId);
      expect(h.repositories.signatures.byDigest(signed.hash)).toEqual([
        expect.objectContaining({ kind: 'transaction', chainId: Number(transaction.chainId) }),
      ]);
    }
    // What to compare with the device: the coin and the network by name where the registry knows them.
    const checks = h.requests.filter((r) => r.status === 'queued').map((r) => r.check);
    expect(checks[0]).toEqual([
      { label: 'To', value: base.to },
      { label: 'Amount', value: '0.01 ETH' },
      { label: 'Chain', value: 'Ethereum (1)' },
      { label: 'Nonce', value: '7' },
    ]);
    expect(checks[1]).toContainEqual({ label: 'Chain', value: '11155111' });
    expect(checks[1]).toContainEqual({ label: 'Amount', value: '0.01' });
  });

  describe('every failure reaches the renderer as its own state, and the queue carries on', () => {
    const cases: [string, DeviceState, (e: LedgerEmulator) => () => void][] = [
      ['a locked device', 'locked', (e) => (e.lock(SW.LOCKED), () => e.unlock())],
      ['an older lock screen', 'locked', (e) => (e.lock(0x6982), () => e.unlock())],
      ['a rejection on the device', 'rejected', (e) => ((e.answer = 'reject'), () => (e.answer = 'approve'))],
      [
        'a rejection on newer firmware',
        'rejected',
        (e) => ((e.answer = 'reject'), (e.rejectStatus = 0x5501), () => (e.answer = 'approve')),
      ],
      [
        'the dashboard instead of the app',
        'app_closed',
        (e) => {
          const app = e.app;
          e.app = { name: 'BOLOS', version: '2.1.0' };
          return () => (e.app = app);
        },
      ],
      [
        'another app',
        'wrong_app',
        (e) => {
          const app = e.app;
          e.app = { name: 'Bitcoin', version: '2.1.0' };
          return () => (e.app = app);
        },
      ],
      ['the lock screen of older firmware', 'locked', (e) => (e.lock(SW.LOCKED_OLDER), () => e.unlock())],
      [
        'the dashboard of recent firmware',
        'app_closed',
        (e) => (e.failNext(SW.NO_APP_OPEN), () => undefined),
      ],
      [
        'an unplug in the middle of the exchange',
        'disconnected',
        (e) => (e.unplugDuringExchange(1), () => e.replug()),
      ],
    ];

    it.each(cases)('%s', async (_, state, breakDevice) => {
      const h = await harness();
      const [account] = await withAccounts(h);
      const accountId = account?.id as number;
      const repair = breakDevice(h.emulator);
      await expect(h.service.signMessage(accountId, 'hello')).rejects.toMatchObject({
        state,
        message: expect.any(String),
      });
      expect(h.requests.at(-1)).toMatchObject({ status: 'failed', error: { state } });
      expect(h.devices.flat().some((device) => device.state === state)).toBe(true);

      repair();
      if (state === 'disconnected') {
        h.bus.unplug('hid-1');
        h.emulator.replug();
        h.bus.plug('hid-1', h.emulator);
        await h.ready();
      }
      const signed = await h.service.signMessage(accountId, 'hello again');
      expect(verifyMessage('hello again', signed.signature)).toBe(account?.address);
      const page = await h.service.discover({ deviceId: h.device().id, scheme: 'bip44', start: 0, count: 1 });
      expect(page.accounts[0]?.accountId).toBe(h.repositories.accounts.list()[1]?.id);
    });

    it('a rejection leaves discovery and adding accounts open', async () => {
      const h = await harness();
      const [account] = await withAccounts(h);
      h.emulator.answer = 'reject';
      await expect(h.service.signMessage(account?.id as number, 'no')).rejects.toMatchObject({
        state: 'rejected',
      });
      expect(h.device().state).toBe('rejected');
      h.emulator.answer = 'approve';
      const page = await h.service.discover({
        deviceId: h.device().id,
        scheme: 'legacy',
        start: 0,
        count: 1,
      });
      expect(page.accounts).toHaveLength(1);
    });

    it('a transaction with contract data while blind signing is off', async () => {
      const h = await harness();
      const [account] = await withAccounts(h);
      const transaction: UnsignedTransaction = {
        type: 2,
        chainId: 1n,
        nonce: 0,
        to: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
        value: 0n,
        data: '0xa9059cbb',
        gasLimit: 60_000n,
        maxFeePerGas: 30_000_000_000n,
        maxPriorityFeePerGas: 1_000_000_000n,
      };
      await expect(
        h.service.signTransaction(account?.id as number, transaction, txReviewFixture()),
      ).rejects.toMatchObject({
        state: 'blind_signing_required',
      });
      expect(h.device().state).toBe('blind_signing_required');
      h.emulator.blindSigning = true;
      const signed = await h.service.signTransaction(account?.id as number, transaction, txReviewFixture());
      expect(Transaction.from(signed.serialized).from).toBe(account?.address);
    });
  });

  it('verifies an address on the device screen, and reports a rejection there as not confirmed', async () => {
    const h = await harness();
    const [account] = await withAccounts(h);
    expect(await h.service.verifyAddress(account?.id as number)).toEqual({
      address: account?.address,
      confirmed: true,
    });
    h.emulator.answer = 'reject';
    expect(await h.service.verifyAddress(account?.id as number)).toEqual({
      address: account?.address,
      confirmed: false,
    });
  });

  it('refuses to sign for a watch-only account, and for an account whose device is not plugged in', async () => {
    const h = await harness();
    const [account] = await withAccounts(h);
    const watch = h.repositories.accounts.add({
      signer: 'watch',
      deviceFingerprint: null,
      derivationScheme: null,
      derivationPath: null,
      address: '0x000000000000000000000000000000000000dEaD' as ChecksumAddress,
      label: 'Treasury',
    });
    await expect(h.service.signMessage(watch.id, 'hi')).rejects.toMatchObject({ code: 'cannot_sign' });
    h.bus.unplug('hid-1');
    await expect(h.service.signMessage(account?.id as number, 'hi')).rejects.toMatchObject({
      code: 'device_unavailable',
      state: 'disconnected',
      message: expect.stringContaining('Nano S Plus'),
    });
  });

  it('forgets a device with its accounts in one step, and nothing else', async () => {
    const h = await harness();
    await withAccounts(h);
    const { fingerprint } = h.device();
    h.bus.unplug('hid-1');
    h.service.forget(fingerprint as string);
    expect(h.repositories.accounts.list()).toEqual([]);
    expect(h.service.list()).toEqual([]);
    expect(() => h.service.forget(fingerprint as string)).toThrow(
      expect.objectContaining({ code: 'not_found' }),
    );
  });
});

describe('SignersService with the Trezor fake', () => {
  async function trezorHarness(fake: TrezorConnectFake) {
    const repositories = createRepositories(temp.db);
    const events = createEventHub();
    const devices: DeviceView[][] = [];
    events.subscribe((name: EventName, payload: EventPayload<EventName>) => {
      if (name === 'devices.changed') devices.push(payload as DeviceView[]);
    });
    const service = new SignersService({
      db: temp.db,
      repositories,
      sources: [new TrezorDeviceSource({ connect: fake })],
      activity: async () => [],
      events,
      log: createLogger('signers', () => {}),
      recheckMs: 0,
    });
    running.push({ close: () => service.stop() });
    await service.start();
    fake.plugIn();
    const device = () => service.list()[0] as DeviceView;
    return { service, repositories, devices, device };
  }

  it('forwards the PIN request to the renderer, takes the answer back, and then signs', async () => {
    const h = await trezorHarness(new TrezorConnectFake({ pin: '159', label: 'Vault' }));
    await expect.poll(() => h.device()?.state).toBe('pin_requested');
    expect(h.device()).toMatchObject({ kind: 'trezor', message: expect.stringContaining('PIN') });
    expect(() => h.service.answer(h.device().id, 'passphrase', 'x')).toThrow(
      expect.objectContaining({ code: 'invalid_state' }),
    );
    h.service.answer(h.device().id, 'pin', '159');
    await expect.poll(() => h.device()?.state).toBe('ready');
    expect(h.device()).toMatchObject({ label: 'Vault', fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/) });

    const [account] = await h.service.addAccounts({
      deviceId: h.device().id,
      accounts: [{ scheme: 'legacy', index: 2 }],
    });
    expect(account?.address).toBe(expectedAddress(path.legacy(2)));
    const signed = await h.service.signMessage(account?.id as number, 'from a Trezor');
    expect(verifyMessage('from a Trezor', signed.signature)).toBe(account?.address);
    expect(signed.signer).toMatchObject({ kind: 'trezor', label: 'Vault' });
  });

  it('asks for a passphrase, and a rejection on the device leaves it ready for the next request', async () => {
    const fake = new TrezorConnectFake({ passphrase: true });
    const h = await trezorHarness(fake);
    await expect.poll(() => h.device()?.state).toBe('passphrase_requested');
    h.service.answer(h.device().id, 'passphrase', '');
    await expect.poll(() => h.device()?.state).toBe('ready');
    const [account] = await h.service.addAccounts({
      deviceId: h.device().id,
      accounts: [{ scheme: 'ledger-live', index: 0 }],
    });
    fake.rejectNext();
    await expect(h.service.signMessage(account?.id as number, 'no')).rejects.toMatchObject({
      state: 'rejected',
    });
    expect(h.devices.flat().some((device) => device.state === 'rejected')).toBe(true);
    const signed = await h.service.signMessage(account?.id as number, 'yes');
    expect(verifyMessage('yes', signed.signature)).toBe(account?.address);
  });
});
