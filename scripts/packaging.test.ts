import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isHardwareWallet } from '../src/main/electron/hardwareWallets';
import { DEFAULT_UPDATE_FEED } from '../src/shared/updates';

const UDEV_DIR = 'resources/linux/udev';
const INSTALL_SCRIPTS = ['resources/linux/after-install.sh', 'resources/linux/after-remove.sh'];

/** How electron-builder filters node_modules: only the exclusions of `files` apply (marked internal, untyped). */
const { getNodeModuleFileMatcher } = createRequire(import.meta.url)('app-builder-lib/out/fileMatcher') as {
  getNodeModuleFileMatcher: (
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: object,
    packager: { config: object; debugLogger: DebugLogger },
  ) => FileMatcher;
};

/** What the app itself ships: the rest of `files` filters the native modules electron-builder adds. */
const APP_FILES = [
  'package.json',
  'dist/main/**',
  'dist/preload/**',
  'dist/renderer/**',
  'dist/companion/**',
];

/** The configuration exactly as electron-builder reads it: the YAML file, merged and defaulted. */
const loadConfig = () => getConfig(process.cwd(), 'electron-builder.yml', null);

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(await loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('sets the fuses of the security baseline', async () => {
    expect((await loadConfig()).electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('ships the built app in an asar with native modules unpacked', async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    // electron-builder merges the list into one file set.
    expect(config.files).toEqual([{ filter: expect.arrayContaining(APP_FILES) }]);
  });

  describe.each([
    { platform: 'linux', arch: 'x64', prebuild: 'linux-x64', keyring: 'linux-x64-gnu' },
    { platform: 'darwin', arch: 'arm64', prebuild: 'darwin-arm64', keyring: 'darwin-arm64' },
    { platform: 'win32', arch: 'x64', prebuild: 'win32-x64', keyring: 'win32-x64-msvc' },
  ])(
    'for $platform $arch, as electron-builder filters the files',
    ({ platform, arch, prebuild, keyring }) => {
      /** Whether electron-builder packs `path`: the app's files and node_modules go through different matchers. */
      const packs = async (path: string) => {
        const config = await loadConfig();
        const expand = (pattern: string) => pattern.replace('${platform}', platform).replace('${arch}', arch);
        const filter = path.startsWith('node_modules/')
          ? getNodeModuleFileMatcher(
              '/app',
              '/app',
              expand,
              {},
              { config, debugLogger: new DebugLogger(false) },
            ).createFilter()
          : new FileMatcher(
              '/app',
              '/app',
              expand,
              (config.files as { filter: string[] }[])[0]?.filter,
            ).createFilter();
        // What the node_modules copier hands the filter: the file's path from the app's root.
        return filter(`/app/${path}`, {
          isDirectory: () => false,
          moduleFullFilePath: path,
        } as unknown as Stats);
      };

      it('packs the app, and of the native modules what loads at run time on that OS and CPU', async () => {
        for (const path of [
          ...APP_FILES.map((pattern) => pattern.replace('**', 'index.js')),
          'node_modules/better-sqlite3/lib/index.js',
          `node_modules/better-sqlite3/lib/${prebuild}.js`,
          `node_modules/better-sqlite3/prebuilds/${prebuild}.node`,
          `node_modules/node-hid/prebuilds/HID-${prebuild}/node-napi-v4.node`,
          'node_modules/pkg-prebuilds/bindings.js',
          `node_modules/usb/prebuilds/${platform === 'darwin' ? 'darwin-x64+arm64' : prebuild}/node.napi.node`,
          `node_modules/@napi-rs/keyring-${keyring}/keyring.${keyring}.node`,
          'node_modules/better-sqlite3/LICENSE',
        ]) {
          expect([path, await packs(path)]).toEqual([path, true]);
        }
      });

      it("leaves out sources, headers, docs, tests and other platforms' binaries", async () => {
        const other = platform === 'linux' ? 'darwin-x64' : 'linux-x64';
        for (const path of [
          'src/main/core.ts',
          'dist/host/browser-host.mjs',
          'dist/demo/emulated-ledger-host.mjs',
          'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
          'node_modules/better-sqlite3/src/addon.cpp',
          'node_modules/node-addon-api/napi.h',
          'node_modules/usb/libusb/libusb/core.c',
          'node_modules/node-hid/hidapi/hidapi/hidapi.h',
          'node_modules/usb/dist/index.d.ts',
          'node_modules/usb/dist/index.js.map',
          'node_modules/usb/README.md',
          'node_modules/usb/test/usb.coffee',
          `node_modules/better-sqlite3/prebuilds/${other}.node`,
          `node_modules/better-sqlite3/prebuilds/${platform}-ia32.node`,
          `node_modules/better-sqlite3/lib/${other}.js`,
          `node_modules/node-hid/prebuilds/HID_hidraw-${other}/node-napi-v4.node`,
          'node_modules/usb/prebuilds/android-arm64/node.napi.armv8.node',
          `node_modules/usb/prebuilds/${platform}-ia32/node.napi.node`,
          `node_modules/@napi-rs/keyring-${platform === 'linux' ? 'darwin-x64' : 'linux-x64-gnu'}/keyring.node`,
        ]) {
          expect([path, await packs(path)]).toEqual([path, false]);
        }
      });
    },
  );

  it("publishes to the generic feed the app checks by default, for electron-updater's app-update.yml", async () => {
    expect((await loadConfig()).publish).toEqual({ provider: 'generic', url: DEFAULT_UPDATE_FEED });
  });

  it('signs macOS builds with the hardened runtime and only the entitlements it needs', async () => {
    const { mac } = await loadConfig();
    expect(mac?.hardenedRuntime).toBe(true);
    for (const file of [mac?.entitlements, mac?.entitlementsInherit]) {
      expect(file && existsSync(file)).toBe(true);
      const plist = readFileSync(file ?? '', 'utf8');
      const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
      expect(keys).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.device.usb']);
    }
  });

  it('builds every target the issue asks for', async () => {
    const { mac, win, linux } = await loadConfig();
    expect(mac?.target).toEqual(['dmg', 'zip']);
    expect(win?.target).toBe('nsis');
    expect(linux?.target).toEqual(['AppImage', 'deb', 'rpm']);
  });

  it('runs the udev install scripts from deb and rpm, and ships the rules they copy', async () => {
    const config = await loadConfig();
    for (const target of [config.deb, config.rpm]) {
      expect([target?.afterInstall, target?.afterRemove]).toEqual(INSTALL_SCRIPTS);
    }
    expect(config.linux?.extraResources).toEqual([{ from: UDEV_DIR, to: 'udev', filter: ['*.rules'] }]);
  });
});

/** What electron-builder does to an install script before packaging it (FpmTarget's writeConfigFile). */
function fillTemplate(script: string): string {
  const macros: Record<string, string> = { executable: 'ledgerline', sanitizedProductName: 'Ledgerline' };
  return script.replace(/\${([a-zA-Z]+)}/g, (_match, name: string) => {
    const value = macros[name];
    if (value === undefined) throw new Error(`electron-builder would reject the unknown macro ${name}`);
    return value;
  });
}

describe('the Linux install scripts', () => {
  it.each(INSTALL_SCRIPTS)('%s uses only macros electron-builder knows and is valid bash', (file) => {
    const filled = fillTemplate(readFileSync(file, 'utf8'));
    const bash = spawnSync('bash', ['-n'], { input: filled, encoding: 'utf8' });
    expect(bash.stderr).toBe('');
    expect(bash.status).toBe(0);
  });

  it('removes exactly the udev rules it installs', () => {
    const shipped = readdirSync(UDEV_DIR).filter((f) => f.endsWith('.rules'));
    const removed = readFileSync('resources/linux/after-remove.sh', 'utf8').match(
      /\/etc\/udev\/rules\.d\/\S+/g,
    );
    expect(removed?.map((path) => path.replace('/etc/udev/rules.d/', '')).sort()).toEqual(shipped.sort());
  });
});

describe('the udev rules', () => {
  const rules = readdirSync(UDEV_DIR)
    .filter((f) => f.endsWith('.rules'))
    .flatMap((file) =>
      readFileSync(join(UDEV_DIR, file), 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '' && !line.startsWith('#'))
        .map((line) => ({ file, line })),
    );

  it('cover Ledger and both Trezor vendor ids', () => {
    const vendors = new Set(rules.map(({ line }) => /idVendor}=="([0-9a-f]{4})"/.exec(line)?.[1]));
    expect([...vendors].sort()).toEqual(['1209', '2c97', '534c']);
  });

  it.each(rules.map(({ file, line }) => [file, line]))(
    '%s: %s grants console access only to a device the app also admits',
    (_file, line) => {
      expect(line).toMatch(/MODE="0660"/);
      expect(line).toMatch(/GROUP="plugdev"/);
      expect(line).toMatch(/TAG\+="uaccess"/);
      const vendorId = Number.parseInt(/idVendor}=="([0-9a-f]{4})"/.exec(line)?.[1] ?? '', 16);
      const product = /idProduct}=="([0-9a-f]{4})"/.exec(line)?.[1];
      // A rule without a product id covers every product of the vendor, so the app must admit them all.
      const productIds = product ? [Number.parseInt(product, 16)] : [0x0000, 0x1011, 0xffff];
      for (const productId of productIds) expect(isHardwareWallet({ vendorId, productId })).toBe(true);
    },
  );
});
