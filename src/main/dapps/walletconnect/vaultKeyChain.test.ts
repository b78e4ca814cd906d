import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Crypto } from '@walletconnect/core';
import { pino } from '@walletconnect/logger';
import type { ICore } from '@walletconnect/types';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSecretService } from '../../../../test/keychain/useSecretService';
import { useTempDatabase } from '../../../../test/store/tempDatabase';
import type { Logger } from '../../log';
import { createOsKeychain } from '../../vault/keychain';
import { Vault } from '../../vault/vault';
import { VaultRepository } from '../../vault/vaultRepository';
import { VaultKeyChain } from './vaultKeyChain';

const log: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const silent = pino({ level: 'silent' });
const hex = (byte: string) => byte.repeat(32);

describe('VaultKeyChain on the real vault (Secret Service and database file)', () => {
  const secretService = useSecretService();
  const temp = useTempDatabase('walletconnect-keys-');
  let service: string;
  beforeEach(() => {
    service = `ledgerline-test-${randomUUID()}`;
  });
  /** A new vault and keychain over the same file and OS keychain, nothing cached: as after a restart. */
  const restart = async () => {
    const keys = new VaultKeyChain(
      new Vault(new VaultRepository(temp.reopen()), createOsKeychain(service)),
      log,
    );
    await keys.init();
    return keys;
  };
  const fileBytes = () =>
    Buffer.concat([temp.file, `${temp.file}-wal`].filter(existsSync).map((file) => readFileSync(file)));

  it('keeps each key as a vault secret: after set, del and set, a restart reads the same map', async () => {
    const keys = await restart();
    expect(keys.keychain.size).toBe(0);
    await keys.set(hex('a1'), hex('b1'));
    await keys.set(hex('a2'), hex('b2'));
    await keys.del(hex('a1'));
    await keys.set('client_ed25519_seed', hex('c3'));
    await keys.set(hex('a2'), hex('b4'));
    const written = new Map(keys.keychain);
    expect(written).toEqual(
      new Map([
        [hex('a2'), hex('b4')],
        ['client_ed25519_seed', hex('c3')],
      ]),
    );

    const reopened = await restart();
    expect(reopened.keychain).toEqual(written);
    expect(reopened.has(hex('a2'))).toBe(true);
    expect(reopened.has(hex('a1'))).toBe(false);
    expect(reopened.get('client_ed25519_seed')).toBe(hex('c3'));
    for (const key of [hex('b1'), hex('b2'), hex('b4'), hex('c3')]) {
      expect(fileBytes().includes(Buffer.from(key))).toBe(false);
    }
  });

  it('loses no write in a burst, and a del right after a set of the same tag wins', async () => {
    const keys = await restart();
    const tags = Array.from({ length: 24 }, (_, i) => i.toString(16).padStart(64, '0'));
    await Promise.all([
      ...tags.map((tag) => keys.set(tag, hex('ee'))),
      keys.del(tags[3] as string),
      keys.set(tags[5] as string, hex('ff')),
    ]);
    const expected = new Map(tags.filter((_, i) => i !== 3).map((tag) => [tag, hex('ee')]));
    expected.set(tags[5] as string, hex('ff'));
    expect((await restart()).keychain).toEqual(expected);
  });

  it("serves Core's Crypto: its client id, key pairs and session keys survive a restart", async () => {
    const first = new Crypto({} as ICore, silent, await restart());
    await first.init();
    const clientId = await first.getClientId();
    const selfPublic = await first.generateKeyPair();
    const peer = new Crypto({} as ICore, silent, new VaultKeyChain(memoryOnlyVault(), log));
    await peer.init();
    const peerPublic = await peer.generateKeyPair();
    const topic = await first.generateSharedKey(selfPublic, peerPublic);
    await peer.generateSharedKey(peerPublic, selfPublic);
    const message = await peer.encode(topic, { id: 1, jsonrpc: '2.0', method: 'wc_sessionPing', params: {} });

    const second = new Crypto({} as ICore, silent, await restart());
    await second.init();
    expect(await second.getClientId()).toBe(clientId);
    expect(second.hasKeys(selfPublic)).toBe(true);
    expect(await second.decode(topic, message)).toMatchObject({ method: 'wc_sessionPing' });
    await second.deleteSymKey(topic);
    expect((await restart()).has(topic)).toBe(false);
  });

  it('answers a missing tag as Core does, and refuses use before init and malformed tags or keys', async () => {
    const keys = new VaultKeyChain(new Vault(new VaultRepository(temp.db), createOsKeychain(service)), log);
    expect(() => keys.has(hex('a1'))).toThrow(/used before init/);
    await keys.init();
    expect(() => keys.get(hex('a1'))).toThrow(`No matching key. keychain: ${hex('a1')}`);
    expect(() => keys.set('../etc', hex('b1'))).toThrow(/key tag must be/);
    expect(() => keys.set('x'.repeat(151), hex('b1'))).toThrow(/key tag must be/);
    expect(() => keys.set(hex('a1'), '')).toThrow(/key must be 1 to 512/);
    expect(keys.keychain.size).toBe(0);
    expect(() => keys.core).toThrow(/no `core`/);
  });

  // Last: the test keyring cannot be unlocked again without a prompt.
  it('fails init with what to do when the vault cannot hold secrets', async () => {
    await (await restart()).set(hex('a1'), hex('b1'));
    await secretService.session.lock();
    const keys = new VaultKeyChain(
      new Vault(new VaultRepository(temp.reopen()), createOsKeychain(service)),
      log,
    );
    await expect(keys.init()).rejects.toMatchObject({
      code: 'keychain_locked',
      message: expect.stringMatching(/^WalletConnect needs the vault: .*locked.*Unlock/),
    });
    expect(() => keys.has(hex('a1'))).toThrow(/used before init/);
  });
});

/** The peer's keychain in the Crypto test is not under test: a vault held in memory. */
function memoryOnlyVault() {
  const secrets = new Map<string, Uint8Array>();
  return {
    status: async () => ({ backend: 'memory', state: 'available' as const, message: '' }),
    names: () => [...secrets.keys()],
    get: async (name: string) => secrets.get(name) ?? null,
    put: async (name: string, secret: Uint8Array) => void secrets.set(name, secret),
    delete: (name: string) => secrets.delete(name),
  };
}
