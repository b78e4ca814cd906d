import asar from '@electron/asar';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { extractApp, listAsar } from './appArchive.mjs';
import {
  checkAppFiles,
  checkBareRequires,
  checkEntry,
  checkLinkedAssets,
  checkNativeModules,
  checkNoSourcesOrTestDoubles,
  checkUdevRules,
  checkUpdateFeed,
} from './layoutChecks.mjs';

/** A 64-bit ELF header for `machine` (0x3e: x86-64, 0xb7: aarch64). */
const elf = (machine = 0x3e) => {
  const bytes = Buffer.alloc(64);
  bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
  bytes.writeUInt16LE(machine, 18);
  return bytes;
};

const APP = {
  'package.json': JSON.stringify({ name: 'app', main: 'dist/main/electron.cjs' }),
  'dist/main/electron.cjs': 'require("dep"); require("electron"); try { require("bufferutil") } catch {}',
  'dist/main/zxing_reader.wasm': 'wasm',
  'dist/preload/index.cjs': 'require("electron")',
  'dist/renderer/index.html':
    '<script type="module" src="./assets/index-Ab1.js"></script><link href="./assets/index-Cd2.css">',
  'dist/renderer/assets/index-Ab1.js': '',
  'dist/renderer/assets/index-Cd2.css': '',
  'dist/companion/index.html':
    '<script src="/assets/companion.js"></script><a href="https://ledgerline.app">site</a>',
  'dist/companion/assets/companion.js': '',
  'node_modules/dep/package.json': JSON.stringify({ name: 'dep', main: 'index.js' }),
  'node_modules/dep/index.js': 'module.exports = 1;',
  'node_modules/native/prebuilds/linux-x64/native.node': elf(),
};

let dir;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'layout-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Packs `files` as electron-builder lays them out: app.asar with `.node` files unpacked, then extracted. */
async function packed(files, { unpack = '*.node' } = {}) {
  const source = join(dir, 'source');
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(source, path)), { recursive: true });
    writeFileSync(join(source, path), contents);
  }
  const resourcesDir = join(dir, 'resources');
  const archive = join(resourcesDir, 'app.asar');
  mkdirSync(resourcesDir, { recursive: true });
  await asar.createPackageWithOptions(source, archive, { unpack });
  const appDir = join(dir, 'app');
  extractApp(archive, appDir);
  return { resourcesDir, appDir, files: listAsar(archive) };
}

/** The sound app with `changes`: a file set to undefined is left out. */
const withFiles = (changes) =>
  Object.fromEntries(Object.entries({ ...APP, ...changes }).filter(([, contents]) => contents !== undefined));

describe('a sound layout', () => {
  it('passes every check', async () => {
    const layout = await packed(APP);
    expect(layout.files.find((file) => file.path.endsWith('native.node'))?.unpacked).toBe(true);
    expect(checkEntry(layout)).toEqual([]);
    expect(checkBareRequires(layout)).toEqual([]);
    expect(checkAppFiles(layout)).toEqual([]);
    expect(checkLinkedAssets(layout, 'dist/renderer/index.html')).toEqual([]);
    expect(checkLinkedAssets(layout, 'dist/companion/index.html')).toEqual([]);
    expect(checkNoSourcesOrTestDoubles(layout)).toEqual([]);
    expect(checkNativeModules(layout)).toEqual([]);
  });
});

describe('checkEntry', () => {
  it('fails when main names a file that was not packed', async () => {
    const layout = await packed(
      withFiles({ 'package.json': JSON.stringify({ main: 'dist/main/index.js' }) }),
    );
    expect(checkEntry(layout)).toEqual(["package.json's main, dist/main/index.js, is not inside app.asar"]);
  });
});

