import type { DiscoveryScheme } from '../../shared/devices';

export interface SchemeInfo {
  scheme: DiscoveryScheme;
  name: string;
  path: string;
  /** Who derives accounts this way, so someone restoring from other software sees why addresses differ. */
  usedBy: string;
}

export const SCHEMES: readonly SchemeInfo[] = [
  {
    scheme: 'ledger-live',
    name: 'Ledger Live',
    path: "m/44'/60'/x'/0/0",
    usedBy: 'Accounts made in Ledger Live: each account is its own hardened branch.',
  },
  {
    scheme: 'bip44',
    name: 'BIP44 / MetaMask',
    path: "m/44'/60'/0'/0/x",
    usedBy: 'MetaMask, Rabby, Trezor Suite and most software wallets: one branch, numbered addresses.',
  },
  {
    scheme: 'legacy',
    name: 'Legacy / MEW',
    path: "m/44'/60'/0'/x",
    usedBy: 'Older MyEtherWallet and Ledger Chrome app accounts, from before Ledger Live.',
  },
];

export function schemeName(scheme: string | null): string {
  return SCHEMES.find((info) => info.scheme === scheme)?.name ?? 'Custom path';
}
