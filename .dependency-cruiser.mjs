/**
 * The layer table of DESIGN.md ("Processes and layers") as an allow-list, after VS Code's
 * `code-import-patterns`: every import must match one of the `allowed` rules below, or it is reported as
 * `not-in-allowed`. The `forbidden` rules name the hazards that deserve a message of their own. Run it with
 * `npm run lint:arch` (scripts/lint-arch.mjs), which also checks folder cycles among production code.
 *
 * Paths are regular expressions over paths relative to the repository root.
 */

// --- Where things are ----------------------------------------------------------------------------------

/**
 * Files that only tests load: tests themselves (beside their code), and test support, which lives in test/
 * and e2e/. A `testing/` folder or `testing.ts` / `testFixtures.ts` file dropped into src/ is still known for
 * what it is, so production code cannot come to depend on it.
 */
const TEST_FILE = String.raw`\.(test|spec)\.(ts|tsx|mts|mjs)$`;
const TEST_SUPPORT = String.raw`^(test|e2e)/|/testing(/|\.tsx?$)|/testFixtures\.tsx?$`;
const TEST_ONLY = [TEST_FILE, TEST_SUPPORT];

/**
 * The foundation every capability is handed in `CoreBase` (src/main/coreBase.ts), the JSON-RPC client every
 * chain reader shares, the review every signing path shares (decoding, simulation, findings, what the device
 * shows), and two pure helpers.
 */
const BOTTOM = ['store', 'vault', 'api', 'rpc', 'security', 'web', 'review'];
const BOTTOM_FILES = ['log.ts', 'coreBase.ts'];
/** The composition root: it builds every service once and wires them together. */
const ROOT_FILES = ['core.ts', 'coreOptions.ts'];
/** Entry points that start the core: they may import any service, and nothing imports them. */
const ENTRIES = ['electron', 'host'];

/**
 * Type-only imports between capabilities, exactly where the composition root (src/main/core.ts and the
 * `create<Service>Module` it calls) hands one capability to another's constructor. Anything else reaches a
 * capability through a callback or an interface its consumer declares. Keep this acyclic.
 */
const HANDED_IN = {
  chains: ['settings'],
  prices: ['chains'],
  sync: ['settings', 'chains', 'names'],
  // core.ts hands pairing to signers as `phones`: pairing implements the phone-signer interface that signers
  // declares, so the arrow points from pairing to signers.
  pairing: ['sync', 'signers'],
  signers: ['chains'],
  history: ['settings', 'chains'],
  tx: ['chains', 'signers', 'history'],
  localData: ['settings', 'accounts', 'sync', 'chains'],
  dapps: ['settings', 'chains'],
  safes: ['settings', 'chains', 'signers', 'tx'],
};

/** npm packages by where they can run. */
const PURE_LIBS = ['zod', 'ethers', '@noble/[^/]+', '@scure/[^/]+'];
const PAGE_LIBS = [
  ...PURE_LIBS,
  'react',
  'react-dom',
  'lucide-react',
  '@visx/[^/]+',
  'qrcode',
  '@fontsource-variable/[^/]+',
];
const TEST_LIBS = [
  'vitest',
  '@vitest/[^/]+',
  'fast-check',
  '@testing-library/[^/]+',
  'fake-indexeddb',
  'happy-dom',
  '@playwright/test',
  'playwright-core',
  '@ledgerhq/hw-transport-mocker',
];
/** Packages that need Node or a native binary, and so can never run in a page, the preload or the phone. */
const NODE_ONLY_LIBS = [
  'better-sqlite3',
  '@napi-rs/keyring',
  '@ledgerhq/hw-transport-node-hid',
  'node-hid',
  'usb',
  'ws',
];

/**
 * WalletConnect and the QR decoder it pairs through: they hold a dApp's keys and parse what the relay and the
 * clipboard hand in, so one folder of the dApps service owns them (and tests, which drive it from the dApp's
 * side).
 */
const WALLETCONNECT_LIBS = ['@reown/[^/]+', '@walletconnect/[^/]+', 'zxing-wasm'];
const WALLETCONNECT_HOME = '^(src/main/dapps/walletconnect|test)/';

