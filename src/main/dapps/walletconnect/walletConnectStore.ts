import type { CoreTypes } from '@walletconnect/types';
import { StoreError } from '../../store/storeError';
import type { WalletConnectStoreRepository } from './walletConnectStoreRepository';

/** What `@walletconnect/core` takes as `storage` (IKeyValueStorage of @walletconnect/keyvaluestorage). */
export type KeyValueStorage = NonNullable<CoreTypes.Options['storage']>;

/** The bounds of `walletconnect_store` in walletConnectMigration.ts. */
export const MAX_KEY_LENGTH = 300;
export const MAX_VALUE_LENGTH = 4_194_304;

/**
 * Core keeps its keychain under `wc@2:core:<version><custom prefix>//keychain` (KeyChain.storageKey in 2.25)
 * when no keychain is passed in. Matched for any version and prefix, so an upgrade cannot slip past.
 */
const KEYCHAIN_KEY = /^wc@2:core:[^/]*\/\/keychain$/;
/**
 * Core's telemetry queue (EventClient, `wc@2:core:0.1//event-client`) records `pair()` with the whole
 * pairing link, symKey included. With `telemetryEnabled: false` it only ever writes an empty list.
 */
const TELEMETRY_KEY = /^wc@2:core:[^/]*\/\/event-client$/;
/** WalletConnect's own stores write bigints as `<digits>n` (@walletconnect/safe-json); read them back alike. */
const BIGINT_TEXT = /^-?\d+n$/;

const refused = (message: string) => new StoreError('invalid_request', message);

/**
 * WalletConnect's records (pairings, sessions, proposals, subscriptions, JSON-RPC history, encrypted
 * messages) in the wallet's database, one JSON value per key, instead of the files WalletKit writes by
 * default. It never holds key material: the keychain lives in the vault (vaultKeyChain.ts), and a write that
 * would put it, or the pairing links telemetry records, in plaintext is refused loudly.
 */
export class WalletConnectStore implements KeyValueStorage {
  constructor(private readonly repository: WalletConnectStoreRepository) {}

  async getKeys(): Promise<string[]> {
    return this.repository.keys();
  }

  async getEntries<T = unknown>(): Promise<[string, T][]> {
    return this.repository.entries().map(({ key, value }) => [key, decode(value) as T]);
  }

  async getItem<T = unknown>(key: string): Promise<T | undefined> {
    const value = this.repository.get(checkKey(key));
    return value === undefined ? undefined : (decode(value) as T);
  }

  async setItem<T = unknown>(key: string, value: T): Promise<void> {
    checkKey(key);
    if (KEYCHAIN_KEY.test(key)) {
      throw refused(
        `WalletConnect tried to write its keychain ("${key}") to plaintext storage. Its keys belong in the ` +
          'vault: pass a VaultKeyChain as `keychain` when building the Core.',
      );
    }
    if (TELEMETRY_KEY.test(key) && !(Array.isArray(value) && value.length === 0)) {
      throw refused(
        'WalletConnect tried to keep telemetry events, which carry pairing links with their keys. Build the ' +
          'Core with `telemetryEnabled: false`.',
      );
    }
    this.repository.set(key, encode(key, value));
  }

  async removeItem(key: string): Promise<void> {
    this.repository.remove(checkKey(key));
  }
}

function checkKey(key: string): string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw refused(`A WalletConnect storage key must be 1 to ${MAX_KEY_LENGTH} characters long.`);
  }
  return key;
}

function encode(key: string, value: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_, item: unknown) =>
      typeof item === 'bigint' ? `${item.toString()}n` : item,
    );
  } catch (error) {
    throw new StoreError('invalid_request', `WalletConnect's value for "${key}" cannot be stored as JSON.`, {
      cause: error,
    });
  }
  if (text === undefined) {
    throw refused(`WalletConnect's value for "${key}" is not JSON (${typeof value}), so it was not stored.`);
  }
  if (text.length > MAX_VALUE_LENGTH) {
    throw refused(
      `WalletConnect's value for "${key}" is ${text.length} characters of JSON, over the ` +
        `${MAX_VALUE_LENGTH}-character limit, so it was not stored.`,
    );
  }
  return text;
}

function decode(text: string): unknown {
  return JSON.parse(text, (_, item: unknown) =>
    typeof item === 'string' && BIGINT_TEXT.test(item) ? BigInt(item.slice(0, -1)) : item,
  );
}
