import type { SettingsPatch } from '../../shared/settings';
import type { SyncValue, UserCollection } from '../../shared/sync/syncOps';
import { z } from 'zod';
import { ChainId } from '../../shared/chains/chain';
import type { TokensRepository } from '../chains/tokensRepository';
import type { SettingsService } from '../settings/settingsService';
import { ChecksumAddress } from '../store/address';
import { ContactInput } from '../store/addressBookRepository';
import { LabelInput } from '../store/labelsRepository';
import type { Repositories } from '../store/repositories';

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
  snapshot(): Map<string, SyncRecord>;
  /** Stores the merged record, or removes it (null); throws when the merged record is not valid here. */
  write(key: string, record: SyncRecord | null): void;
  announce(): void;
}

/** `0xAbc…/1` for one chain, `0xAbc…/*` for every chain: the same on every device. */
function scopedKey(address: string, chainId: number | null): string {
  return `${address}/${chainId ?? '*'}`;
}

function parseScopedKey(key: string): { address: ChecksumAddress; chainId: number | null } {
  const [address = '', scope = ''] = key.split('/');
  return { address: ChecksumAddress.parse(address), chainId: scope === '*' ? null : Number(scope) };
}

export interface CollectionsOptions {
  repositories: Pick<Repositories, 'labels' | 'addressBook'>;
  tokens: Pick<TokensRepository, 'userTokens' | 'addUserToken' | 'setHidden'>;
  settings: Pick<SettingsService, 'get' | 'set'>;
  /** Labels or contacts changed through sync. */
  onNamesChanged(): void;
}

export function syncedCollections({
  repositories,
  tokens,
  settings,
  onNamesChanged,
}: CollectionsOptions): SyncedCollection[] {
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
        if (record === null) {
          if (labels.forAddress(address).some((label) => label.chainId === chainId))
            labels.remove(address, chainId);
          return;
        }
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
        if (record === null) {
          if (addressBook.list().some((c) => c.address === address && c.chainId === chainId))
            addressBook.remove(address, chainId);
          return;
        }
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
          .userTokens()
          .find((candidate) => candidate.chainId === token.chainId && candidate.address === token.address);
        if (!existing) tokens.addUserToken(token);
        if (!existing || existing.hidden !== token.hidden)
          tokens.setHidden(token.chainId, token.address, token.hidden);
      },
      announce: () => undefined,
    },
    settingsCollection('preferences', ['theme', 'fiatCurrency', 'historyExplorers'], settings),
    settingsCollection('networks', ['enabledChainIds'], settings),
  ];
}

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
      if (Object.keys(patch).length > 0) settings.set(patch as SettingsPatch);
    },
    announce: () => undefined,
  };
}
