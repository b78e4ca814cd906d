import fc from 'fast-check';
import type { Channel } from '../../src/shared/api/contract';
import { CHAINS } from '../../src/shared/chains/registry';
import { RESET_CONFIRMATION } from '../../src/shared/localData';
import { FiatCurrency, ThemePreference } from '../../src/shared/settings';
import { DEFAULT_UPDATE_FEED } from '../../src/shared/updates';

/** Addresses of the public test mnemonic's first accounts, valid and checksummed. */
export const WATCHED = [
  '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
  '0x70997970C51812dc3A010C7d01b50e0d17dc79C8',
  '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC',
];

/** Further accounts of the same mnemonic, which the wallet does not watch yet: adding one succeeds once. */
const UNWATCHED = [
  '0x90F79bf6EB2c4f870365E785982E1f101E93b906',
  '0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65',
];

/** A backup as the app writes it, so that imports of it (whole, cut or edited) reach the real service. */
const BACKUP = JSON.stringify({
  format: 'ledgerline-backup',
  version: 1,
  exportedAt: '2026-01-01T00:00:00.000Z',
  settings: [{ key: 'theme', value: 'dark', updatedAt: 1 }],
  devices: [],
  accounts: [],
  labels: [],
  addressBook: [],
  txNotes: [{ chainId: 1, hash: `0x${'ab'.repeat(32)}`, note: 'Rent for March', updatedAt: 1 }],
});

/**
 * Random payloads shaped like each channel's request, so that a good share is valid and reaches the real
 * service, mixed with arbitrary values that must be refused.
 */
/** Domains for the active chain (1), another chain, or none, so that each check before the device is met. */
const typedData = fc.oneof(
  fc.record({
    domain: fc.record(
      { name: fc.string(), chainId: fc.constantFrom(1, 10, '1') },
      { requiredKeys: ['name'] },
    ),
    types: fc.constant({ Mail: [{ name: 'contents', type: 'string' }] }),
    primaryType: fc.constantFrom('Mail', 'Other'),
    message: fc.record({ contents: fc.string() }),
  }),
  fc.anything(),
);

/** Ids of the dApp requests and browsers: mostly well-formed (and so unknown to the wallet), some not. */
const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const requestId = fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ maxLength: 40 }));
/** Site origins as the browser names them, ones the wallet refuses (a path, plain http), and any text. */
const siteOrigin = fc.oneof(
  fc.constantFrom('https://app.example.org', 'http://localhost:5173', 'https://app.example.org/path'),
  fc.domain().map((host) => `https://${host}`),
  fc.string({ maxLength: 40 }),
);

/** Row ids: mostly ones a fresh wallet may hold (the watched accounts are 1 to 3), some malformed. */
const smallId = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer(), fc.double());

/** Owners from the watched accounts (none can sign, so none can own a Safe) and thresholds around them. */
const createSafe = fc.record({
  chainId: fc.oneof(fc.constantFrom(1, 10), fc.integer()),
  name: fc.string({ maxLength: 50 }),
  ownerAccountIds: fc.oneof(fc.array(smallId, { maxLength: 4 }), fc.anything()),
  threshold: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.anything()),
  deployerAccountId: smallId,
});

/** Each kind of action, with addresses and amounts both well-formed and not. */
const proposeSafeTx = fc.record({
  safeId: smallId,
  action: fc.oneof(
    fc.record({
      kind: fc.constant('send'),
      to: fc.oneof(fc.constantFrom(...WATCHED), fc.string({ maxLength: 60 })),
      asset: fc.oneof(fc.constant('native'), fc.constantFrom(...WATCHED), fc.string()),
      amount: fc.oneof(fc.constantFrom('0.5', '1', '0'), fc.string({ maxLength: 40 })),
    }),
    fc.record({
      kind: fc.constantFrom('add-owner', 'remove-owner'),
      owner: fc.oneof(fc.constantFrom(...WATCHED), fc.string()),
      threshold: fc.integer({ min: -1, max: 25 }),
    }),
    fc.record({ kind: fc.constant('change-threshold'), threshold: fc.integer({ min: -1, max: 25 }) }),
    fc.record({
      kind: fc.constant('revoke'),
      token: fc.oneof(fc.constantFrom(...WATCHED), fc.string()),
      spender: fc.oneof(fc.constantFrom(...WATCHED), fc.string()),
    }),
    fc.anything(),
  ),
});

