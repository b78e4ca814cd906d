import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { createOsKeychain } from './keychain';
import { Vault } from './vault';
import { VaultRepository } from './vaultRepository';

// Its own file, so its own process: the binding keeps the first D-Bus address it uses until the process
// ends, and here that address must lead nowhere, as on a desktop with no keyring daemon.
describe('with no Secret Service running', () => {
  const temp = useTempDatabase('no-keychain-');
  const previous = process.env.DBUS_SESSION_BUS_ADDRESS;
  beforeAll(() => {
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(tmpdir(), `no-bus-${randomUUID()}`)}`;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
    else process.env.DBUS_SESSION_BUS_ADDRESS = previous;
  });
  const unavailable = {
    code: 'keychain_unavailable',
    message: expect.stringMatching(
      /No keyring \(Secret Service\) is running.*install and start gnome-keyring or KWallet/i,
    ),
  };

  it('fails every keychain call with what to install, never falling back to another store', async () => {
    const keychain = createOsKeychain(`ledgerline-test-${randomUUID()}`);
    for (const attempt of [
      () => keychain.set('k', 'v'),
      () => keychain.get('k'),
      () => keychain.list(),
      () => keychain.delete('k'),
    ]) {
      await expect(attempt()).rejects.toMatchObject(unavailable);
    }
  });

  it('shows the vault as unavailable and stores no secret, in the clear or otherwise', async () => {
    const vault = new Vault(
      new VaultRepository(temp.db),
      createOsKeychain(`ledgerline-test-${randomUUID()}`),
    );
    expect(await vault.status()).toEqual({
      backend: expect.any(String),
      state: 'unavailable',
      message: unavailable.message,
    });
    await expect(vault.put('sync:key', new Uint8Array([1, 2, 3]))).rejects.toMatchObject(unavailable);
    expect(vault.names()).toEqual([]);
    expect(temp.db.prepare('SELECT count(*) FROM vault_secrets').pluck().get()).toBe(0);
  });
});
