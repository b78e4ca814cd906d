import { EventClient, KeyChain } from '@walletconnect/core';
import { pino } from '@walletconnect/logger';
import type { ICore } from '@walletconnect/types';
import { describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../../test/store/tempDatabase';
import { MAX_VALUE_LENGTH, WalletConnectStore } from './walletConnectStore';
import { WalletConnectStoreRepository } from './walletConnectStoreRepository';

const temp = useTempDatabase('walletconnect-store-');
const store = () => new WalletConnectStore(new WalletConnectStoreRepository(temp.db));
const rows = () => temp.db.prepare('SELECT key, value FROM walletconnect_store ORDER BY key').all();
/** Just what Core's KeyChain and EventClient read from their core. */
const coreOver = (storage: WalletConnectStore, customStoragePrefix = '') =>
  ({ storage, customStoragePrefix }) as unknown as ICore;
const silent = pino({ level: 'silent' });

describe('WalletConnectStore', () => {
  it('keeps JSON values per key across a restart, and lists, overwrites and removes them', async () => {
    const session = {
      topic: 'ab'.repeat(32),
      expiry: 1_900_000_000,
      acknowledged: true,
      peer: { name: 'dApp' },
    };
    await store().setItem('wc@2:client:0.3//session', [session]);
    await store().setItem('WALLETCONNECT_CLIENT_ID', 'did:key:z6Mk');
    await store().setItem('wc@2:core:0.3//expirer', []);

    temp.reopen();
    const reopened = store();
    expect(await reopened.getItem('wc@2:client:0.3//session')).toEqual([session]);
    expect(await reopened.getItem('WALLETCONNECT_CLIENT_ID')).toBe('did:key:z6Mk');
    expect(await reopened.getItem('nothing')).toBeUndefined();
    expect(await reopened.getKeys()).toEqual([
      'WALLETCONNECT_CLIENT_ID',
      'wc@2:client:0.3//session',
      'wc@2:core:0.3//expirer',
    ]);

    await reopened.setItem('wc@2:core:0.3//expirer', [{ target: 'topic:x', expiry: 5 }]);
    await reopened.removeItem('WALLETCONNECT_CLIENT_ID');
    await reopened.removeItem('never-there');
    expect(await reopened.getEntries()).toEqual([
      ['wc@2:client:0.3//session', [session]],
      ['wc@2:core:0.3//expirer', [{ target: 'topic:x', expiry: 5 }]],
    ]);
  });

  it('drops undefined fields as JSON does, and reads bigints back as WalletConnect writes them', async () => {
    const request = { id: 1733520000000123n, params: { value: -5n, gas: undefined, note: '12n' } };
    await store().setItem('wc@2:core:0.3//history', [request]);
    expect(rows()).toEqual([
      {
        key: 'wc@2:core:0.3//history',
        value: '[{"id":"1733520000000123n","params":{"value":"-5n","note":"12n"}}]',
      },
    ]);
    // "12n" comes back as a bigint too: the same reading as WalletConnect's own file store.
    expect(await store().getItem('wc@2:core:0.3//history')).toEqual([
      { id: 1733520000000123n, params: { value: -5n, note: 12n } },
    ]);
  });

  it("refuses Core's own keychain, under the exact key Core 2.25 writes it, with what to do", async () => {
    for (const prefix of ['', 'second']) {
      const keychain = new KeyChain(coreOver(store(), prefix ? `:${prefix}` : ''), silent);
      await keychain.init();
      expect(keychain.storageKey).toBe(
        prefix ? `wc@2:core:0.3:${prefix}//keychain` : 'wc@2:core:0.3//keychain',
      );
      await expect(keychain.set('ab'.repeat(32), 'cd'.repeat(32))).rejects.toMatchObject({
        code: 'invalid_request',
        message: expect.stringMatching(/keychain .*plaintext storage.*VaultKeyChain/),
      });
    }
    expect(rows()).toEqual([]);
  });

  it('keeps the empty telemetry list Core writes with telemetry off, and refuses any event in it', async () => {
    const events = new EventClient(coreOver(store()), silent, false);
    await expect.poll(rows).toEqual([{ key: events.storageKey, value: '[]' }]);
    const pairing = { eventId: '1', props: { properties: { topic: `wc:${'ab'.repeat(32)}@2?symKey=…` } } };
    await expect(store().setItem(events.storageKey, [pairing])).rejects.toThrow(/telemetryEnabled: false/);
    expect(rows()).toEqual([{ key: events.storageKey, value: '[]' }]);
  });

  it('refuses what the column cannot hold, naming the key and the reason, and stores nothing', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const refusals: [string, unknown, RegExp][] = [
      ['wc@2:core:0.3//history', cyclic, /"wc@2:core:0.3\/\/history" cannot be stored as JSON/],
      ['k', undefined, /not JSON \(undefined\)/],
      ['k', () => 1, /not JSON \(function\)/],
      ['k', 'x'.repeat(MAX_VALUE_LENGTH), /over the 4194304-character limit/],
      ['', 1, /key must be 1 to 300 characters/],
      ['k'.repeat(301), 1, /key must be 1 to 300 characters/],
    ];
    for (const [key, value, message] of refusals) {
      await expect(store().setItem(key, value)).rejects.toThrow(message);
    }
    expect(rows()).toEqual([]);
    // The largest value that fits is kept whole.
    await store().setItem('big', 'x'.repeat(MAX_VALUE_LENGTH - 2));
    expect(await store().getItem('big')).toHaveLength(MAX_VALUE_LENGTH - 2);
  });
});
