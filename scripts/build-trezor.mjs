/*
 * Builds dist/main/trezor-connect.cjs: @trezor/connect and the @trezor/transport pieces the wallet uses, in one
 * CommonJS file, without the code of the chains Ledgerline does not sign for. Only `usb` (native) stays outside.
 *
 * For scripts/build.mjs (HA):
 *   import { buildTrezorConnect, trezorConnectBundleRedirect } from './build-trezor.mjs';
 *   - run `buildTrezorConnect('dist/main')` beside the other builds;
 *   - add `plugins: [trezorConnectBundleRedirect()]` to the esbuild call that writes dist/main/electron.cjs, so
 *     its lazy import of src/main/signers/trezor/trezorConnectBundle.ts becomes
 *     `require('./trezor-connect.cjs')`, resolved beside electron.cjs (inside app.asar);
 *   - '@trezor/connect' and '@trezor/transport' then move to devDependencies; `usb` stays a dependency.
 * Bundles without the plugin (dist/host, dist/demo) inline trezorConnectBundle.ts, which imports
 * '@trezor/connect' from node_modules as before.
 */
import { build } from 'esbuild';
import path from 'node:path';

export const TREZOR_CONNECT_FILE = 'trezor-connect.cjs';
const TREZOR_CONNECT_ENTRY = 'src/main/signers/trezor/trezorConnectBundle.ts';

/** How the wallet names what TrezorConnect's chain modules (lib/constants/network.js MODULES) sign for. */
const CHAIN_NAMES = {
  cardano: 'Cardano',
  eos: 'EOS',
  monero: 'Monero',
  nem: 'NEM',
  ripple: 'XRP Ledger',
  solana: 'Solana',
  stellar: 'Stellar',
  tezos: 'Tezos',
  tron: 'Tron',
};

/** The blockchain-link workers of lib/workers/workers.js, each carrying one chain's SDK, and what it serves. */
const BACKEND_WORKERS = {
  BlockbookWorker: 'Blockbook (Bitcoin and Ethereum account data)',
  RippleWorker: 'XRP Ledger',
  BlockfrostWorker: 'Cardano',
  ElectrumWorker: 'Electrum (Bitcoin)',
  SolanaWorker: 'Solana',
  StellarWorker: 'Stellar',
};

/**
 * The chain-independent TrezorConnect methods the wallet calls (src/main/signers/trezor/trezorConnectApi.ts);
 * its Ethereum methods all come with the Ethereum module. The others (Bitcoin's signTransaction, getAddress,
 * composeTransaction, …, device management, authenticity checks) are left out with what they load.
 */
const WALLET_GENERIC_METHODS = ['getFeatures'];

/*
 * lib/core/method.js picks a chain's methods with `require(`../api/${module}/api/index.js`)`, a path no bundler
 * can follow, and the generic ones from lib/api, which loads every method. This stand-in names the methods the
 * wallet calls statically and refuses every other in words, so neither their code nor their SDKs are bundled.
 */
function methodRegistry() {
  const generic = WALLET_GENERIC_METHODS.map((name) => `  ${name}: require('../api/${name}').default,`);
  return `'use strict';
const EthereumMethods = require('../api/ethereum/api');
const { TypedError } = require('../constants/errors');
const { MODULES } = require('../constants/network');
const GenericMethods = {
${generic.join('\n')}
};
const CHAIN_NAMES = ${JSON.stringify(CHAIN_NAMES)};
exports.getMethod = async (message) => {
  const { method } = message.payload;
  if (typeof method !== 'string') throw TypedError('Method_InvalidParameter', 'Message method is not set');
  const chain = MODULES.find((module) => method.startsWith(module));
  if (chain !== undefined && chain !== 'ethereum') {
    throw TypedError('Method_InvalidParameter', 'Ledgerline does not sign for ' + (CHAIN_NAMES[chain] ?? chain));
  }
  const methods = chain === 'ethereum' ? EthereumMethods : GenericMethods;
  const MethodConstructor = Object.hasOwn(methods, method) ? methods[method] : undefined;
  if (MethodConstructor) return new MethodConstructor(message);
  throw TypedError('Method_InvalidParameter', 'Ledgerline does not use TrezorConnect.' + method + ': its Trezor bundle leaves it out');
};
`;
}

/*
 * lib/workers/workers.js loads a blockchain-link worker (with the Stellar, XRPL, Solana or Cardano SDK) when a
 * blockchain* method opens a backend. The wallet reads chains through its own RPC, never through TrezorConnect.
 */
function backendWorkers() {
  return `'use strict';
const refuse = (name) => () => Promise.reject(new Error('Ledgerline does not use TrezorConnect\\'s blockchain backends: ' + name + ' is not included'));
${Object.entries(BACKEND_WORKERS)
  .map(([worker, name]) => `exports.${worker} = refuse(${JSON.stringify(name)});`)
  .join('\n')}
`;
}