describe('checkBareRequires', () => {
  it('fails when a required package was not packed', async () => {
    const layout = await packed(
      withFiles({ 'node_modules/dep/index.js': undefined, 'node_modules/dep/package.json': undefined }),
    );
    expect(checkBareRequires(layout)).toEqual([
      'dist/main/electron.cjs requires dep, which is not in the package',
    ]);
  });

  it('fails when a required package is found only outside the package', async () => {
    mkdirSync(join(dir, 'node_modules/outside'), { recursive: true });
    writeFileSync(join(dir, 'node_modules/outside/index.js'), '');
    const layout = await packed(withFiles({ 'dist/main/electron.cjs': 'require("outside")' }));
    expect(checkBareRequires(layout)).toEqual([
      `dist/main/electron.cjs requires outside, found outside the package at ${join(dir, 'node_modules/outside/index.js')}`,
    ]);
  });

  it('fails when a packed package does not load, and says why', async () => {
    const layout = await packed(
      withFiles({ 'node_modules/dep/index.js': 'require("./missing-binding.node")' }),
    );
    const [problem, ...others] = checkBareRequires(layout);
    expect(others).toEqual([]);
    expect(problem).toMatch(
      /^dist\/main\/electron\.cjs requires dep, which fails to load: Cannot find module '\.\/missing-binding\.node'/,
    );
  });
});

describe('checkAppFiles and checkLinkedAssets', () => {
  it('fail when the preload, a page or a file the main bundle reads is missing', async () => {
    const layout = await packed(
      withFiles({ 'dist/preload/index.cjs': undefined, 'dist/main/zxing_reader.wasm': undefined }),
    );
    expect(checkAppFiles(layout)).toEqual([
      'dist/preload/index.cjs is not inside app.asar',
      'dist/main/zxing_reader.wasm is not inside app.asar',
    ]);
  });

  it('fail when a page links an asset that was not packed, or no script', async () => {
    const layout = await packed(
      withFiles({
        'dist/renderer/assets/index-Cd2.css': undefined,
        'dist/companion/index.html': '<p>empty</p>',
      }),
    );
    expect(checkLinkedAssets(layout, 'dist/renderer/index.html')).toEqual([
      'dist/renderer/index.html links ./assets/index-Cd2.css, which is not inside app.asar',
    ]);
    expect(checkLinkedAssets(layout, 'dist/companion/index.html')).toEqual([
      'dist/companion/index.html links no script',
    ]);
  });
});

describe('checkNoSourcesOrTestDoubles', () => {
  it('names each TypeScript source and test double', async () => {
    const layout = await packed(
      withFiles({
        'dist/main/index.ts': '',
        'node_modules/dep/index.d.ts': '',
        'dist/main/electron.test.cjs': '',
        'test/net/freePort.js': '',
        'dist/demo/emulated-ledger-host.mjs': '',
        'dist/host/browser-host.mjs': '',
        'dist/main/speculosEmulator.js': '',
      }),
    );
    expect(checkNoSourcesOrTestDoubles(layout).sort()).toEqual(
      [
        'dist/demo/emulated-ledger-host.mjs is a dev or test build (the demo, the browser host, benchmarks), inside the package',
        'dist/demo/emulated-ledger-host.mjs is an emulator, inside the package',
        'dist/host/browser-host.mjs is a dev or test build (the demo, the browser host, benchmarks), inside the package',
        'dist/main/electron.test.cjs is a test file, inside the package',
        'dist/main/index.ts is TypeScript source inside the package',
        'dist/main/speculosEmulator.js is an emulator, inside the package',
        'node_modules/dep/index.d.ts is TypeScript source inside the package',
        "test/net/freePort.js is the project's test and tooling code, inside the package",
      ].sort(),
    );
  });
});

