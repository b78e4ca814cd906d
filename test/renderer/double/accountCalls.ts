import type { AccountView } from '../../../src/shared/accounts';
import {
  AccountName,
  defaultAccountName,
  defaultAccountNames,
  nameTakenSentence,
  sameName,
} from '../../../src/shared/accountNames';
import { KIND_NAMES } from '../../../src/renderer/devices/deviceNames';
import type { Channel, RequestOf, ResponseOf } from '../../../src/shared/api/contract';
import type { DeviceView, DiscoveredAccount, DiscoveryPage } from '../../../src/shared/devices';
import { ApiCallError } from '../../../src/renderer/api/client';
import { deviceAccount, derivedAddress, schemePath } from '../deviceFixture';
import { watchAccount } from '../portfolioFixture';
import type { DoubleWorld } from './world';
import type { DeviceSigning } from './deviceSigning';
import type { FamilyHandlers } from './handlers';

type AccountChannel =
  | 'accounts.list'
  | 'accounts.addWatch'
  | 'accounts.remove'
  | 'accounts.rename'
  | 'devices.list'
  | 'devices.discover'
  | 'devices.addAccounts'
  | 'devices.verifyAddress'
  | 'devices.forget'
  | 'devices.answer';

/** Accounts and the devices that sign for them. */
export function accountCalls(
  double: DoubleWorld,
  signing: Pick<DeviceSigning, 'askDevice'>,
): FamilyHandlers<AccountChannel> {
  function accountsChanged(): void {
    double.emit('accounts.changed', double.accounts);
    double.emit('devices.changed', double.deviceViews());
  }

  function connectedDevice(channel: Channel, deviceId: string): DeviceView {
    const device = double.devices.find((d) => d.id === deviceId);
    if (!device?.connected || device.state !== 'ready') {
      throw new ApiCallError(channel, {
        code: 'device_unavailable',
        message: device ? device.message : 'The device is not connected.',
      });
    }
    return device;
  }

  function addWatch({ address, label = '' }: RequestOf<'accounts.addWatch'>): AccountView {
    if (!/^0x[0-9a-fA-F]{40}$/.test(address.trim())) {
      throw new ApiCallError('accounts.addWatch', {
        code: 'invalid_request',
        message: `"${address}" is not an Ethereum address.`,
      });
    }
    if (double.accounts.some((account) => account.address.toLowerCase() === address.trim().toLowerCase())) {
      throw new ApiCallError('accounts.addWatch', {
        code: 'conflict',
        message: 'This address is already added.',
      });
    }
    const taken = double.accounts.map((a) => a.label);
    const name = label.trim();
    if (name !== '' && taken.some((existing) => sameName(existing, name))) {
      throw new ApiCallError('accounts.addWatch', { code: 'conflict', message: nameTakenSentence(name) });
    }
    const named = name === '' ? defaultAccountName('Watch', taken) : name;
    const account = watchAccount(double.accounts.length + 1, address.trim(), named);
    double.accounts = [...double.accounts, account];
    double.emit('accounts.changed', double.accounts);
    return account;
  }

  /** Like main: names are bounded by the shared schema and told apart as a person reads them. */
  function renameAccount({ accountId, label }: RequestOf<'accounts.rename'>): AccountView {
    const parsed = AccountName.safeParse(label);
    if (!parsed.success) {
      const message = parsed.error.issues[0]?.message ?? 'That name cannot be used.';
      throw new ApiCallError('accounts.rename', { code: 'invalid_request', message });
    }
    const name = parsed.data;
    if (double.accounts.some((a) => a.id !== accountId && sameName(a.label, name))) {
      throw new ApiCallError('accounts.rename', { code: 'conflict', message: nameTakenSentence(name) });
    }
    const account = double.accounts.find((a) => a.id === accountId);
    if (!account)
      throw new ApiCallError('accounts.rename', { code: 'not_found', message: 'No such account.' });
    const renamed = { ...account, label: name };
    double.accounts = double.accounts.map((a) => (a.id === accountId ? renamed : a));
    double.emit('accounts.changed', double.accounts);
    return renamed;
  }

  function removeAccount(accountId: number): null {
    if (!double.accounts.some((a) => a.id === accountId)) {
      throw new ApiCallError('accounts.remove', { code: 'not_found', message: 'No such account.' });
    }
    double.accounts = double.accounts.filter((a) => a.id !== accountId);
    accountsChanged();
    return null;
  }

  /** Ledger Live's rule without `all`: the used accounts, then the first unused one. */
  function discover({ deviceId, scheme, start, count, all }: RequestOf<'devices.discover'>): DiscoveryPage {
    const device = connectedDevice('devices.discover', deviceId);
    const fingerprint = device.fingerprint ?? '';
    const accounts: DiscoveredAccount[] = [];
    for (let index = start; index < start + count; index++) {
      const address = derivedAddress(fingerprint, scheme, index);
      const used = double.usedIndexes[scheme].includes(index);
      const added = double.accounts.find((a) => a.address.toLowerCase() === address.toLowerCase());
      accounts.push({
        scheme,
        index,
        path: schemePath(scheme, index),
        address,
        used,
        balances: used ? [{ chainId: 1, amount: String((BigInt(index) + 1n) * 10n ** 17n) }] : [],
        unreadChains: [],
        accountId: added?.id ?? null,
      });
      if (!all && !used) break;
    }
    return { accounts, next: start + accounts.length };
  }

  function addDeviceAccounts({ deviceId, accounts }: RequestOf<'devices.addAccounts'>): AccountView[] {
    const device = connectedDevice('devices.addAccounts', deviceId);
    const nextId = () => Math.max(0, ...double.accounts.map((a) => a.id)) + 1;
    // Like main: an account added without a name gets the next free "Ledger N".
    const labels = accounts.map(({ label = '' }) => label.trim());
    const taken = [...double.accounts.map((a) => a.label), ...labels];
    const defaults = defaultAccountNames(KIND_NAMES[device.kind], labels.filter((l) => !l).length, taken);
    const added = accounts.map(({ scheme, index }, at) => {
      const label = labels[at] || (defaults.shift() ?? '');
      const account = deviceAccount(nextId(), device, scheme, index, label);
      double.accounts = [...double.accounts, account];
      return account;
    });
    accountsChanged();
    return added;
  }

  /** Like main: a rejection on the device is an answer (not confirmed), not a failure of the call. */
  async function verifyAddress(accountId: number): Promise<ResponseOf<'devices.verifyAddress'>> {
    const account = double.accounts.find((a) => a.id === accountId);
    const path = [{ label: 'Path', value: account?.derivationPath ?? '' }];
    const address = account?.address ?? '';
    try {
      await signing.askDevice('devices.verifyAddress', accountId, 'verify-address', path);
      return { address, confirmed: true };
    } catch (error) {
      if (error instanceof ApiCallError && error.code === 'device_rejected') {
        return { address, confirmed: false };
      }
      throw error;
    }
  }

  function forget(fingerprint: string): null {
    double.accounts = double.accounts.filter((a) => a.deviceFingerprint !== fingerprint);
    double.devices = double.devices.filter((d) => d.fingerprint !== fingerprint);
    accountsChanged();
    return null;
  }

  function answerDevice(answer: RequestOf<'devices.answer'>): null {
    double.deviceAnswers.push(answer);
    const device = double.devices.find((d) => d.id === answer.deviceId);
    if (device) double.setDevice(device.id, { state: 'ready', message: 'Ready.', remedy: null });
    return null;
  }

  return {
    'accounts.list': () => double.accounts,
    'accounts.addWatch': addWatch,
    'accounts.remove': ({ accountId }) => removeAccount(accountId),
    'accounts.rename': renameAccount,
    'devices.list': () => double.deviceViews(),
    'devices.discover': discover,
    'devices.addAccounts': addDeviceAccounts,
    'devices.verifyAddress': ({ accountId }) => verifyAddress(accountId),
    'devices.forget': ({ fingerprint }) => forget(fingerprint),
    'devices.answer': answerDevice,
  };
}
