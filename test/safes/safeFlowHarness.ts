import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEther } from 'ethers';
import { afterAll, beforeAll } from 'vitest';
import { phoneAccount } from '../../src/companion/core/phoneKeys';
import type { CoreOptions } from '../../src/main/core';
import type { SafeTxView, SafeView } from '../../src/shared/safes';
import { anvilCall, setNativeBalances } from '../anvil/chainSetup';
import { deploySafeContracts } from '../anvil/safeContracts';
import { useAnvilChains } from '../anvil/useAnvilChains';
import { EmulatedHidBus } from '../ledger/emulatedHidBus';
import { LedgerEmulator } from '../ledger/ledgerEmulator';
import { headlessPhone, type HeadlessPhone } from '../pairing/pairingHarness';
import {
  addLedgerAccount,
  type Desktop,
  memoryKeychain,
  startDesktop,
  waitFor,
} from '../walletconnect/coreHarness';
import { guardNetwork, type NetworkGuard } from '../walletconnect/flowsNetwork';

/** The emulated Ledger's first Ledger Live account (the public test mnemonic). */
export const LEDGER_MAIN = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
export const PHONE_MNEMONIC = 'legal winner thank year wave sausage worth useful legal winner thank yellow';
export const PHONE_ADDRESS = phoneAccount(PHONE_MNEMONIC).address;
/** Chain 1 on anvil: the Safe there is the plain (non-L2) singleton, as on Ethereum. */
export const CHAIN = 1;

/** Everything a Safe flow file stands on, filled in by `useSafeWorld` before its tests run. */
export interface SafeWorld {
  /** Records every connection that would leave this machine, from the first hook to the last. */
  network: NetworkGuard;
  rpcUrl: string;
  dataDir: string;
  keychain: ReturnType<typeof memoryKeychain>;
  bus: EmulatedHidBus;
  desktop: Desktop;
  phone: HeadlessPhone;
  ledgerId: number;
  phoneId: number;
  /** Starts the desktop again on the same data directory and keychain, as after a quit. */
  restart(core?: Partial<CoreOptions>): Desktop;
}

/**
 * anvil with the Safe v1.4.1 contracts at their canonical addresses, the real core (as the browser host
 * builds it) with the emulated Ledger plugged in, and the headless phone paired through the real relay.
 */
export function useSafeWorld(name: string): SafeWorld {
  const nodes = useAnvilChains([CHAIN]);
  const world = {} as SafeWorld;
  const start = (core: Partial<CoreOptions> = {}) =>
    startDesktop({
      dataDir: world.dataDir,
      keychain: world.keychain,
      bus: world.bus,
      core: { pairing: { host: '127.0.0.1', port: 0, desktopName: 'Test desktop' }, ...core },
    });

  beforeAll(async () => {
    world.network = guardNetwork();
    world.rpcUrl = nodes[0]?.url as string;
    world.dataDir = mkdtempSync(join(tmpdir(), `safes-${name}-`));
    world.keychain = memoryKeychain();
    world.bus = new EmulatedHidBus();
    // Blind signing on: the creation and execTransaction calls carry data the Nano shows only as a hash.
    world.bus.plug('emulated-ledger', new LedgerEmulator({ model: 'Nano X', blindSigning: true }));
    await deploySafeContracts(world.rpcUrl);
    world.desktop = start();
    await setNativeBalances(world.rpcUrl, [[LEDGER_MAIN, parseEther('10')]]);
    world.ledgerId = await addLedgerAccount(world.desktop, CHAIN, world.rpcUrl);
    world.phone = headlessPhone(PHONE_MNEMONIC);
    world.phoneId = await pairPhone(world.desktop, world.phone);
    world.restart = (core) => {
      world.desktop.close();
      world.desktop = start(core);
      return world.desktop;
    };
  }, 60_000);

  afterAll(async () => {
    world.phone?.client.disconnect();
    world.desktop?.close();
    world.network?.restore();
    if (world.dataDir) rmSync(world.dataDir, { recursive: true, force: true });
  });
  return world;
}

/** Shows the QR code, has the phone scan it, and confirms the code on both sides, through the router. */
async function pairPhone(desktop: Desktop, phone: HeadlessPhone): Promise<number> {
  const started = await desktop.call('pairing.start');
  const attempt = started.attempt;
  if (!attempt) throw new Error('the desktop showed no QR code');
  const pending = await phone.client.pair(attempt.url);
  await waitFor(
    'the desktop to show the code',
    async () => (await desktop.call('pairing.status')).attempt?.state === 'confirming',
  );
  await desktop.call('pairing.confirm', { id: attempt.id, matches: true });
  await pending.confirm(pending.code);
  const phoneView = await waitFor('the paired phone', async () =>
    (await desktop.call('pairing.status')).phones.find((entry) => entry.accountId !== null),
  );
  return phoneView.accountId as number;
}

/** Creates a Safe of the Ledger and phone accounts through the service, from the Ledger, and waits for it. */
export async function createSafe(
  world: SafeWorld,
  options: { name: string; threshold?: number; fund?: bigint },
): Promise<SafeView> {
  const request = {
    chainId: CHAIN,
    name: options.name,
    ownerAccountIds: [world.ledgerId, world.phoneId],
    threshold: options.threshold ?? 2,
    deployerAccountId: world.ledgerId,
  };
  const { address } = await world.desktop.call('safes.reviewCreate', request);
  await world.desktop.call('safes.create', request);
  const safe = await waitFor(`the Safe ${options.name} on chain`, async () => {
    const listed = (await world.desktop.call('safes.view')).safes.find((entry) => entry.address === address);
    if (listed?.status === 'ready') return listed;
    if (listed) await world.desktop.call('safes.refresh', { id: listed.id });
    return null;
  });
  if (options.fund) await setNativeBalances(world.rpcUrl, [[address, options.fund]]);
  return options.fund ? refreshed(world, safe.id) : safe;
}

export async function refreshed(world: SafeWorld, safeId: number): Promise<SafeView> {
  const view = await world.desktop.call('safes.refresh', { id: safeId });
  const safe = view.safes.find((entry) => entry.id === safeId);
  if (!safe) throw new Error(`Safe ${safeId} is gone`);
  return safe;
}

/** Proposes a send of native coin from the Safe. */
export function proposeSend(
  world: SafeWorld,
  safeId: number,
  to: string,
  amount: string,
): Promise<SafeTxView> {
  return world.desktop.call('safes.propose', {
    safeId,
    action: { kind: 'send', to, asset: 'native', amount },
  });
}

/** The phone's account co-signs: the request reaches the headless phone, which approves it. */
export async function phoneSigns(world: SafeWorld, id: number): Promise<SafeTxView> {
  const signing = world.desktop.call('safes.confirm', { id, accountId: world.phoneId });
  const request = await waitFor('the Safe request on the phone', () => world.phone.client.requests()[0]);
  await world.phone.client.approve(request.request.id);
  return signing;
}

/** Both owners sign: the Ledger first (EIP-712), then the phone. */
export async function bothSign(world: SafeWorld, id: number): Promise<SafeTxView> {
  await world.desktop.call('safes.confirm', { id, accountId: world.ledgerId });
  return phoneSigns(world, id);
}

/** An account's transaction count on chain: whether anything was sent from it. */
export async function sentCount(world: SafeWorld, address: string): Promise<bigint> {
  return BigInt((await anvilCall(world.rpcUrl, 'eth_getTransactionCount', [address, 'latest'])) as string);
}