const TREZOR_CONNECT_LIB = /[\\/]node_modules[\\/]@trezor[\\/]connect[\\/]lib[\\/]/;

const REPLACEMENTS = [
  { file: /[\\/]core[\\/]method\.js$/, contents: methodRegistry() },
  { file: /[\\/]workers[\\/]workers\.js$/, contents: backendWorkers() },
];

/** Replaces TrezorConnect's two doors to other chains' code (see above) at build time; notes each it replaced. */
function withoutOtherChains(replaced) {
  return {
    name: 'trezor-without-other-chains',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, (args) => {
        if (!TREZOR_CONNECT_LIB.test(args.path)) return undefined;
        const replacement = REPLACEMENTS.find(({ file }) => file.test(args.path));
        if (!replacement) return undefined;
        replaced.add(replacement);
        return { contents: replacement.contents, loader: 'js' };
      });
    },
  };
}

/** Builds trezor-connect.cjs into `outdir`; resolves with its path, its size in bytes and esbuild's metafile. */
export async function buildTrezorConnect(outdir = 'dist/main') {
  const replaced = new Set();
  const outfile = path.join(outdir, TREZOR_CONNECT_FILE);
  const result = await build({
    entryPoints: [TREZOR_CONNECT_ENTRY],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    // As in build.mjs: resolve packages as Node does (`main`), not through their ESM `module` builds.
    conditions: [],
    external: ['usb'],
    plugins: [withoutOtherChains(replaced)],
    metafile: true,
    logLevel: 'warning',
  });
  // After an upgrade that moves either file, the other chains' code would come back without a word.
  const missed = REPLACEMENTS.filter((replacement) => !replaced.has(replacement));
  if (missed.length > 0) {
    throw new Error(`@trezor/connect no longer has ${missed.map(({ file }) => file.source).join(', ')}`);
  }
  const output = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith(TREZOR_CONNECT_FILE));
  return { file: outfile, bytes: output?.[1].bytes ?? 0, metafile: result.metafile };
}

/**
 * For a bundle beside trezor-connect.cjs: its import of trezorConnectBundle.ts becomes a run-time
 * `require(bundlePath)` (relative to the bundle that imports it), so the main bundle never inlines
 * @trezor/connect. A plain require, not import(): Electron loads CommonJS from app.asar as any file.
 */
export function trezorConnectBundleRedirect(bundlePath = `./${TREZOR_CONNECT_FILE}`) {
  const namespace = 'trezor-connect-bundle';
  return {
    name: 'trezor-connect-bundle-redirect',
    setup(build) {
      build.onResolve({ filter: /[\\/]trezorConnectBundle(\.ts)?$/ }, () => ({
        path: bundlePath,
        namespace,
      }));
      build.onLoad({ filter: /.*/, namespace }, () => ({
        contents: `module.exports = require(${JSON.stringify(bundlePath)});`,
        loader: 'js',
      }));
      build.onResolve({ filter: /.*/, namespace }, (args) => ({ path: args.path, external: true }));
    },
  };
}

const PACKAGED_TREZOR_CHECK_FILE = 'packaged-trezor.mjs';

/**
 * Builds the packaged-layout Trezor check (test/trezor/packaged) into `outdir`, never into the app: run it as
 * `node <outdir>/packaged-trezor.mjs <extracted app directory>`. It carries the wallet's Trezor code and the
 * test bridge, but no TrezorConnect: it must load the one inside the app it checks.
 */
export async function buildPackagedTrezorCheck(outdir = 'dist/check') {
  const outfile = path.join(outdir, PACKAGED_TREZOR_CHECK_FILE);
  const result = await build({
    entryPoints: ['test/trezor/packaged/packagedTrezorCli.ts'],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    conditions: [],
    // esbuild's ESM output still calls require() for what it cannot import; give it one.
    banner: {
      js: "import { createRequire as checkRequire } from 'node:module'; const require = checkRequire(import.meta.url);",
    },
    plugins: [trezorConnectBundleRedirect()],
    metafile: true,
    logLevel: 'warning',
  });
  const inlined = Object.keys(result.metafile.inputs).find((input) =>
    /@trezor[\\/](connect|transport)[\\/]/.test(input),
  );
  if (inlined) throw new Error(`The packaged Trezor check must not carry its own TrezorConnect: ${inlined}`);
  return outfile;
}

// `node scripts/build-trezor.mjs [outdir] [checkdir]` builds both alone and prints the bundle's size.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { file, bytes } = await buildTrezorConnect(process.argv[2] ?? 'dist/main');
  console.log(
    JSON.stringify({ file, bytes, check: await buildPackagedTrezorCheck(process.argv[3] ?? 'dist/check') }),
  );
}
