import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureAddress } from '../../../test/anvil/chainSetup';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { memorySecrets } from '../../../test/vault/memorySecrets';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { USER_COLLECTIONS, type UserCollection } from '../../shared/sync/syncOps';
import { createEventHub } from '../api/events';
import { ChainDirectory } from '../chains/chainDirectory';
import { RpcEndpoints } from '../chains/rpcEndpoints';
import { TokensRepository } from '../chains/tokensRepository';
import { safeSyncCollections } from '../safes/safeSync';
import { SafesRepository } from '../safes/safesRepository';
import { SafeTransactionsRepository } from '../safes/safeTransactionsRepository';
import { SettingsService } from '../settings/settingsService';
import { toChecksumAddress, type ChecksumAddress } from '../store/address';
import { createRepositories, type Repositories } from '../store/repositories';
import { syncedCollections, type SyncedCollection } from './syncedCollections';

const address = (name: string) => toChecksumAddress(fixtureAddress('collections', name)) as ChecksumAddress;
const ALICE = address('alice');
const TOKEN = address('token');
const devnet = { name: 'Devnet', symbol: 'DEV', decimals: 18, explorerUrl: null };

const temp = useTempDatabase('sync-collections-');

let repositories: Repositories;
let tokens: TokensRepository;
let directory: ChainDirectory;
let settings: SettingsService;
let endpoints: RpcEndpoints;
let vault: ReturnType<typeof memorySecrets>;
let counts: { names: number; networks: number };
let collections: SyncedCollection[];
const collection = (name: UserCollection) => {
  const found = collections.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no ${name} collection`);
  return found;
};

/** The snapshot of a collection kept in SQLite, which answers at once. */
const snapshot = (name: UserCollection) => {
  const records = collection(name).snapshot();
  if (records instanceof Promise) throw new Error(`${name} is kept in the vault`);
  return records;
};

beforeEach(() => {
  repositories = createRepositories(temp.db);
  tokens = new TokensRepository(temp.db);
  directory = new ChainDirectory(temp.db);
  settings = new SettingsService(
    repositories.settings,
    createEventHub(),
    { warn: vi.fn() },
    (id) => directory.find(id) !== undefined,
  );
  vault = memorySecrets();
  endpoints = new RpcEndpoints(vault, () => directory.all());
  counts = { names: 0, networks: 0 };
  collections = syncedCollections({
    repositories,
    tokens,
    settings,
    directory,
    endpoints,
    onNamesChanged: () => (counts.names += 1),
    onNetworksChanged: () => (counts.networks += 1),
    onNotesChanged: () => undefined,
    safes: safeSyncCollections({
      safes: new SafesRepository(temp.db),
      transactions: new SafeTransactionsRepository(temp.db),
      names: () => ({ symbolOf: () => null, nameOf: () => null }),
      onSafesChanged: () => undefined,
    }),
  });
});

it('has one collection per user collection', () => {
  expect(collections.map((entry) => entry.name).toSorted()).toEqual([...USER_COLLECTIONS].toSorted());
});

describe('labels', () => {
  it('snapshots each label under <address>/<chain id or *>', () => {
    repositories.labels.set({ address: ALICE, chainId: null, kind: 'eoa', name: 'Alice', note: 'friend' });
    repositories.labels.set({ address: ALICE, chainId: 10, kind: 'contract', name: 'Alice on OP', note: '' });
    expect(snapshot('labels')).toEqual(
      new Map([
        [`${ALICE}/*`, { kind: 'eoa', name: 'Alice', note: 'friend' }],
        [`${ALICE}/10`, { kind: 'contract', name: 'Alice on OP', note: '' }],
      ]),
    );
  });

  it('creates, updates and removes a label, and announces names', () => {
    const labels = collection('labels');
    labels.write(`${ALICE}/1`, { kind: 'eoa', name: 'Alice', note: null });
    expect(repositories.labels.list()).toMatchObject([
      { address: ALICE, chainId: 1, name: 'Alice', note: '' },
    ]);
    labels.write(`${ALICE}/1`, { kind: 'eoa', name: 'Alice (cold)', note: 'n' });
    expect(repositories.labels.list()).toMatchObject([{ chainId: 1, name: 'Alice (cold)', note: 'n' }]);
    labels.write(`${ALICE}/*`, null);
    expect(repositories.labels.list()).toHaveLength(1);
    labels.write(`${ALICE}/1`, null);
    expect(repositories.labels.list()).toEqual([]);
    labels.write(`${ALICE}/1`, null);
    labels.announce();
    expect(counts).toEqual({ names: 1, networks: 0 });
  });

  it('refuses a label without a name, with a bad kind, or under a key that is not an address', () => {
    const labels = collection('labels');
    expect(() => labels.write(`${ALICE}/*`, { kind: 'eoa', note: '' })).toThrow();
    expect(() => labels.write(`${ALICE}/*`, { kind: 'eoa', name: '   ', note: '' })).toThrow();
    expect(() => labels.write(`${ALICE}/*`, { kind: 'person', name: 'x', note: '' })).toThrow();
    expect(() => labels.write('0x1234/*', { kind: 'eoa', name: 'x', note: '' })).toThrow();
    expect(() => labels.write(`${ALICE}/zero`, { kind: 'eoa', name: 'x', note: '' })).toThrow();
    expect(repositories.labels.list()).toEqual([]);
  });

  it('stores a label keyed by an all-lower-case address under its checksum form', () => {
    collection('labels').write(`${ALICE.toLowerCase()}/*`, { kind: 'eoa', name: 'Alice', note: '' });
    expect([...snapshot('labels').keys()]).toEqual([`${ALICE}/*`]);
  });
});

describe('addressBook', () => {
  it('snapshots, creates, updates and removes contacts', () => {
    const book = collection('addressBook');
    book.write(`${ALICE}/*`, { name: 'Alice', note: null });
    expect(snapshot('addressBook')).toEqual(new Map([[`${ALICE}/*`, { name: 'Alice', note: '' }]]));
    book.write(`${ALICE}/*`, { name: 'Alice B.', note: 'rent' });
    book.write(`${ALICE}/8453`, { name: 'Alice on Base', note: '' });
    expect(snapshot('addressBook')).toEqual(
      new Map([
        [`${ALICE}/*`, { name: 'Alice B.', note: 'rent' }],
        [`${ALICE}/8453`, { name: 'Alice on Base', note: '' }],
      ]),
    );
    book.write(`${ALICE}/*`, null);
    book.write(`${ALICE}/1`, null);
    expect([...snapshot('addressBook').keys()]).toEqual([`${ALICE}/8453`]);
    book.announce();
    expect(counts.names).toBe(1);
  });

  it('refuses a contact without a name', () => {
    expect(() => collection('addressBook').write(`${ALICE}/*`, { note: 'x' })).toThrow();
    expect(repositories.addressBook.list()).toEqual([]);
  });
});

describe('tokens', () => {
  const usdc = { symbol: 'USDC', name: 'USD Coin', decimals: 6, hidden: false };

  it('snapshots the tokens the user added, not the discovered ones', () => {
    tokens.addUserToken({ chainId: 1, address: TOKEN, symbol: 'USDC', name: 'USD Coin', decimals: 6 });
    tokens.recordDiscovered({ chainId: 1, address: ALICE, symbol: 'SPAM', name: 'Spam', decimals: 18 });
    expect(snapshot('tokens')).toEqual(new Map([[`1/${TOKEN}`, usdc]]));
  });

  it('adds a token, hides and shows it, and never deletes one', () => {
    const write = (record: Parameters<SyncedCollection['write']>[1]) =>
      collection('tokens').write(`10/${TOKEN}`, record);
    write(usdc);
    expect(tokens.userTokens()).toMatchObject([
      { chainId: 10, address: TOKEN, symbol: 'USDC', decimals: 6, hidden: false },
    ]);
    write({ ...usdc, hidden: true });
    expect(tokens.userTokens()).toMatchObject([{ hidden: true }]);
    write({ ...usdc, hidden: false });
    expect(tokens.userTokens()).toMatchObject([{ hidden: false }]);
    write(null);
    expect(tokens.userTokens()).toHaveLength(1);
  });

  it('makes a token that had arrived unasked the user’s own', () => {
    tokens.recordDiscovered({ chainId: 1, address: TOKEN, symbol: 'USDC', name: 'USD Coin', decimals: 6 });
    collection('tokens').write(`1/${TOKEN}`, usdc);
    expect(tokens.userTokens()).toMatchObject([{ address: TOKEN, hidden: false }]);
  });

  it.each([
    ['fractional decimals', { ...usdc, decimals: 6.5 }],
    ['negative decimals', { ...usdc, decimals: -1 }],
    ['too many decimals', { ...usdc, decimals: 37 }],
    ['decimals as text', { ...usdc, decimals: '6' }],
    ['no symbol', { ...usdc, symbol: '' }],
    ['no hidden flag', { symbol: 'USDC', name: 'USD Coin', decimals: 6 }],
    ['an unknown field', { ...usdc, logo: 'x' }],
  ])('refuses a token with %s', (_what, record) => {
    expect(() => collection('tokens').write(`1/${TOKEN}`, record)).toThrow();
    expect(tokens.userTokens()).toEqual([]);
  });

  it('refuses a key that is not <chain id>/<checksum address>', () => {
    expect(() => collection('tokens').write(`1/0x${'g'.repeat(40)}`, usdc)).toThrow();
    expect(() => collection('tokens').write(`x/${TOKEN}`, usdc)).toThrow();
    expect(() => collection('tokens').write(TOKEN, usdc)).toThrow();
    expect(tokens.userTokens()).toEqual([]);
  });
});

describe('networks', () => {
  it('snapshots custom networks without endpoints and the enabled list', () => {
    directory.addCustom({ chainId: 31337, ...devnet, explorerUrl: 'https://scan.devnet.example' });
    settings.set({ enabledChainIds: [1, 31337] });
    expect(snapshot('networks')).toEqual(
      new Map([
        ['custom/31337', { ...devnet, explorerUrl: 'https://scan.devnet.example' }],
        ['settings', { enabledChainIds: [1, 31337] }],
      ]),
    );
  });

  it('adds a custom network, which can then be enabled, in the key order sync applies them', () => {
    const networks = collection('networks');
    expect(() => networks.write('settings', { enabledChainIds: [1, 31337] })).toThrow(/31337/);
    networks.write('custom/31337', devnet);
    expect(directory.find(31337)).toMatchObject({
      name: 'Devnet',
      nativeCurrency: { symbol: 'DEV', decimals: 18 },
    });
    expect(directory.isCustom(31337)).toBe(true);
    networks.write('settings', { enabledChainIds: [1, 31337] });
    expect(settings.get().enabledChainIds).toEqual([1, 31337]);
    // A definition seen again leaves the network as it is.
    networks.write('custom/31337', devnet);
    expect(directory.all().filter((chain) => chain.id === 31337)).toHaveLength(1);
    networks.announce();
    expect(counts).toEqual({ names: 0, networks: 1 });
  });

  it('removes a deleted custom network and un-enables it, and leaves a built-in one alone', () => {
    const networks = collection('networks');
    networks.write('custom/31337', devnet);
    networks.write('settings', { enabledChainIds: [1, 31337, 10] });
    networks.write('custom/31337', null);
    expect(directory.find(31337)).toBeUndefined();
    expect(settings.get().enabledChainIds).toEqual([1, 10]);
    networks.write('custom/31337', null);
    networks.write('custom/10', null);
    expect(directory.find(10)).toBeDefined();
    expect(settings.get().enabledChainIds).toEqual([1, 10]);
  });

  it('refuses an enabled list naming an unknown chain, or one twice', () => {
    const networks = collection('networks');
    expect(() => networks.write('settings', { enabledChainIds: [1, 999_999] })).toThrow(/999999/);
    expect(() => networks.write('settings', { enabledChainIds: [1, 1] })).toThrow();
    expect(() => networks.write('settings', { enabledChainIds: ['1'] })).toThrow();
    expect(settings.get().enabledChainIds).toEqual(DEFAULT_SETTINGS.enabledChainIds);
  });

  it('refuses a custom network that is not valid', () => {
    const networks = collection('networks');
    expect(() => networks.write('custom/31337', { ...devnet, name: '' })).toThrow();
    expect(() => networks.write('custom/31337', { ...devnet, decimals: 40 })).toThrow();
    expect(() =>
      networks.write('custom/31337', { ...devnet, explorerUrl: 'http://insecure.example' }),
    ).toThrow();
    expect(() => networks.write('custom/31337', { ...devnet, rpcUrl: 'https://rpc.example' })).toThrow();
    expect(() => networks.write('custom/0', devnet)).toThrow();
    expect(() => networks.write('custom/abc', devnet)).toThrow();
    expect(directory.find(31337)).toBeUndefined();
  });
});

describe('rpcs', () => {
  it('snapshots the endpoints in the vault by chain id', async () => {
    await endpoints.set(10, ['https://op.example/key']);
    expect(await collection('rpcs').snapshot()).toEqual(
      new Map([['10', { urls: ['https://op.example/key'] }]]),
    );
  });

  it('stores merged urls in the vault, replaces them, and forgets them on delete', async () => {
    const rpcs = collection('rpcs');
    await rpcs.write('1', { urls: ['https://eth.example/secret', 'http://127.0.0.1:8545'] });
    expect(vault.names()).toEqual(['rpc-urls:1']);
    expect(await endpoints.all()).toEqual(
      new Map([[1, ['https://eth.example/secret', 'http://127.0.0.1:8545']]]),
    );
    await rpcs.write('1', { urls: ['https://other.example'] });
    expect(await endpoints.all()).toEqual(new Map([[1, ['https://other.example']]]));
    await rpcs.write('1', null);
    expect(await endpoints.all()).toEqual(new Map());
    expect(vault.names()).toEqual([]);
    rpcs.announce();
    expect(counts.networks).toBe(1);
  });

  it('refuses urls that are not http(s), and a chain the wallet does not know', async () => {
    const rpcs = collection('rpcs');
    await expect(rpcs.write('1', { urls: ['ftp://eth.example'] })).rejects.toThrow();
    await expect(rpcs.write('1', { urls: ['javascript:alert(1)'] })).rejects.toThrow();
    await expect(rpcs.write('1', { urls: 'https://eth.example' })).rejects.toThrow();
    await expect(rpcs.write('1', {})).rejects.toThrow();
    await expect(rpcs.write('999999', { urls: ['https://eth.example'] })).rejects.toThrow(/999999/);
    expect(vault.names()).toEqual([]);
  });
});

describe('preferences', () => {
  it('snapshots the synced settings only', () => {
    settings.set({ theme: 'dark', activeChainId: 10, enabledChainIds: [1, 10] });
    expect(snapshot('preferences')).toEqual(
      new Map([['settings', { theme: 'dark', fiatCurrency: 'USD', historyExplorers: false }]]),
    );
  });

  it('writes the fields the record has and ignores others, such as the active chain', () => {
    const preferences = collection('preferences');
    preferences.write('settings', { theme: 'light' });
    preferences.write('settings', { fiatCurrency: 'EUR', historyExplorers: true, activeChainId: 10 });
    expect(settings.get()).toMatchObject({
      theme: 'light',
      fiatCurrency: 'EUR',
      historyExplorers: true,
      activeChainId: 1,
    });
    preferences.write('settings', null);
    preferences.write('settings', {});
    expect(settings.get()).toMatchObject({ theme: 'light', fiatCurrency: 'EUR' });
  });

  it.each([
    ['an unknown theme', { theme: 'neon' }],
    ['an unknown currency', { fiatCurrency: 'DOGE' }],
    ['a cleared theme', { theme: null }],
    ['a flag as text', { historyExplorers: 'yes' }],
  ])('refuses %s and leaves the settings as they were', (_what, record) => {
    expect(() => collection('preferences').write('settings', record)).toThrow();
    expect(repositories.settings.readAll()).toEqual({});
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
