import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkArchitecture } from '../scripts/lint-arch.mjs';

/**
 * The architecture rules (.dependency-cruiser.mjs, DESIGN.md "Processes and layers") run over small trees
 * laid out like this repository, so each rule is shown to catch what it names and to pass what it allows.
 */

/** Stand-ins for the npm packages the rules name; only their place in node_modules matters. */
const PACKAGES = [
  'electron',
  'better-sqlite3',
  'ws',
  'zod',
  'react',
  'vitest',
  '@reown/walletkit',
  '@walletconnect/core',
  '@walletconnect/sign-client',
  'zxing-wasm',
  '@safe-global/protocol-kit',
];

/** Targets the imports below point at. They import nothing, so they pass. */
const TARGETS = {
  'src/shared/names.ts': 'export const shared = 1;\n',
  'src/main/core.ts': 'export const createCore = () => 1;\n',
  'src/main/api/router.ts': 'export const createRouter = () => 1;\n',
  'src/main/store/address.ts': 'export const toChecksumAddress = (a: string) => a;\n',
  'src/main/settings/settingsService.ts': 'export class SettingsService {}\n',
  'src/main/chains/chainsService.ts': 'export class ChainsService {}\n',
  'src/main/history/historyService.ts': 'export class HistoryService {}\n',
  'src/main/tx/txService.ts': 'export class TxService {}\n',
  'src/main/electron/window.ts': 'export const openWindow = () => 1;\n',
  'src/renderer/App.tsx': 'export const App = () => null;\n',
  'src/renderer/testing/fixture.ts': 'export const fixture = 1;\n',
  'test/store/tempDatabase.ts': 'export const useTempDatabase = () => 1;\n',
  'test/renderer/clientDouble.ts': 'export const double = 1;\n',
  'src/extension/provider.ts': 'export const provider = 1;\n',
};

const uses = (from: string, what: string) => `import { ${what} } from '${from}';\nexport { ${what} };\n`;
const usesType = (from: string, what: string) =>
  `import type { ${what} } from '${from}';\nexport type { ${what} };\n`;
const electron = uses('electron', 'ipcRenderer');

function layOut(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'architecture-'));
  for (const name of PACKAGES) {
    const dir = join(root, 'node_modules', name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '1.0.0', main: 'index.js' }));
    writeFileSync(join(dir, 'index.js'), 'module.exports = {};\n');
  }
  for (const [file, code] of Object.entries({ ...TARGETS, ...files })) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), code);
  }
  return root;
}

/** Each violation as `rule: from → to`, by the file it starts from. */
async function violationsIn(root: string): Promise<Map<string, string[]>> {
  const { violations } = await checkArchitecture({ baseDir: root });
  const byFile = new Map<string, string[]>();
  for (const { rule, from, to } of violations)
    byFile.set(from, [...(byFile.get(from) ?? []), `${rule.name}: ${to}`]);
  return byFile;
}