export const plausible: Record<Channel, fc.Arbitrary<unknown>> = {
  'app.info': fc.constant(undefined),
  'chains.list': fc.constant(undefined),
  'settings.get': fc.constant(undefined),
  'settings.set': fc.record(
    {
      theme: fc.oneof(fc.constantFrom(...ThemePreference.options), fc.anything()),
      fiatCurrency: fc.oneof(fc.constantFrom(...FiatCurrency.options), fc.string()),
      activeChainId: fc.oneof(fc.constantFrom(...CHAINS.map((c) => c.id)), fc.integer(), fc.double()),
      historyExplorers: fc.oneof(fc.boolean(), fc.anything()),
      // The default, a mirror on this computer, plain http elsewhere (refused), and any text.
      updateFeedUrl: fc.oneof(
        fc.constantFrom(DEFAULT_UPDATE_FEED, 'http://127.0.0.1:1/feed/', 'http://example.com/'),
        fc.string({ maxLength: 320 }),
      ),
      automaticUpdates: fc.oneof(fc.boolean(), fc.anything()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  'data.location': fc.constant(undefined),
  // Mostly near-misses: a real reset empties the store, which the other channels then keep working on.
  'data.reset': fc.oneof(
    { weight: 1, arbitrary: fc.constant({ confirm: RESET_CONFIRMATION }) },
    {
      weight: 20,
      arbitrary: fc.record({ confirm: fc.oneof(fc.string(), fc.constant(RESET_CONFIRMATION.toUpperCase())) }),
    },
  ),
  'backup.export': fc.constant(undefined),
  'backup.import': fc.record({
    contents: fc.oneof(
      fc.constant(BACKUP),
      fc.nat({ max: BACKUP.length }).map((n) => BACKUP.slice(0, n)),
      fc.json(),
      fc.string(),
    ),
  }),
  'vault.status': fc.constant(undefined),
  'accounts.list': fc.constant(undefined),
  'accounts.addWatch': fc.record(
    {
      address: fc.oneof(fc.constantFrom(...WATCHED, ...UNWATCHED), fc.string()),
      label: fc.string({ maxLength: 120 }),
    },
    { requiredKeys: ['address'] },
  ),
  'chains.status': fc.constant(undefined),
  'chains.setRpc': fc.record({
    chainId: fc.oneof(fc.constantFrom(...CHAINS.map((c) => c.id)), fc.integer()),
    urls: fc.array(fc.oneof(fc.constant('http://127.0.0.1:9/'), fc.webUrl(), fc.string()), { maxLength: 6 }),
  }),
  'chains.setExplorer': fc.record({
    chainId: fc.oneof(fc.constantFrom(...CHAINS.map((c) => c.id)), fc.integer()),
    explorerUrl: fc.oneof(
      fc.constant(null),
      fc.constant('https://explorer.example'),
      fc.webUrl(),
      fc.string(),
    ),
  }),
  // Endpoints on loopback ports nothing listens on: refused at once, with no traffic leaving the machine.
  'chains.addCustom': fc.record({
    chainId: fc.oneof(fc.constantFrom(1, 10, 777), fc.integer()),
    name: fc.string({ maxLength: 60 }),
    symbol: fc.string({ maxLength: 14 }),
    rpcUrl: fc.oneof(fc.constant('http://127.0.0.1:9/'), fc.string()),
  }),
  'chains.removeCustom': fc.record({ chainId: fc.oneof(fc.constantFrom(1, 777), fc.integer()) }),
  'portfolio.get': fc.constant(undefined),
  'portfolio.refresh': fc.constant(undefined),
  'portfolio.valueHistory': fc.constant(undefined),
  'tokens.add': fc.record({ chainId: fc.constantFrom(1, 10, 31337), address: fc.constantFrom(...WATCHED) }),
  'tokens.setHidden': fc.record({
    chainId: fc.constantFrom(1, 10),
    address: fc.constantFrom(...WATCHED),
    hidden: fc.boolean(),
  }),
  'accounts.remove': fc.record({ accountId: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer()) }),
  'accounts.rename': fc.record({
    accountId: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.integer()),
    label: fc.oneof(fc.constantFrom('Savings', 'Ledger 1', ' '), fc.string({ maxLength: 50 })),
  }),
  'devices.list': fc.constant(undefined),
  'devices.discover': fc.record({
    deviceId: fc.oneof(fc.constant('ledger:nano-x'), fc.string()),
    scheme: fc.oneof(fc.constantFrom('ledger-live', 'bip44', 'legacy'), fc.string()),
    start: fc.oneof(fc.nat({ max: 30 }), fc.integer()),
    count: fc.integer({ min: -1, max: 120 }),
    all: fc.boolean(),
  }),
  'devices.addAccounts': fc.record({
    deviceId: fc.oneof(fc.constant('ledger:nano-x'), fc.string()),
    accounts: fc.array(
      fc.record({
        scheme: fc.oneof(fc.constantFrom('ledger-live', 'bip44', 'legacy'), fc.string()),
        index: fc.integer({ min: -1, max: 30 }),
        label: fc.string({ maxLength: 120 }),
      }),
      { maxLength: 3 },
    ),
  }),
  'devices.verifyAddress': fc.record({ accountId: fc.integer({ min: -1, max: 4 }) }),
  'devices.forget': fc.record({
    fingerprint: fc.oneof(fc.constant('c0ffee00'), fc.string({ maxLength: 140 })),
  }),
  'devices.answer': fc.record({
    deviceId: fc.oneof(fc.constant('trezor:1'), fc.string()),
    request: fc.oneof(fc.constantFrom('pin', 'passphrase'), fc.string()),
    value: fc.oneof(fc.constant(null), fc.string({ maxLength: 120 })),
  }),
  'signing.message': fc.record({
    accountId: fc.integer({ min: -1, max: 4 }),
    message: fc.string({ maxLength: 200 }),
  }),
  'signing.typedData': fc.record(
    {
      accountId: fc.integer({ min: 1, max: 4 }),
      allowMissingChainId: fc.boolean(),
      allowBlindSigning: fc.boolean(),
      typedData,
    },
    { requiredKeys: ['accountId', 'typedData'] },
  ),
  'signing.reviewTypedData': fc.record(
    {
      accountId: fc.integer({ min: -1, max: 4 }),
      typedData,
    },
    { requiredKeys: ['accountId', 'typedData'] },
  ),
  'signing.cancel': fc.record({ id: fc.oneof(fc.uuid(), fc.string({ maxLength: 120 })) }),
  'signing.retry': fc.record({ id: fc.oneof(fc.uuid(), fc.string({ maxLength: 120 })) }),
  'pairing.status': fc.constant(undefined),
  'pairing.start': fc.constant(undefined),
  'pairing.confirm': fc.record({
    id: fc.string({ maxLength: 120 }),
    matches: fc.oneof(fc.boolean(), fc.anything()),
  }),
  'pairing.cancel': fc.record({ id: fc.string({ maxLength: 120 }) }),
  'pairing.revoke': fc.record({
    fingerprint: fc.oneof(fc.constant('c0ffee00'), fc.string({ maxLength: 140 })),
  }),
  'pairing.setRelay': fc.record({
    host: fc.oneof(fc.constant('127.0.0.1'), fc.string({ maxLength: 120 })),
    port: fc.oneof(fc.integer({ min: 0, max: 70_000 }), fc.anything()),
  }),
  'tx.review': fc.record({
    accountId: fc.integer({ min: -1, max: 4 }),
    chainId: fc.oneof(fc.constantFrom(1, 10), fc.integer()),
    to: fc.oneof(fc.constantFrom(...WATCHED), fc.string({ maxLength: 60 })),
    asset: fc.oneof(fc.constant('native'), fc.constantFrom(...WATCHED), fc.string()),
    amount: fc.oneof(fc.constantFrom('0.5', '1', '0.0000001'), fc.string({ maxLength: 20 })),
    speed: fc.oneof(fc.constantFrom('slow', 'normal', 'fast'), fc.string()),
  }),
  'tx.send': fc.record({
    accountId: fc.integer({ min: -1, max: 4 }),
    chainId: fc.constantFrom(1, 10),
    to: fc.constantFrom(...WATCHED),
    asset: fc.constant('native'),
    amount: fc.constantFrom('0.5', 'x'),
  }),
  'tx.list': fc.constant(undefined),
  'tx.reviewReplacement': fc.record({
    id: fc.integer({ min: -1, max: 4 }),
    mode: fc.oneof(fc.constantFrom('speed-up', 'cancel'), fc.string()),
  }),
  'tx.speedUp': fc.record({ id: fc.integer({ min: -1, max: 4 }) }),
  'tx.cancel': fc.record({ id: fc.integer({ min: -1, max: 4 }) }),
  'approvals.overview': fc.constant(undefined),
  'approvals.reviewRevoke': fc.record({
    accountId: fc.integer({ min: -1, max: 4 }),
    chainId: fc.constantFrom(1, 10),
    allowances: fc.array(
      fc.record({ token: fc.constantFrom(...WATCHED), spender: fc.constantFrom(...WATCHED) }),
      { maxLength: 2 },
    ),
  }),
  'approvals.revoke': fc.record({
    accountId: fc.integer({ min: -1, max: 4 }),
    chainId: fc.constantFrom(1, 10),
    allowances: fc.array(
      fc.record({ token: fc.constantFrom(...WATCHED), spender: fc.constantFrom(...WATCHED) }),
      {
        maxLength: 2,
      },
    ),
  }),
  'history.page': fc.record(
    {
      chainIds: fc.array(fc.oneof(fc.constantFrom(1, 10), fc.integer()), { maxLength: 3 }),
      accounts: fc.array(fc.oneof(fc.constantFrom(...WATCHED), fc.string()), { maxLength: 3 }),
      kinds: fc.array(fc.oneof(fc.constantFrom('send', 'swap', 'bridge'), fc.string()), { maxLength: 3 }),
      token: fc.oneof(fc.constant('native'), fc.constantFrom(...WATCHED), fc.string()),
      search: fc.oneof(fc.constantFrom(...WATCHED), fc.string({ maxLength: 120 })),
      limit: fc.integer({ min: -1, max: 300 }),
      after: fc.oneof(fc.constant('1700000000.5'), fc.string({ maxLength: 40 })),
    },
    { requiredKeys: [] },
  ),
  'history.status': fc.constant(undefined),
  'history.sync': fc.constant(undefined),
  'history.exportCsv': fc.record(
    {
      chainIds: fc.array(fc.oneof(fc.constantFrom(1, 10), fc.integer()), { maxLength: 3 }),
      search: fc.string({ maxLength: 120 }),
    },
    { requiredKeys: [] },
  ),
  // Mostly well-formed hashes (some in upper case), notes from blank to just over the limit.
  'history.setNote': fc.record({
    chainId: fc.oneof(fc.constantFrom(1, 10), fc.integer()),
    hash: fc.oneof(
      fc.stringMatching(/^0x[0-9a-f]{64}$/),
      fc.stringMatching(/^0x[0-9a-fA-F]{64}$/),
      fc.string({ maxLength: 70 }),
    ),
    note: fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('', '   ', '\n\t'),
      fc.string({ minLength: 990, maxLength: 1010 }),
      fc.string({ unit: 'grapheme', maxLength: 30 }),
    ),
  }),
  'history.sources': fc.constant(undefined),
  'history.setEtherscanKey': fc.record({
    key: fc.oneof(
      fc.constant(null),
      fc.stringMatching(/^\s?[A-Za-z0-9]{34}\s?$/),
      fc.string({ minLength: 30, maxLength: 38 }),
    ),
  }),
  'names.list': fc.constant(undefined),
  'labels.set': fc.record({
    address: fc.oneof(fc.constantFrom(...WATCHED), fc.string({ maxLength: 50 })),
    chainId: fc.oneof(fc.constant(null), fc.constantFrom(1, 10), fc.integer()),
    kind: fc.oneof(fc.constantFrom('eoa', 'contract'), fc.string()),
    name: fc.string({ maxLength: 120 }),
    note: fc.string({ maxLength: 20 }),
  }),
  'labels.remove': fc.record({
    address: fc.oneof(fc.constantFrom(...WATCHED), fc.string({ maxLength: 50 })),
    chainId: fc.oneof(fc.constant(null), fc.integer()),
  }),
  'contacts.set': fc.record({
    address: fc.oneof(fc.constantFrom(...WATCHED), fc.string({ maxLength: 50 })),
    chainId: fc.oneof(fc.constant(null), fc.constantFrom(1, 10), fc.integer()),
    name: fc.string({ maxLength: 120 }),
    note: fc.string({ maxLength: 20 }),
  }),
  'contacts.remove': fc.record({
    address: fc.oneof(fc.constantFrom(...WATCHED), fc.string({ maxLength: 50 })),
    chainId: fc.oneof(fc.constant(null), fc.integer()),
  }),
  'sync.status': fc.constant(undefined),
  // Never a real directory: a fuzzed "/" or "." would have the core write blobs there.
  'sync.setFolder': fc.record({
    path: fc.oneof(
      fc.constant(null),
      fc.string({ maxLength: 40 }).map((name) => `/nonexistent-ledgerline-sync/${name}`),
      fc.constant(''),
    ),
  }),
  'sync.setCollections': fc.dictionary(
    fc.oneof(fc.constantFrom('labels', 'addressBook', 'tokens'), fc.string({ maxLength: 12 })),
    fc.oneof(fc.boolean(), fc.anything()),
  ),
  'sync.now': fc.constant(undefined),
  'sync.invite': fc.constant(undefined),
  'sync.join': fc.record({ code: fc.string({ maxLength: 220 }) }),
  'sync.removeDevice': fc.record({
    id: fc.oneof(fc.stringMatching(/^[0-9a-f]{16}$/), fc.string({ maxLength: 20 })),
  }),
  'dapps.sites': fc.constant(undefined),
  'dapps.requests': fc.constant(undefined),
  'dapps.review': fc.record({ id: requestId }),
  'dapps.approve': fc.record(
    {
      id: requestId,
      accountIds: fc.oneof(fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 3 }), fc.anything()),
      allowRevert: fc.boolean(),
      allowMissingChainId: fc.boolean(),
      allowBlindSigning: fc.boolean(),
    },
    { requiredKeys: ['id'] },
  ),
  'dapps.reject': fc.record({ id: requestId }),
  'dapps.revoke': fc.record({ origin: siteOrigin }),
  'dapps.revokeAll': fc.constant(undefined),
  'dapps.setWindowEthereum': fc.record({ origin: siteOrigin, on: fc.oneof(fc.boolean(), fc.anything()) }),
  'browsers.status': fc.constant(undefined),
  'browsers.startPairing': fc.constant(undefined),
  'browsers.confirmPairing': fc.record({ id: requestId, matches: fc.oneof(fc.boolean(), fc.anything()) }),
  'browsers.cancelPairing': fc.record({ id: requestId }),
  'browsers.revoke': fc.record({ id: requestId }),
  'walletconnect.view': fc.constant(undefined),
  // Well-formed links reach the service (which has no project id here), and near-misses the link check.
  'walletconnect.pair': fc.record({
    uri: fc.oneof(
      fc
        .tuple(
          hex64,
          hex64,
          fc.oneof(
            fc.constant(''),
            fc.nat().map((n) => `&expiryTimestamp=${n}`),
          ),
        )
        .map(([topic, key, expiry]) => `wc:${topic}@2?relay-protocol=irn&symKey=${key}${expiry}`),
      fc.string({ minLength: 3, maxLength: 300 }).map((text) => `wc:${text}`),
      fc.string({ maxLength: 300 }),
    ),
  }),
  'walletconnect.pairClipboard': fc.constant(undefined),
  // The PNG signature, then anything: the image check refuses before anything is decoded.
  'walletconnect.pairImage': fc.record({
    png: fc.oneof(
      fc.base64String({ maxLength: 400 }).map((rest) => `iVBORw0KGgo${rest}`),
      fc.base64String({ maxLength: 400 }),
      fc.string({ maxLength: 40 }),
    ),
  }),
  'walletconnect.disconnect': fc.record({ topic: fc.oneof(hex64, fc.string({ maxLength: 70 })) }),
  'safes.view': fc.constant(undefined),
  'safes.reviewCreate': createSafe,
  'safes.create': createSafe,
  'safes.add': fc.record({
    chainId: fc.oneof(fc.constantFrom(1, 10), fc.integer()),
    address: fc.oneof(fc.constantFrom(...WATCHED, ...UNWATCHED), fc.string({ maxLength: 120 })),
    name: fc.string({ maxLength: 50 }),
  }),
  'safes.remove': fc.record({ id: smallId }),
  'safes.refresh': fc.record({ id: smallId }),
  'safes.reviewTransaction': proposeSafeTx,
  'safes.propose': proposeSafeTx,
  'safes.confirm': fc.record(
    { id: smallId, accountId: smallId, allowBlindSigning: fc.oneof(fc.boolean(), fc.anything()) },
    { requiredKeys: ['id', 'accountId'] },
  ),
  'safes.reviewExecute': fc.record({ id: smallId, executorAccountId: smallId }),
  'safes.execute': fc.record({ id: smallId, executorAccountId: smallId }),
  'safes.discard': fc.record({ id: smallId }),
  'updates.view': fc.constant(undefined),
  'updates.check': fc.constant(undefined),
  'updates.restart': fc.constant(undefined),
};