/**
 * Safe's SDK and its deployment tables: the Safes service alone speaks to Safe contracts, through the one
 * read-only provider it hands the SDK (and tests, which deploy and drive Safes on anvil).
 */
const SAFE_LIBS = ['@safe-global/[^/]+'];
const SAFE_HOME = '^(src/main/safes|test|scripts/demo)/';

/**
 * electron-updater downloads and installs what the feed offers, so it is driven only from behind the signed
 * feed (src/main/updates) and built in the shell (src/main/electron), and by tests, which run it against a
 * release server on 127.0.0.1. builder-util-runtime is its HTTP and update-info layer.
 */
const UPDATER_LIBS = ['electron-updater', 'builder-util-runtime'];
const UPDATER_HOME = '^(src/main/(updates|electron)|test)/';

const npm = (names) => `^node_modules/(${names.join('|')})/`;
const folders = (names) => `^src/main/(${names.join('|')})/`;
const files = (names) => `^src/main/(${names.map((name) => name.replace('.', String.raw`\.`)).join('|')})$`;
const ELECTRON = '^(node_modules/)?electron(/|$)';
const NPM = ['npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'];

/** Every service folder under src/main: capabilities and the bottom alike. */
const SERVICE = String.raw`^src/main/(?!(?:${ENTRIES.join('|')})/)([^/]+)/`;
const CAPABILITY = String.raw`^src/main/(?!(?:${[...ENTRIES, ...BOTTOM].join('|')})/)([^/]+)/`;
const BROWSER_LAYERS = '^src/(shared|renderer|companion|preload|extension)/';

