import type { AccountView } from '../../../src/shared/accounts';
import type { DeviceView } from '../../../src/shared/devices';
import type { NamesView } from '../../../src/shared/names';
import type { OutgoingView } from '../../../src/shared/tx';

/**
 * Everything in the wallet that main's tx.review reads besides the chain: who holds which key, the names a
 * recipient may be typed as, and whom each account already sent to. A recorded review is only valid in the
 * world it was recorded in. Addresses are lower-case, so a checksum does not make two worlds differ.
 */
export interface ReviewWorld {
  accounts: {
    id: number;
    signer: AccountView['signer'];
    deviceFingerprint: string | null;
    derivationScheme: AccountView['derivationScheme'];
    derivationPath: string | null;
    address: string;
    label: string;
  }[];
  devices: { fingerprint: string; kind: DeviceView['kind']; name: string; model: string | null }[];
  addressBook: { name: string; address: string; chainId: number | null }[];
  labels: { address: string; chainId: number | null; kind: 'eoa' | 'contract'; name: string }[];
  sentTo: { from: string; to: string }[];
}

/** The wallet a renderer test builds on the double, in the double's own terms. */
export interface WalletState {
  accounts: readonly AccountView[];
  devices: readonly DeviceView[];
  /** Names the user typed into the Send form's address book: lower-cased name → address. */
  addressBook: Readonly<Record<string, string>>;
  names: NamesView;
  outgoing: readonly OutgoingView[];
}

export function reviewWorld(state: WalletState): ReviewWorld {
  const lower = (address: string) => address.toLowerCase();
  return {
    accounts: state.accounts.map((a) => ({
      id: a.id,
      signer: a.signer,
      deviceFingerprint: a.deviceFingerprint,
      derivationScheme: a.derivationScheme,
      derivationPath: a.derivationPath,
      address: lower(a.address),
      label: a.label,
    })),
    devices: state.devices.flatMap(({ fingerprint, kind, label, model }) =>
      fingerprint ? [{ fingerprint, kind, name: label, model }] : [],
    ),
    addressBook: [
      ...Object.entries(state.addressBook).map(([name, address]) => ({
        name,
        address: lower(address),
        chainId: null,
      })),
      ...state.names.contacts.map(({ name, address, chainId }) => ({
        name,
        address: lower(address),
        chainId,
      })),
    ],
    labels: state.names.labels.map(({ address, chainId, kind, name }) => ({
      address: lower(address),
      chainId,
      kind,
      name,
    })),
    sentTo: state.outgoing.flatMap(({ from, to }) => (to ? [{ from: lower(from), to: lower(to) }] : [])),
  };
}

/** JSON with its object keys sorted, so two equal values give the same text whatever order they were built in. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