describe('architecture rules', () => {
  const roots: string[] = [];
  let found: Map<string, string[]>;

  const forbidden: [file: string, rule: string, code: string][] = [
    // electron stays in the shell and the preload.
    ['src/shared/api/electron.ts', 'no-electron-outside-shell', electron],
    ['src/main/store/electron.ts', 'no-electron-outside-shell', electron],
    ['src/renderer/electron.tsx', 'no-electron-outside-shell', electron],
    ['src/companion/electron.ts', 'no-electron-outside-shell', electron],
    ['src/main/history/electron.test.ts', 'no-electron-outside-shell', electron],
    // Code that runs in a page, the preload or on the phone cannot reach for Node.
    ['src/shared/fs.ts', 'no-node-in-browser-layers', uses('node:fs', 'readFileSync')],
    ['src/renderer/path.ts', 'no-node-in-browser-layers', uses('path', 'join')],
    ['src/preload/spawn.ts', 'no-node-in-browser-layers', uses('child_process', 'spawn')],
    ['src/renderer/sqlite.ts', 'no-node-in-browser-layers', uses('better-sqlite3', 'Database')],
    ['src/companion/socket.ts', 'no-node-in-browser-layers', uses('ws', 'WebSocket')],
    // Imports go downhill only.
    ['src/shared/uphill.ts', 'not-in-allowed', uses('../main/core', 'createCore')],
    ['src/renderer/uphill.ts', 'not-in-allowed', uses('../main/api/router', 'createRouter')],
    ['src/main/store/uphill.ts', 'not-in-allowed', uses('../../renderer/App', 'App')],
    ['src/main/api/uphill.ts', 'not-in-allowed', uses('../electron/window', 'openWindow')],
    ['src/preload/uphill.ts', 'not-in-allowed', uses('../main/core', 'createCore')],
    // The store is the bottom: it imports no service, not even a type.
    ['src/main/store/service.ts', 'not-in-allowed', uses('../history/historyService', 'HistoryService')],
    [
      'src/main/store/serviceType.ts',
      'not-in-allowed',
      usesType('../history/historyService', 'HistoryService'),
    ],
    // A capability reaches another only through what core.ts hands it: never its code, and only those types.
    ['src/main/tx/value.ts', 'not-in-allowed', uses('../chains/chainsService', 'ChainsService')],
    ['src/main/chains/notHanded.ts', 'not-in-allowed', usesType('../tx/txService', 'TxService')],
    // Production code never loads test support.
    [
      'src/main/store/double.ts',
      'no-test-support-in-production',
      uses('../../../test/store/tempDatabase', 'useTempDatabase'),
    ],
    ['src/renderer/fixture.ts', 'no-test-support-in-production', uses('./testing/fixture', 'fixture')],
    ['src/main/chains/vitest.ts', 'no-test-support-in-production', uses('vitest', 'vi')],
    ['src/extension/uphill.ts', 'not-in-allowed', uses('../main/core', 'createCore')],
    ['src/extension/react.ts', 'not-in-allowed', uses('react', 'useState')],
    ['src/renderer/extension.ts', 'no-extension-imports', uses('../extension/provider', 'provider')],
    ['test/extension/provider.ts', 'no-extension-imports', uses('../../src/extension/provider', 'provider')],
    // WalletConnect and the QR decoder live in one folder of the dApps service.
    ['src/main/dapps/walletKit.ts', 'walletconnect-in-its-folder', uses('@reown/walletkit', 'WalletKit')],
    ['src/main/settings/relay.ts', 'walletconnect-in-its-folder', uses('@walletconnect/core', 'Core')],
    ['src/renderer/qr.ts', 'walletconnect-in-its-folder', uses('zxing-wasm', 'readBarcodes')],
    ['src/shared/walletKit.ts', 'walletconnect-in-its-folder', usesType('@reown/walletkit', 'WalletKit')],
    ['e2e/dapp.ts', 'walletconnect-in-its-folder', uses('@walletconnect/sign-client', 'SignClient')],
    ['src/main/tx/safeSend.ts', 'safe-sdk-in-its-folder', uses('@safe-global/protocol-kit', 'Safe')],
    ['src/shared/safeKit.ts', 'safe-sdk-in-its-folder', usesType('@safe-global/protocol-kit', 'Safe')],
  ];

  const allowed: [file: string, code: string][] = [
    ['src/main/electron/main.ts', electron + uses('../core', 'createCore')],
    [
      'src/extension/worker.ts',
      uses('../shared/names', 'shared') + uses('zod', 'z') + uses('./provider', 'provider'),
    ],
    ['src/preload/index.ts', electron + uses('../shared/names', 'shared')],
    ['src/main/chains/networks.ts', uses('../store/address', 'toChecksumAddress') + uses('zod', 'z')],
    ['src/main/chains/settings.ts', usesType('../settings/settingsService', 'SettingsService')],
    [
      'src/main/tx/chains.ts',
      usesType('../chains/chainsService', 'ChainsService') + uses('node:fs', 'readFileSync'),
    ],
    ['src/main/store/sqlite.ts', uses('better-sqlite3', 'Database') + uses('../../shared/names', 'shared')],
    ['src/main/host/main.ts', uses('../core', 'createCore') + uses('ws', 'WebSocket')],
    ['src/renderer/main.tsx', uses('react', 'useState') + uses('./App', 'App')],
    // Test-only exceptions: tests build real neighbours and use test support and test libraries.
    [
      'src/main/store/service.test.ts',
      uses('../history/historyService', 'HistoryService') + uses('vitest', 'it'),
    ],
    ['src/main/tx/txService.test.ts', uses('../../../test/store/tempDatabase', 'useTempDatabase')],
    [
      'src/renderer/App.test.tsx',
      uses('../../test/renderer/clientDouble', 'double') + uses('./testing/fixture', 'fixture'),
    ],
    ['test/store/fixtures.ts', uses('../../src/main/store/address', 'toChecksumAddress')],
    [
      'src/main/dapps/walletconnect/client.ts',
      uses('@reown/walletkit', 'WalletKit') +
        uses('@walletconnect/core', 'Core') +
        uses('zxing-wasm', 'read'),
    ],
    ['src/main/dapps/walletconnect/client.test.ts', uses('@walletconnect/sign-client', 'SignClient')],
    ['test/walletconnect/dapp.ts', uses('@walletconnect/sign-client', 'SignClient')],
    ['src/main/safes/safeReader.ts', uses('@safe-global/protocol-kit', 'Safe')],
    ['test/anvil/safeContracts.ts', uses('@safe-global/protocol-kit', 'Safe')],
  ];

  const cycles = {
    'src/main/chains/a.ts': `${uses('./b', 'b')}export const a = 1;\n`,
    'src/main/chains/b.ts': `${usesType('./a', 'a')}export const b = 1;\n`,
    // Folders that import each other, through files that do not.
    'src/main/history/decode/decode.ts': uses('../providers/provider', 'provider'),
    'src/main/history/decode/words.ts': 'export const word = 1;\n',
    'src/main/history/providers/provider.ts': 'export const provider = 1;\n',
    'src/main/history/providers/fetcher.ts': uses('../decode/words', 'word'),
  };

  beforeAll(async () => {
    const files = Object.fromEntries([...forbidden.map(([file, , code]) => [file, code]), ...allowed]);
    const root = layOut({ ...files, ...cycles });
    roots.push(root);
    found = await violationsIn(root);
  });
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  it.each(forbidden)('fails %s with %s', (file, rule) => {
    expect(found.get(file)?.map((violation) => violation.split(':')[0])).toEqual([rule]);
  });

  it.each(allowed)('lets %s import what it does', (file) => {
    expect(found.get(file)).toBeUndefined();
  });

  it('passes the targets themselves', () => {
    expect(Object.keys(TARGETS).filter((file) => found.has(file))).toEqual([]);
  });

  it('fails a cycle between two files, even through a type', () => {
    // A cycle is reported once, from whichever end the cruise reached first.
    const reported = [
      ...(found.get('src/main/chains/a.ts') ?? []),
      ...(found.get('src/main/chains/b.ts') ?? []),
    ];
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatch(/^no-circular: src\/main\/chains\/[ab]\.ts$/);
  });

  it('fails a cycle between two folders of production code', () => {
    expect(found.get('src/main/history/decode')).toEqual(['no-circular-folders: src/main/history/providers']);
    expect(found.get('src/main/history/providers')).toEqual(['no-circular-folders: src/main/history/decode']);
  });

  it('finds nothing in a tree that keeps the rules', async () => {
    const root = layOut(Object.fromEntries(allowed));
    roots.push(root);
    expect(await violationsIn(root)).toEqual(new Map());
  });
});