describe('checkNativeModules', () => {
  it('fails on a native module packed inside the archive', async () => {
    const layout = await packed(APP, { unpack: '*.nothing' });
    expect(checkNativeModules(layout)).toEqual([
      'node_modules/native/prebuilds/linux-x64/native.node is packed inside app.asar: Electron cannot load a native module from there',
    ]);
  });

  it('fails on a binary for another CPU or OS, and on other platforms’ directories', async () => {
    const layout = await packed(
      withFiles({
        'node_modules/native/prebuilds/linux-x64/native.node': elf(0xb7),
        'node_modules/native/prebuilds/darwin-x64+arm64/native.node': Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
        'node_modules/@napi-rs/keyring-win32-x64-msvc/package.json': '{}',
        'node_modules/icons/android.svg': '',
      }),
    );
    expect(checkNativeModules(layout)).toEqual([
      'node_modules/native/prebuilds/darwin-x64+arm64/native.node is not an ELF file: it is not built for Linux',
      'node_modules/native/prebuilds/linux-x64/native.node is built for 64-bit aarch64, not Linux x64',
      'node_modules/@napi-rs/keyring-win32-x64-msvc/package.json is named for another OS or CPU (keyring-win32-x64-msvc)',
      'node_modules/native/prebuilds/darwin-x64+arm64/native.node is named for another OS or CPU (darwin-x64+arm64)',
    ]);
  });

  it('fails when there is no native module at all', async () => {
    const layout = await packed(
      withFiles({ 'node_modules/native/prebuilds/linux-x64/native.node': undefined }),
    );
    expect(checkNativeModules(layout)).toEqual(['no native module (.node) is in the package']);
  });
});

describe('checkUdevRules', () => {
  const rulesDir = () => join(dir, 'udev-source');
  beforeEach(() => {
    mkdirSync(rulesDir());
    writeFileSync(join(rulesDir(), '51-ledger.rules'), 'SUBSYSTEM=="hidraw"\n');
    writeFileSync(join(rulesDir(), '51-trezor.rules'), 'SUBSYSTEM=="usb"\n');
  });

  it('passes when resources/udev holds the same rules', () => {
    cpSync(rulesDir(), join(dir, 'resources/udev'), { recursive: true });
    expect(checkUdevRules({ resourcesDir: join(dir, 'resources') }, rulesDir())).toEqual([]);
  });

  it('names a missing or changed rules file', () => {
    mkdirSync(join(dir, 'resources/udev'), { recursive: true });
    writeFileSync(join(dir, 'resources/udev/51-ledger.rules'), 'SUBSYSTEM=="usb"\n');
    expect(checkUdevRules({ resourcesDir: join(dir, 'resources') }, rulesDir())).toEqual([
      'resources/udev/51-trezor.rules is missing: the Linux install scripts copy it',
      `resources/udev/51-ledger.rules differs from ${rulesDir()}/51-ledger.rules`,
    ]);
  });
});

describe('checkUpdateFeed', () => {
  const resourcesDir = () => join(dir, 'resources');
  const write = (text) => {
    mkdirSync(resourcesDir(), { recursive: true });
    writeFileSync(join(resourcesDir(), 'app-update.yml'), text);
  };

  it('passes on the generic https feed electron-builder writes', () => {
    write(
      'provider: generic\nurl: https://releases.ledgerline.app/\nupdaterCacheDirName: ledgerline-wallet-updater\n',
    );
    expect(checkUpdateFeed({ resourcesDir: resourcesDir() })).toEqual([]);
  });

  it('fails when the file is missing, is no YAML, or names another provider or a plain http feed', () => {
    expect(checkUpdateFeed({ resourcesDir: resourcesDir() })).toEqual([
      'resources/app-update.yml is missing: electron-updater could not find releases',
    ]);
    write('provider: [generic');
    expect(checkUpdateFeed({ resourcesDir: resourcesDir() })[0]).toMatch(
      /^resources\/app-update.yml is not YAML: /,
    );
    write('provider: github\nurl: http://releases.ledgerline.app/\n');
    expect(checkUpdateFeed({ resourcesDir: resourcesDir() })).toEqual([
      'resources/app-update.yml names provider github, not generic',
      'resources/app-update.yml names feed http://releases.ledgerline.app/, not an https:// URL',
    ]);
  });
});
