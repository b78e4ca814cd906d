// Builds every runnable piece into dist/: the renderer with Vite, and the Node-side entries with esbuild.
import { build as esbuild } from 'esbuild';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { build as vite } from 'vite';
import { buildExtension } from './build-extension.mjs';
import { buildTrezorConnect, trezorConnectBundleRedirect } from './build-trezor.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// Only what cannot be bundled stays outside, loaded from node_modules (app.asar.unpacked once packaged):
// electron, and the native modules, package.json's only `dependencies`, so all electron-builder packs. The
// hardware stacks are bundled (@ledgerhq/hw-transport-node-hid loads node-hid and usb) and imported lazily:
// only when a device source starts. TrezorConnect is bundled on its own (scripts/build-trezor.mjs) into
// dist/main/trezor-connect.cjs, which the main bundle requires; the dev hosts load it from node_modules.
const external = [
  ...['electron', 'better-sqlite3', '@napi-rs/keyring', 'node-hid', 'usb', '@trezor/connect'],
  // Not a module: the name qrImage.ts resolves when it runs from the sources, where no copy is beside it.
  'zxing-wasm/reader/zxing_reader.wasm',
];
const define = {
  __APP_NAME__: JSON.stringify(pkg.productName),
  __APP_VERSION__: JSON.stringify(pkg.version),
};
// Read at run time, so it stays a file: copied beside each bundle that runs the QR reader (qrImage.ts).
const zxingWasm = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
const copyZxingWasm = async (dir) => {
  await mkdir(dir, { recursive: true });
  await copyFile(zxingWasm, `${dir}/zxing_reader.wasm`);
};
// esbuild's ESM output still calls require() for the externals, and qrImage.ts looks beside the bundle.
const esmBanner = {
  js:
    "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); " +
    'const __dirname = import.meta.dirname;',
};
// Resolve packages as Node does: esbuild's default `module` condition bundles @walletconnect/core's ESM build,
// whose default import of a CommonJS package then gets its exports object, not the class, and no relay is
// ever dialled ("import_jsonrpc_ws_connection.default is not a constructor").
const common = {
  ...{ bundle: true, platform: 'node', target: 'node22', external, define, logLevel: 'warning' },
  conditions: [],
};

await Promise.all([
  buildExtension(),
  vite({ configFile: 'vite.config.ts', logLevel: 'warn' }),
  vite({ configFile: 'vite.companion.config.ts', logLevel: 'warn' }),
  esbuild({
    ...common,
    entryPoints: ['src/main/electron/main.ts'],
    outfile: 'dist/main/electron.cjs',
    format: 'cjs',
    plugins: [trezorConnectBundleRedirect()],
  }),
  // A sandboxed preload can only be a single CommonJS file that requires nothing but `electron`.
  esbuild({
    ...common,
    entryPoints: ['src/preload/index.ts'],
    outfile: 'dist/preload/index.cjs',
    format: 'cjs',
  }),
  esbuild({
    ...common,
    entryPoints: ['src/main/host/main.ts'],
    outfile: 'dist/host/browser-host.mjs',
    format: 'esm',
    banner: esmBanner,
  }),
  // The demo's host: the browser host with an emulated Ledger plugged in. A test double, so it lives in
  // dist/demo, which electron-builder never packs.
  esbuild({
    ...common,
    entryPoints: ['scripts/demo/emulatedLedgerHost.ts'],
    outfile: 'dist/demo/emulated-ledger-host.mjs',
    format: 'esm',
    banner: esmBanner,
  }),
  buildTrezorConnect('dist/main'),
  copyZxingWasm('dist/main'),
  copyZxingWasm('dist/host'),
  copyZxingWasm('dist/demo'),
]);
console.log('built dist/renderer, dist/main, dist/preload, dist/host, dist/demo, dist/extension');
