import type { DiscoveredAccount, DiscoveryPage, DiscoveryScheme } from '../../shared/devices';
import type { ChainActivity } from '../chains/chainsService';
import type { ChecksumAddress } from '../store/address';
import { deriveChildAddress, SCHEMES } from './derivation';
import type { ExtendedPublicKey, Signer } from './signer';

export type ActivityReader = (addresses: readonly ChecksumAddress[]) => Promise<ChainActivity[]>;

export interface ScanRequest {
  scheme: DiscoveryScheme;
  start: number;
  count: number;
  /** Read exactly `count` accounts instead of stopping after the first unused one. */
  all: boolean;
}

/**
 * With Ledger Live's stop rule every hardened read past the first unused account is a wasted device
 * exchange, so hardened schemes are read a few at a time.
 */
const HARDENED_STEP = 3;

/**
 * Finds a device's accounts, scheme by scheme. A non-hardened branch (BIP44, legacy) costs one device
 * exchange for its extended public key, kept for the device's session so "show more" costs none; only
 * Ledger Live's hardened account level costs an exchange per account.
 */
export class AccountDiscovery {
  private readonly branches = new Map<string, Promise<ExtendedPublicKey>>();

  constructor(
    private readonly signer: Pick<Signer, 'getAddresses' | 'getExtendedPublicKey'>,
    private readonly readActivity: ActivityReader,
  ) {}

  /** The extended key at `path`, read from the device once per session. */
  extendedKey(path: string): Promise<ExtendedPublicKey> {
    let key = this.branches.get(path);
    if (!key) {
      key = this.signer.getExtendedPublicKey(path);
      this.branches.set(path, key);
      // A failed read (device locked, unplugged) must be retried next time, not remembered.
      key.catch(() => this.branches.delete(path));
    }
    return key;
  }

  async addresses(scheme: DiscoveryScheme, indexes: readonly number[]): Promise<ChecksumAddress[]> {
    const { branch, path } = SCHEMES[scheme];
    if (!branch) return this.signer.getAddresses(indexes.map(path));
    const parent = await this.extendedKey(branch);
    return indexes.map((index) => deriveChildAddress(parent, index));
  }

  async scan({ scheme, start, count, all }: ScanRequest): Promise<
    Omit<DiscoveryPage, 'accounts'> & {
      accounts: Omit<DiscoveredAccount, 'accountId'>[];
    }
  > {
    const layout = SCHEMES[scheme];
    const step = all || layout.branch ? count : Math.min(count, HARDENED_STEP);
    const accounts: Omit<DiscoveredAccount, 'accountId'>[] = [];
    let index = Math.max(start, layout.firstIndex);
    while (accounts.length < count) {
      const indexes = Array.from({ length: Math.min(step, count - accounts.length) }, (_, i) => index + i);
      const addresses = await this.addresses(scheme, indexes);
      const activity = await this.readActivity(addresses);
      for (const [i, address] of addresses.entries()) {
        const account = describe(scheme, indexes[i] as number, address, activity);
        accounts.push(account);
        if (!all && !account.used) return { accounts, next: account.index + 1 };
      }
      index += indexes.length;
    }
    return { accounts, next: index };
  }
}

function describe(
  scheme: DiscoveryScheme,
  index: number,
  address: ChecksumAddress,
  chains: readonly ChainActivity[],
): Omit<DiscoveredAccount, 'accountId'> {
  const balances: DiscoveredAccount['balances'] = [];
  const unreadChains: number[] = [];
  let used = false;
  for (const { chainId, accounts } of chains) {
    const found = accounts?.find((entry) => entry.address === address);
    if (!found) {
      unreadChains.push(chainId);
      continue;
    }
    if (found.nonce > 0n || found.balance > 0n) used = true;
    if (found.balance > 0n) balances.push({ chainId, amount: found.balance.toString() });
  }
  return { scheme, index, path: SCHEMES[scheme].path(index), address, used, balances, unreadChains };
}