// --- Rules -----------------------------------------------------------------------------------------------

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  allowedSeverity: 'error',
  allowed: [
    {
      comment:
        'Node builtins, electron and native packages are bound to a runtime: the forbidden rules below say ' +
        'which layers may use them, each with its own message.',
      from: {},
      to: { dependencyTypes: ['core'] },
    },
    { comment: 'See no-electron-outside-shell.', from: {}, to: { path: ELECTRON } },
    { comment: 'See no-node-in-browser-layers.', from: {}, to: { path: npm(NODE_ONLY_LIBS) } },
    { comment: 'See no-extension-imports.', from: {}, to: { path: '^src/extension/' } },
    { comment: 'See walletconnect-in-its-folder.', from: {}, to: { path: npm(WALLETCONNECT_LIBS) } },
    { comment: 'See safe-sdk-in-its-folder.', from: {}, to: { path: npm(SAFE_LIBS) } },
    { comment: 'See updater-in-its-folders.', from: {}, to: { path: npm(UPDATER_LIBS) } },
    {
      comment: 'See no-test-support-in-production: only tests, and test support itself, may use it.',
      from: { path: '^src/' },
      to: { path: [TEST_SUPPORT, npm(TEST_LIBS)] },
    },

    // shared: "nothing but pure libraries" (DESIGN.md).
    {
      comment: 'shared imports only shared and pure libraries (zod, ethers, @noble/*, @scure/*).',
      from: { path: '^src/shared/' },
      to: { path: ['^src/shared/', npm(PURE_LIBS)] },
    },

    // Core services: "shared, Node, npm libraries"; among them, the order of the composition root.
    {
      comment: 'A core service imports its own folder, shared and npm libraries.',
      from: { path: SERVICE },
      to: { path: ['^src/main/$1/', '^src/shared/'] },
    },
    {
      comment: 'A core service may use any npm library (Node-only ones too).',
      from: { path: SERVICE },
      to: { dependencyTypes: NPM },
    },
    {
      comment:
        'The bottom (store, vault, events, log, …) is handed to every capability, so any may import it.',
      from: { path: CAPABILITY },
      to: { path: [folders(BOTTOM), files(BOTTOM_FILES)] },
    },
    {
      comment:
        'Above the store, the bottom may use the store and the log; the store itself imports no service.',
      from: { path: folders(BOTTOM.filter((name) => name !== 'store')) },
      to: { path: ['^src/main/store/', files(['log.ts'])] },
    },
    {
      comment: "The review runs the transaction on the user's own node, through the one JSON-RPC client.",
      from: { path: '^src/main/review/' },
      to: { path: '^src/main/rpc/' },
    },
    ...Object.entries(HANDED_IN).map(([from, to]) => ({
      comment: `core.ts hands ${to.join(', ')} to ${from}: ${from} may name their types, never import their code.`,
      from: { path: `^src/main/${from}/` },
      to: { path: folders(to), dependencyTypes: ['type-only'] },
    })),
    {
      comment:
        'Test-only exception (as VS Code names them): a service test may build the real neighbours it needs, ' +
        'the whole core, and test support.',
      from: { path: `${SERVICE}.*${TEST_FILE}` },
      to: { path: [folders(['(?!electron/|host/)[^/]+']), files(ROOT_FILES)] },
    },

    // The composition root and the entries.
    {
      comment: 'The composition root wires every service and nothing else.',
      from: { path: files(ROOT_FILES) },
      to: { path: ['^src/main/(?!(?:electron|host)/)', '^src/shared/'] },
    },
    {
      comment: 'The bottom files (the log, the CoreBase bundle) name only the bottom.',
      from: { path: files(BOTTOM_FILES) },
      to: { path: [folders(BOTTOM), files(BOTTOM_FILES), '^src/shared/'] },
    },
    {
      comment: 'The composition root and the bottom files may use npm libraries.',
      from: { path: '^src/main/[^/]+$' },
      to: { dependencyTypes: NPM },
    },
    {
      comment:
        'The Electron shell and the browser host start the core: they import it, the services and shared.',
      from: { path: `^src/main/(${ENTRIES.join('|')})/` },
      to: { path: ['^src/main/$1/', '^src/main/(?!(?:electron|host)/)', '^src/shared/'] },
    },
    {
      comment: 'Entries may use npm libraries.',
      from: { path: `^src/main/(${ENTRIES.join('|')})/` },
      to: { dependencyTypes: NPM },
    },

    // Sandboxed and browser layers.
    {
      comment: 'The preload imports shared and electron (contextBridge, ipcRenderer) only.',
      from: { path: '^src/preload/' },
      to: { path: ['^src/preload/', '^src/shared/'] },
    },
    {
      comment: 'A page (renderer, phone companion) imports its own folder, shared and browser libraries.',
      from: { path: '^src/(renderer|companion)/' },
      to: { path: ['^src/$1/', '^src/shared/', npm(PAGE_LIBS)] },
    },
    {
      comment:
        "The browser extension runs in the user's browser, on every site: its own folder, shared and pure " +
        'libraries only (the browser and extension APIs are globals).',
      from: { path: '^src/extension/' },
      to: { path: ['^src/extension/', '^src/shared/', npm(PURE_LIBS)] },
    },

    // Outside src: tests, end-to-end tests, benchmarks, scripts.
    {
      comment:
        'test/ holds doubles, fixtures and cross-cutting tests: they may build on anything that runs without ' +
        'Electron, and test the scripts.',
      from: { path: '^test/' },
      to: { path: ['^test/', '^scripts/', '^src/(?!main/electron/|preload/)'] },
    },
    { comment: 'test/ may use any npm library.', from: { path: '^test/' }, to: { dependencyTypes: NPM } },
    {
      comment: 'End-to-end tests drive the built app: they use test doubles, scripts and shared, not main.',
      from: { path: '^e2e/' },
      to: { path: ['^e2e/', '^test/', '^scripts/', '^src/shared/'] },
    },
    {
      comment:
        'Named exception: the accessibility pass reads the list of screens, so a new route cannot escape it.',
      from: { path: '^e2e/a11y\\.spec\\.ts$' },
      to: { path: '^src/renderer/routing/routes\\.ts$' },
    },
    { comment: 'e2e may use any npm library.', from: { path: '^e2e/' }, to: { dependencyTypes: NPM } },
    {
      comment: 'Benchmarks run core services, the phone client, doubles and the demo wallet in plain Node.',
      from: { path: '^bench/' },
      to: { path: ['^bench/', '^test/', '^scripts/demo/', '^src/(main/(?!electron/)|shared/|companion/)'] },
    },
    { comment: 'bench may use any npm library.', from: { path: '^bench/' }, to: { dependencyTypes: NPM } },
    {
      comment: 'Scripts build, start, package and demo the app.',
      from: { path: '^scripts/' },
      to: { path: ['^scripts/', '^test/', '^src/(main|shared)/'] },
    },
    {
      comment: 'scripts may use any npm library.',
      from: { path: '^scripts/' },
      to: { dependencyTypes: NPM },
    },
    {
      comment: "Scripts and tests read the repository's own configuration (this file, for one).",
      from: { path: '^(scripts|test)/' },
      to: { path: String.raw`^[^/]+\.(mjs|cjs|js|ts|json)$` },
    },
  ],

  forbidden: [
    {
      name: 'no-extension-imports',
      severity: 'error',
      comment:
        'The browser extension is a layer of its own that ships to the browser (DESIGN.md): only its own ' +
        'files import it. Tests drive the built extension (dist/extension), never its sources.',
      from: { path: '^(?!src/extension/)' },
      to: { path: '^src/extension/' },
    },
    {
      name: 'walletconnect-in-its-folder',
      severity: 'error',
      comment:
        '@reown/walletkit, @walletconnect/* and zxing-wasm are imported only in src/main/dapps/walletconnect ' +
        '(and by tests in test/, which play the dApp): the rest of the wallet reaches WalletConnect through ' +
        'the dApps gateway.',
      from: { pathNot: WALLETCONNECT_HOME },
      to: { path: npm(WALLETCONNECT_LIBS) },
    },
    {
      name: 'safe-sdk-in-its-folder',
      severity: 'error',
      comment:
        '@safe-global/* is imported only in src/main/safes (and by tests and the demo, which deploy the ' +
        'contracts): the rest of the wallet reaches Safes through the Safes service, and the SDK gets a ' +
        'read-only provider there, never a signer.',
      from: { pathNot: SAFE_HOME },
      to: { path: npm(SAFE_LIBS) },
    },
    {
      name: 'updater-in-its-folders',
      severity: 'error',
      comment:
        'electron-updater (and its builder-util-runtime) is imported only in src/main/updates, which puts it ' +
        'behind the signed feed, and src/main/electron, which builds it for the packaged app (and by tests in ' +
        'test/): nothing else may download or install a release.',
      from: { pathNot: UPDATER_HOME },
      to: { path: npm(UPDATER_LIBS) },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Imports only go downhill (DESIGN.md): two modules that import each other are one module.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-test-support-in-production',
      severity: 'error',
      comment:
        'Doubles and fixtures never pass for the real thing in a production build (DESIGN.md). Tests, and ' +
        'test support itself, are the named exception.',
      from: { path: '^src/', pathNot: TEST_ONLY },
      to: { path: [TEST_SUPPORT, npm(TEST_LIBS)] },
    },
    {
      name: 'no-electron-outside-shell',
      severity: 'error',
      comment: 'electron may only be imported in src/main/electron and src/preload (DESIGN.md, layers).',
      from: { path: '^src/', pathNot: '^src/(main/electron|preload)/' },
      to: { path: ELECTRON },
    },
    {
      name: 'no-node-in-browser-layers',
      severity: 'error',
      comment:
        'shared, the preload, the renderer, the phone companion and the extension run without Node ' +
        '(sandboxed page, preload or phone): Node builtins and native packages are not allowed (DESIGN.md).',
      from: { path: BROWSER_LAYERS, pathNot: TEST_ONLY },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-node-in-browser-layers',
      severity: 'error',
      comment: 'As above, for npm packages that need Node or a native binary.',
      from: { path: BROWSER_LAYERS, pathNot: TEST_ONLY },
      to: { path: npm(NODE_ONLY_LIBS) },
    },
  ],

  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^(dist|release|e2e/artifacts|test-results|playwright-report)/' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.d.ts', '.d.mts', '.js', '.mjs', '.cjs', '.json'],
    },
    skipAnalysisNotInRules: true,
  },
};

/**
 * Folder cycles among production code. Test files are left out of this pass: a test may build real
 * neighbours and doubles in test/ build on services, so with tests in the graph every folder would reach
 * every other one.
 */
export const productionFolderRules = {
  forbidden: [
    {
      name: 'no-circular-folders',
      severity: 'error',
      comment: 'Service folders, and the folders inside them, import each other in one direction only.',
      scope: 'folder',
      from: { path: '^src/(main|shared)/' },
      to: { path: '^src/(main|shared)/', circular: true },
    },
  ],
  exclude: TEST_ONLY,
};
