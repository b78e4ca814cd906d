// Builds every runnable piece into dist/: the renderer with Vite, and the Node-side entries with esbuild.
import { build as esbuild } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { build as vite } from 'vite';
import { buildExtension } from './build-extension.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// Native modules and electron stay outside the bundle: they are loaded from node_modules (or app.asar.unpacked).
// The hardware stacks load native USB modules, and are imported lazily: only when a device source starts.
const external = [
  'electron',
  'better-sqlite3',
  '@napi-rs/keyring',
  '@ledgerhq/hw-transport-node-hid',
  'node-hid',
  'usb',
  '@trezor/connect',
  // qrImage.ts reads the QR decoder's wasm from the installed package at run time (require.resolve).
  'zxing-wasm/reader/zxing_reader.wasm',
];
const define = {
  __APP_NAME__: JSON.stringify(pkg.productName),
  __APP_VERSION__: JSON.stringify(pkg.version),
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
    // esbuild's ESM output still calls require() for the externals; give it one.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  }),
  // The demo's host: the browser host with an emulated Ledger plugged in. A test double, so it lives in
  // dist/demo, which electron-builder never packs.
  esbuild({
    ...common,
    entryPoints: ['scripts/demo/emulatedLedgerHost.ts'],
    outfile: 'dist/demo/emulated-ledger-host.mjs',
    format: 'esm',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  }),
]);
console.log('built dist/renderer, dist/main, dist/preload, dist/host, dist/demo, dist/extension');
