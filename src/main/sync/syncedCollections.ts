import { SettingsPatch } from '../../shared/settings';
import type { SyncValue, UserCollection } from '../../shared/sync/syncOps';
import { z } from 'zod';
import { AddCustomChain, ChainId } from '../../shared/chains/chain';
import type { ChainDirectory } from '../chains/chainDirectory';
import type { RpcEndpoints } from '../chains/rpcEndpoints';
import type { TokensRepository } from '../chains/tokensRepository';
import type { SettingsService } from '../settings/settingsService';
import { ChecksumAddress } from '../store/address';
import { ContactInput } from '../store/addressBookRepository';
import { LabelInput } from '../store/labelsRepository';
import type { Repositories } from '../store/repositories';
import { StoreError } from '../store/storeError';

export type SyncRecord = Record<string, SyncValue>;

/** A user-added token as another device describes it; its metadata was read on chain there. */
const SyncedToken = z.strictObject({
  chainId: ChainId,
  address: ChecksumAddress,
  symbol: z.string().trim().min(1).max(32),
  name: z.string().trim().min(1).max(100),
  decimals: z.number().int().min(0).max(36),
  hidden: z.boolean(),
});

/**
 * One kind of user data as sync sees it: its live records by a key every device derives the same way, and a
 * way to write a merged record back. Writes run inside the sync transaction; `announce` runs after it commits.
 */
export interface SyncedCollection {
  name: UserCollection;
  snapshot(): Map<string, SyncRecord> | Promise<Map<string, SyncRecord>>;
  /**
   * Stores the merged record, or removes it (null); throws when the merged record is not valid here. A
   * collection kept in the vault answers with a promise, settled after the sync transaction.
   */
  write(key: string, record: SyncRecord | null): void | Promise<void>;
  announce(): void;
}

/** `0xAbc…/1` for one chain, `0xAbc…/*` for every chain: the same on every device. */
/** A record another device deleted may never have existed here: that is no error. */
function removeIfPresent(remove: () => void): void {
  try {
    remove();
  } catch (error) {
    if (!(error instanceof StoreError && error.code === 'not_found')) throw error;
  }
}

function scopedKey(address: string, chainId: number | null): string {
  return `${address}/${chainId ?? '*'}`;
}

function parseScopedKey(key: string): { address: ChecksumAddress; chainId: number | null } {
  const [address = '', scope = ''] = key.split('/');
  return { address: ChecksumAddress.parse(address), chainId: scope === '*' ? null : Number(scope) };
}

export interface CollectionsOptions {
  repositories: Pick<Repositories, 'labels' | 'addressBook' | 'txNotes'>;
  tokens: Pick<TokensRepository, 'userTokens' | 'forChain' | 'addUserToken' | 'setHidden'>;
  settings: Pick<SettingsService, 'get' | 'set'>;
  directory: Pick<ChainDirectory, 'all' | 'isCustom' | 'find' | 'addCustom' | 'removeCustom'>;
  endpoints: Pick<RpcEndpoints, 'all' | 'set'>;
  /** Labels or contacts changed through sync. */
  onNamesChanged(): void;
  /** Networks or their endpoints changed through sync: the chains service reconfigures. */
  onNetworksChanged(): void;
  /** Notes on transactions changed through sync, on these chains. */
  onNotesChanged(chainIds: number[]): void;
  /** Collections another capability keeps and core.ts hands in (the Safes and their pending transactions). */
  safes?: readonly SyncedCollection[];
}

export function syncedCollections(options: CollectionsOptions): SyncedCollection[] {
  const { repositories, tokens, settings, onNamesChanged } = options;
  const { labels, addressBook } = repositories;
  return [
    {
      name: 'labels',
      snapshot: () =>
        new Map(
          labels
            .list()
            .map((label) => [
              scopedKey(label.address, label.chainId),
              { kind: label.kind, name: label.name, note: label.note },
            ]),
        ),
      write(key, record) {
        const { address, chainId } = parseScopedKey(key);
        if (record === null) return removeIfPresent(() => labels.remove(address, chainId));
        labels.set(
          LabelInput.parse({
            address,
            chainId,
            kind: record.kind,
            name: record.name,
            note: record.note ?? '',
          }),
        );
      },
      announce: onNamesChanged,
    },
    {
      name: 'addressBook',
      snapshot: () =>
        new Map(
          addressBook
            .list()
            .map((contact) => [
              scopedKey(contact.address, contact.chainId),
              { name: contact.name, note: contact.note },
            ]),
        ),
      write(key, record) {
        const { address, chainId } = parseScopedKey(key);
        if (record === null) return removeIfPresent(() => addressBook.remove(address, chainId));
        addressBook.set(ContactInput.parse({ address, chainId, name: record.name, note: record.note ?? '' }));
      },
      announce: onNamesChanged,
    },
    {
      name: 'tokens',
      snapshot: () =>
        new Map(
          tokens
            .userTokens()
            .map((token) => [
              `${token.chainId}/${token.address}`,
              { symbol: token.symbol, name: token.name, decimals: token.decimals, hidden: token.hidden },
            ]),
        ),
      // Tokens are never deleted here, only hidden; a record another device deleted is left alone.
      write(key, record) {
        if (record === null) return;
        const [chain = '', address = ''] = key.split('/');
        const token = SyncedToken.parse({ chainId: Number(chain), address, ...record });
        const existing = tokens
          .forChain(token.chainId)
          .find((candidate) => candidate.source === 'user' && candidate.address === token.address);
        if (!existing) tokens.addUserToken(token);
        if (!existing || existing.hidden !== token.hidden)
          tokens.setHidden(token.chainId, token.address, token.hidden);
      },
      announce: () => undefined,
    },
    settingsCollection('preferences', ['theme', 'fiatCurrency', 'historyExplorers'], settings),
    networksCollection(options),
    rpcsCollection(options),
    notesCollection(options),
    ...(options.safes ?? []),
  ];
}

