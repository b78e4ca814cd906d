import type { Database } from 'better-sqlite3';
import { defaultAccountNames, nameTakenSentence, sameName } from '../../shared/accountNames';
import { ApiError } from '../../shared/api/envelope';
import type { AddDeviceAccounts, DiscoverAccounts, DiscoveryPage, HardwareKind } from '../../shared/devices';
import type { EventHub } from '../api/events';
import type { Account } from '../store/accountsRepository';
import type { Repositories } from '../store/repositories';
import { SCHEMES } from './derivation';
import type { DeviceRegistry } from './deviceRegistry';

export interface DeviceAccountsOptions {
  db: Database;
  devices: DeviceRegistry;
  repositories: Pick<Repositories, 'accounts' | 'devices'>;
  events: EventHub;
  /** Called after accounts are added or removed, e.g. to read their balances. */
  onAccountsChanged?: () => void;
  now: () => number;
}

const KIND_NAMES: Record<HardwareKind, string> = { ledger: 'Ledger', trezor: 'Trezor' };

/** The accounts the wallet keeps from its devices: finding them, adding them, and letting them go. */
export class DeviceAccounts {
  constructor(private readonly options: DeviceAccountsOptions) {}

  async discover(request: DiscoverAccounts): Promise<DiscoveryPage> {
    const { devices } = this.options;
    const live = devices.ready(request.deviceId);
    const page = await devices.use(live, () =>
      live.discovery.scan({ ...request, all: request.all ?? false }),
    );
    const added = this.accountsOf(live.fingerprint);
    return {
      next: page.next,
      accounts: page.accounts.map((account) => ({
        ...account,
        accountId: added.find((entry) => entry.derivationPath === account.path)?.id ?? null,
      })),
    };
  }

  /** Reads each address from the device again, so an account is only ever stored with the device's word. */
  async add({ deviceId, accounts }: AddDeviceAccounts): Promise<Account[]> {
    const { devices } = this.options;
    const live = devices.ready(deviceId);
    const { fingerprint } = live;
    // Before the device is asked anything, so a refused name costs the user no confirmations.
    this.refuseTakenNames(accounts.map(({ label = '' }) => label));
    const derived = await devices.use(live, async () => {
      const rows = [];
      for (const { scheme, index, label = '' } of accounts) {
        if (index < SCHEMES[scheme].firstIndex) {
          throw new ApiError(
            'invalid_request',
            'BIP44 account 0 is Ledger Live account 0: add that one instead.',
          );
        }
        const [address] = await live.discovery.addresses(scheme, [index]);
        rows.push({
          scheme,
          path: SCHEMES[scheme].path(index),
          address: address as Account['address'],
          label,
        });
      }
      return rows;
    });
    const named = this.withDefaultNames(live.kind, derived);
    const added = this.options.repositories.accounts.addMany(
      named.map(({ scheme, path, address, label }) => ({
        signer: live.kind,
        deviceFingerprint: fingerprint,
        derivationScheme: scheme,
        derivationPath: path,
        address,
        label,
      })),
      this.options.now(),
    );
    this.changed();
    return added;
  }

  /** Removes a device's accounts and its record, in one transaction; nothing on the device changes. */
  forget(fingerprint: string): void {
    const { accounts, devices } = this.options.repositories;
    const known = devices.get(fingerprint);
    if (!known) throw new ApiError('not_found', 'That device is not known to this wallet.');
    this.options.db.transaction(() => {
      for (const account of this.accountsOf(fingerprint)) accounts.remove(account.id);
      devices.remove(fingerprint);
    })();
    this.changed();
  }

  /** Names must tell accounts apart: one that an account has, or that comes twice in the run, is refused. */
  private refuseTakenNames(labels: readonly string[]): void {
    const taken = this.options.repositories.accounts.list().map((account) => account.label);
    for (const label of labels.filter(Boolean)) {
      if (taken.some((name) => sameName(name, label))) {
        throw new ApiError('conflict', nameTakenSentence(label));
      }
      taken.push(label);
    }
  }

  /** An account added without a name gets "Ledger 1", "Trezor 2"…, so pickers can tell it from its siblings. */
  private withDefaultNames<T extends { label: string }>(kind: HardwareKind, rows: T[]): T[] {
    const taken = [
      ...this.options.repositories.accounts.list().map((account) => account.label),
      ...rows.map((row) => row.label),
    ];
    const unnamed = rows.filter((row) => row.label === '').length;
    const names = defaultAccountNames(KIND_NAMES[kind], unnamed, taken);
    return rows.map((row) => (row.label === '' ? { ...row, label: names.shift() ?? '' } : row));
  }

  private accountsOf(fingerprint: string): Account[] {
    return this.options.repositories.accounts
      .list()
      .filter((account) => account.deviceFingerprint === fingerprint);
  }

  private changed(): void {
    this.options.events.emit('accounts.changed', this.options.repositories.accounts.list());
    this.options.devices.changed();
    this.options.onAccountsChanged?.();
  }
}
