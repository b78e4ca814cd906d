import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentEpoch } from '../../src/main/sync/syncIdentity';
import { blobName, openBlob } from '../../src/shared/sync/syncBlob';
import { derivedKeys } from '../../src/shared/sync/syncKeys';
import { address, label, names, useFolderGroup } from './folderGroup';

const { desktop, group, folder: folderPath, dir: dirPath } = useFolderGroup();

describe('two desktops through a sync folder', () => {
  let folder = '';
  beforeEach(() => (folder = folderPath()));

  it('carries a label each way, keeps what each had before joining, and the folder holds only opaque blobs', async () => {
    const alice = desktop('Studio');
    const laptop = desktop('Laptop');
    alice.repositories.labels.set(label('Cold storage', 'cold'));
    laptop.repositories.labels.set(label('Exchange deposit', 'cex'));
    await alice.sync.setFolder(folder);
    const { code } = await alice.sync.invite();
    await laptop.sync.setFolder(folder);
    await laptop.sync.join(code);
    await alice.sync.syncNow();
    await laptop.sync.syncNow();
    await alice.sync.syncNow();
    expect(names(laptop)).toEqual(['Cold storage', 'Exchange deposit']);
    expect(names(alice)).toEqual(['Cold storage', 'Exchange deposit']);
    expect(laptop.namesChanged).toBeGreaterThan(0);

    alice.repositories.labels.set({ ...label('Cold storage (old)', 'cold') });
    await alice.sync.syncNow();
    await laptop.sync.syncNow();
    expect(names(laptop)).toEqual(['Cold storage (old)', 'Exchange deposit']);
    expect(laptop.view().devices.map((device) => [device.name, device.state, device.self])).toEqual(
      expect.arrayContaining([
        ['Studio', 'ok', false],
        ['Laptop', 'ok', true],
      ]),
    );

    // Names are 32 hex digits, sizes are buckets, and no byte of a label, address or name is in the clear.
    const files = readdirSync(folder);
    expect(files.every((file) => /^[0-9a-f]{32}\.llsync$/.test(file))).toBe(true);
    const everything = Buffer.concat(files.map((file) => readFileSync(join(folder, file))));
    for (const secret of ['Cold storage', 'Exchange', address('cold').slice(2, 12), 'Studio', 'labels']) {
      expect(everything.includes(Buffer.from(secret))).toBe(false);
    }
    expect(
      files
        .map((file) => readFileSync(join(folder, file)).length)
        .every((size) => [512, 2048, 8192].includes(size)),
    ).toBe(true);
  });

  it('rotates the key when a desktop is removed: it cannot decrypt anything written after, the others can', async () => {
    const [studio, laptop, old] = await group('Studio', 'Laptop', 'Old laptop');
    const oldRing = (await old.identity()).ring;
    await studio.sync.removeDevice((await old.identity()).device.id);
    studio.repositories.labels.set(label('After the removal', 'after'));
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    await old.sync.syncNow();
    expect(names(laptop)).toContain('After the removal');
    expect(names(old)).not.toContain('After the removal');

    // Every blob written under the new epoch is unreadable with the keys the removed desktop holds.
    const studioIdentity = await studio.identity();
    expect(currentEpoch(studioIdentity.ring).epoch).toBe(2);
    const newName = derivedKeys(currentEpoch(studioIdentity.ring)).name;
    const newest = readFileSync(
      join(folder, `${blobName(newName, studioIdentity.device.id, await studio.lastCounter())}.llsync`),
    );
    expect(() => openBlob(oldRing, () => studioIdentity.device.signPublic, newest)).toThrow(
      expect.objectContaining({ code: 'unreadable' }),
    );
    expect(
      studio
        .view()
        .devices.map((device) => device.name)
        .toSorted(),
    ).toEqual(['Laptop', 'Studio']);
  });

  it('carries contacts, tokens, notes, preferences and networks; a value this desktop cannot use stays local', async () => {
    const [studio, laptop] = await group('Studio', 'Laptop');
    studio.repositories.addressBook.set({ address: address('bob'), chainId: 1, name: 'Bob', note: 'rent' });
    studio.tokens.addUserToken({
      chainId: 1,
      address: address('token'),
      symbol: 'TKN',
      name: 'Token',
      decimals: 6,
    });
    studio.tokens.setHidden(1, address('token'), true);
    studio.repositories.settings.writeMany({ theme: 'dark', enabledChainIds: [1, 10] });
    studio.repositories.txNotes.set({ chainId: 1, hash: `0x${'ab'.repeat(32)}`, note: 'Rent for March' });
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    expect(laptop.repositories.addressBook.list()).toEqual([
      expect.objectContaining({ address: address('bob'), chainId: 1, name: 'Bob', note: 'rent' }),
    ]);
    expect(laptop.tokens.userTokens()).toEqual([
      expect.objectContaining({ address: address('token'), symbol: 'TKN', decimals: 6, hidden: true }),
    ]);
    expect(laptop.repositories.settings.readAll()).toMatchObject({ theme: 'dark', enabledChainIds: [1, 10] });
    expect(laptop.repositories.txNotes.get(1, `0x${'ab'.repeat(32)}`)?.note).toBe('Rent for March');

    // A network only the studio knows: the laptop keeps its own list, says why, and does not echo it back.
    studio.repositories.settings.writeMany({ enabledChainIds: [1, 10, 31337] });
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    expect(laptop.repositories.settings.readAll()).toMatchObject({ enabledChainIds: [1, 10] });
    expect(laptop.view().problems[0]?.message).toMatch(/networks entry could not be used here: Chain 31337/);
    await laptop.sync.syncNow();
    await studio.sync.syncNow();
    expect(studio.repositories.settings.readAll()).toMatchObject({ enabledChainIds: [1, 10, 31337] });
  });

  it('brings a network the user added, enabled, and its endpoint only once RPC sync is turned on', async () => {
    const [studio, laptop] = await group('Studio', 'Laptop');
    studio.directory.addCustom({
      chainId: 31337,
      name: 'Devnet',
      symbol: 'DEV',
      decimals: 18,
      explorerUrl: null,
    });
    await studio.endpoints.set(31337, ['http://127.0.0.1:8545/?key=secret']);
    studio.settings.set({ enabledChainIds: [1, 31337] });
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    expect(laptop.directory.find(31337)).toMatchObject({ name: 'Devnet', nativeCurrency: { symbol: 'DEV' } });
    expect(laptop.settings.get().enabledChainIds).toEqual([1, 31337]);
    expect(laptop.networksChanged).toBeGreaterThan(0);
    // Off by default: the endpoint, which may hold an API key, stayed on the studio.
    expect(await laptop.endpoints.all()).toEqual(new Map());
    expect(
      Buffer.concat(readdirSync(folder).map((file) => readFileSync(join(folder, file)))).includes('secret'),
    ).toBe(false);

    studio.sync.setCollections({ rpcs: true });
    laptop.sync.setCollections({ rpcs: true });
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    expect(await laptop.endpoints.all()).toEqual(new Map([[31337, ['http://127.0.0.1:8545/?key=secret']]]));
    expect(laptop.view().problems).toEqual([]);
  });

  it('detects a folder rolled back to an older copy', async () => {
    const [studio, laptop] = await group('Studio', 'Laptop');
    studio.repositories.labels.set(label('First', 'one'));
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    const snapshot = join(dirPath(), 'snapshot');
    cpSync(folder, snapshot, { recursive: true });
    studio.repositories.labels.set(label('Second', 'two'));
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    expect(names(laptop)).toEqual(['First', 'Second']);

    rmSync(folder, { recursive: true });
    cpSync(snapshot, folder, { recursive: true });
    await laptop.sync.syncNow();
    const view = laptop.view();
    expect(view.devices.find((device) => device.name === 'Studio')).toMatchObject({
      state: 'rolled_back',
      detail: expect.stringContaining('older state'),
    });
    expect(view.problems[0]?.message).toMatch(/rolled back/);
    expect(names(laptop)).toEqual(['First', 'Second']);
  });

  it('says a change is held back when the folder drops one blob but shows a later one, and catches up', async () => {
    const [studio, laptop] = await group('Studio', 'Laptop');
    const identity = await studio.identity();
    const nameKey = derivedKeys(currentEpoch(identity.ring)).name;
    const file = (counter: number) =>
      join(folder, `${blobName(nameKey, identity.device.id, counter)}.llsync`);
    studio.repositories.labels.set(label('Held back', 'held'));
    await studio.sync.syncNow();
    const held = await studio.lastCounter();
    const bytes = readFileSync(file(held));
    rmSync(file(held));
    studio.repositories.labels.set(label('Shown', 'shown'));
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    expect(names(laptop)).toEqual(['Shown']);
    expect(laptop.view().devices.find((device) => device.name === 'Studio')?.state).toBe('behind');

    writeFileSync(file(held), bytes);
    await laptop.sync.syncNow();
    expect(names(laptop)).toEqual(['Held back', 'Shown']);
    expect(laptop.view().devices.find((device) => device.name === 'Studio')?.state).toBe('ok');
  });

  it('detects the newest blobs of a desktop deleted from the folder as a rollback', async () => {
    const [studio, laptop] = await group('Studio', 'Laptop');
    studio.repositories.labels.set(label('Kept', 'kept'));
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    const identity = await studio.identity();
    const newest = blobName(
      derivedKeys(currentEpoch(identity.ring)).name,
      identity.device.id,
      await studio.lastCounter(),
    );
    rmSync(join(folder, `${newest}.llsync`));
    await laptop.sync.syncNow();
    expect(laptop.view().devices.find((device) => device.name === 'Studio')?.state).toBe('rolled_back');
    expect(laptop.view().problems[0]?.message).toMatch(
      /Studio than one already seen here: it was rolled back/,
    );
    expect(names(laptop)).toEqual(['Kept']);
  });

  it('rejects a tampered blob without losing anything, and says a change from that desktop is missing', async () => {
    const [studio, laptop] = await group('Studio', 'Laptop');
    laptop.repositories.labels.set(label('Mine', 'mine'));
    studio.repositories.labels.set(label('Before', 'before'));
    await studio.sync.syncNow();
    await laptop.sync.syncNow();
    studio.repositories.labels.set(label('Tampered with', 'tampered'));
    await studio.sync.syncNow();

    const identity = await studio.identity();
    const counter = await studio.lastCounter();
    const file = join(
      folder,
      `${blobName(derivedKeys(currentEpoch(identity.ring)).name, identity.device.id, counter)}.llsync`,
    );
    const bytes = readFileSync(file);
    bytes[100] = (bytes[100] ?? 0) ^ 0x01;
    writeFileSync(file, bytes);
    await laptop.sync.syncNow();

    expect(names(laptop)).toEqual(['Before', 'Mine']);
    const view = laptop.view();
    expect(view.problems[0]).toMatchObject({
      source: 'folder',
      message: expect.stringMatching(/could not be decrypted/),
    });
    expect(view.devices.find((device) => device.name === 'Studio')?.state).toBe('behind');
  });
});
