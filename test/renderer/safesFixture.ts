import type { AccountView } from '../../src/shared/accounts';
import type { PhoneView } from '../../src/shared/pairing';
import type { SafeOwnerView, SafeTxView, SafeView } from '../../src/shared/safes';
import { deviceAccount, ledgerDevice } from './deviceFixture';
import type { DoubleWorld } from './double/world';
import { pairedPhone } from './pairingFixture';

export const SAFE_ADDRESS = '0x5afe5afe5afe5afe5afe5afe5afe5afe5afe5afe';
export const ZERO_ADDRESS = '0x0000000000000000000000000000000000000000';

/** An owner as main lists it: one of the wallet's accounts with its device, or a stranger's key. */
export function safeOwner(account: AccountView | string): SafeOwnerView {
  if (typeof account === 'string') return { address: account, account: null };
  return {
    address: account.address,
    account: {
      id: account.id,
      label: account.label,
      signer: account.signer,
      deviceFingerprint: account.deviceFingerprint,
    },
  };
}

/** A v1.4.1 Safe on Ethereum as main reads it, 1 ETH in it, no module or guard; each test changes one thing. */
export function safeView(change: Partial<SafeView> = {}): SafeView {
  return {
    id: 1,
    chainId: 1,
    address: SAFE_ADDRESS,
    name: 'Family vault',
    status: 'ready',
    deployment: null,
    version: '1.4.1',
    owners: [],
    threshold: 1,
    nonce: 0,
    modules: [],
    guard: null,
    fallbackHandler: '0xfd0732Dc9E303f09fCEf3a7388Ad10A83459Ec99',
    warnings: [],
    balance: (10n ** 18n).toString(),
    readAt: 1_700_000_000_000,
    error: null,
    ...change,
  };
}

/** A proposed Safe transaction sending 0.05 ETH, nobody has signed it yet. */
export function safeTxView(safe: SafeView, change: Partial<SafeTxView> = {}): SafeTxView {
  return {
    id: 1,
    safeId: safe.id,
    safe: safe.address,
    chainId: safe.chainId,
    tx: {
      to: '0x2222222222222222222222222222222222222222',
      value: (5n * 10n ** 16n).toString(),
      data: '0x',
      operation: 0,
      safeTxGas: '0',
      baseGas: '0',
      gasPrice: '0',
      gasToken: ZERO_ADDRESS,
      refundReceiver: ZERO_ADDRESS,
      nonce: safe.nonce,
    },
    safeTxHash: `0x${'5a'.repeat(32)}`,
    kind: 'send',
    summary: 'Send 0.05 ETH to 0x2222…2222',
    warnings: [],
    simulation: { ok: true, reason: null },
    threshold: safe.threshold,
    confirmations: [],
    status: 'collecting',
    execution: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...change,
  };
}

/** The phone's account: its key is on the paired phone, named by the user there. */
export function phoneAccount(id: number, phone: PhoneView): AccountView {
  return {
    id,
    signer: 'phone',
    deviceFingerprint: phone.fingerprint,
    derivationScheme: null,
    derivationPath: null,
    address: phone.address,
    label: 'Phone key',
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
  };
}

/**
 * The wallet: a Ledger account and a paired phone's account, owners of a 2-of-2 Safe with 1 ETH, plus
 * a watch-only address that can own nothing.
 */
export function twoOfTwo(world: DoubleWorld): { ledger: AccountView; phone: AccountView; safe: SafeView } {
  const device = ledgerDevice();
  const paired = pairedPhone('Pixel', { accountId: 2 });
  const ledger = deviceAccount(1, device, 'ledger-live', 0, 'Ledger main');
  const phone = phoneAccount(2, paired);
  const watch: AccountView = {
    ...deviceAccount(3, device, 'bip44', 0, 'Watched'),
    signer: 'watch',
    deviceFingerprint: null,
  };
  world.devices = [device];
  world.accounts = [ledger, phone, watch];
  world.pairing = { ...world.pairing, phones: [paired] };
  const safe = safeView({ owners: [safeOwner(ledger), safeOwner(phone)], threshold: 2 });
  world.safes = { safes: [safe], transactions: [] };
  return { ledger, phone, safe };
}