/** A note on a transaction, keyed `<chain id>/<hash>`: the note is user data, apart from indexed history. */
function notesCollection({ repositories, onNotesChanged }: CollectionsOptions): SyncedCollection {
  const { txNotes } = repositories;
  const touched = new Set<number>();
  return {
    name: 'txNotes',
    snapshot: () =>
      new Map(txNotes.list().map((entry) => [`${entry.chainId}/${entry.hash}`, { note: entry.note }])),
    write(key, record) {
      const [chain = '', hash = ''] = key.split('/');
      const chainId = ChainId.parse(Number(chain));
      if (record === null) txNotes.remove(chainId, hash);
      else txNotes.set({ chainId, hash, note: z.string().parse(record.note) });
      touched.add(chainId);
    },
    announce() {
      onNotesChanged([...touched]);
      touched.clear();
    },
  };
}

const CustomChain = AddCustomChain.omit({ rpcUrl: true, chainId: true });
const CUSTOM = 'custom/';

/**
 * The networks the user added (`custom/<chain id>`, without their endpoints, which are secrets) and which
 * networks are enabled (`settings`). Keys sort custom definitions before the enabled list, and the service
 * applies a blob's records in key order, so a network arrives before it is enabled.
 */
function networksCollection({
  directory,
  settings,
  onNetworksChanged,
}: CollectionsOptions): SyncedCollection {
  return {
    name: 'networks',
    snapshot() {
      const records = new Map<string, SyncRecord>(
        directory
          .all()
          .filter((chain) => directory.isCustom(chain.id))
          .map((chain) => [
            `${CUSTOM}${chain.id}`,
            {
              name: chain.name,
              symbol: chain.nativeCurrency.symbol,
              decimals: chain.nativeCurrency.decimals,
              explorerUrl: chain.explorer?.url ?? null,
            },
          ]),
      );
      records.set('settings', { enabledChainIds: settings.get().enabledChainIds });
      return records;
    },
    write(key, record) {
      if (key === 'settings') {
        if (record && Array.isArray(record.enabledChainIds))
          settings.set({ enabledChainIds: record.enabledChainIds as number[] });
        return;
      }
      const chainId = ChainId.parse(Number(key.slice(CUSTOM.length)));
      if (record === null) {
        if (!directory.isCustom(chainId)) return;
        const enabled = settings.get().enabledChainIds;
        if (enabled.includes(chainId))
          settings.set({ enabledChainIds: enabled.filter((id) => id !== chainId) });
        directory.removeCustom(chainId);
        return;
      }
      // A network another device proved (chain id, Multicall3) when it was added there; its endpoint comes
      // with the RPC endpoints, if the user syncs those, or is set here.
      if (!directory.find(chainId)) directory.addCustom({ chainId, ...CustomChain.parse(record) });
    },
    announce: onNetworksChanged,
  };
}

/** Custom RPC endpoints per chain: secrets, so kept in the vault on every device, and off unless chosen. */
function rpcsCollection({ endpoints, onNetworksChanged }: CollectionsOptions): SyncedCollection {
  return {
    name: 'rpcs',
    async snapshot() {
      return new Map([...(await endpoints.all())].map(([chainId, urls]) => [String(chainId), { urls }]));
    },
    async write(key, record) {
      const urls = record === null ? [] : RpcUrls.parse(record.urls);
      await endpoints.set(ChainId.parse(Number(key)), urls);
    },
    announce: onNetworksChanged,
  };
}

const RpcUrls = z.array(z.url({ protocol: /^https?$/ }).max(2048)).max(10);

/**
 * Settings are one record whose fields are the settings themselves. A merged value this device cannot use
 * (a network it does not know) is refused by the settings service like any other bad input.
 */
function settingsCollection(
  name: UserCollection,
  keys: readonly (keyof SettingsPatch)[],
  settings: CollectionsOptions['settings'],
): SyncedCollection {
  return {
    name,
    snapshot() {
      const current = settings.get();
      return new Map([['settings', Object.fromEntries(keys.map((key) => [key, current[key] as SyncValue]))]]);
    },
    write(_key, record) {
      if (record === null) return;
      const patch = Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));
      // Parsed like a patch from the settings screen: the service itself trusts its caller's types.
      if (Object.keys(patch).length > 0) settings.set(SettingsPatch.parse(patch));
    },
    announce: () => undefined,
  };
}
