import { build } from 'esbuild';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildTrezorConnect, trezorConnectBundleRedirect } from '../../../scripts/build-trezor.mjs';
import type * as TrezorConnectApiModule from '../../../src/main/signers/trezor/trezorConnectApi';
import { expectedAddress } from '../../signing/fixtures';
import { TestTrezorBridge } from '../bridge/testBridge';
import {
  PACKAGED_TREZOR_BUNDLE,
  PackagedTrezorCheckError,
  runPackagedTrezorCheck,
} from './packagedTrezorCheck';

/*
 * The packaged-layout check on a layout assembled here as electron-builder lays out the app: the built
 * trezor-connect.cjs in dist/main, and only `usb` (with the loader it needs) copied into node_modules, so
 * nothing else can be found in the repository's node_modules.
 */
let appDir: string;

beforeAll(async () => {
  appDir = await mkdtemp(path.join(tmpdir(), 'ledgerline-packaged-trezor-'));
  await buildTrezorConnect(path.join(appDir, 'dist', 'main'));
  for (const name of ['usb', 'node-gyp-build']) {
    await cp(path.join('node_modules', name), path.join(appDir, 'node_modules', name), { recursive: true });
  }
}, 60_000);

afterAll(async () => {
  await rm(appDir, { recursive: true, force: true });
});

it('signs with the bundled TrezorConnect of a packaged layout, offline, against the test bridge', async () => {
  const result = await runPackagedTrezorCheck(appDir);
  const first = expectedAddress("m/44'/60'/0'/0/0");
  expect(result.address).toBe(first);
  expect(result.recovered).toEqual({
    'EIP-1559 transaction': first,
    'legacy transaction': first,
    'personal message': first,
    'EIP-712 typed data': first,
  });
  expect(result.usb.startsWith(appDir)).toBe(true);
  // What @trezor/connect's own node_modules tree used to carry; the bundle must stay well below it.
  expect(result.bundleBytes).toBeLessThan(6 * 1024 * 1024);
}, 90_000);

it('refuses a layout whose usb is missing, in words', async () => {
  const bare = await mkdtemp(path.join(tmpdir(), 'ledgerline-packaged-trezor-bare-'));
  try {
    await cp(path.join(appDir, 'dist'), path.join(bare, 'dist'), { recursive: true });
    const error: unknown = await runPackagedTrezorCheck(bare).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(PackagedTrezorCheckError);
    expect((error as Error).message).toMatch(
      /^the Trezor bundle cannot load usb: .*Cannot find module 'usb'/,
    );
  } finally {
    await rm(bare, { recursive: true, force: true });
  }
});

it("refuses a bundle that carries another chain's SDK", async () => {
  const other = await mkdtemp(path.join(tmpdir(), 'ledgerline-packaged-trezor-sdk-'));
  try {
    await mkdir(path.join(other, 'dist', 'main'), { recursive: true });
    await writeFile(
      path.join(other, PACKAGED_TREZOR_BUNDLE),
      '// node_modules/@stellar/stellar-sdk/lib/index.js\n// node_modules/xrpl/dist/npm/index.js\n',
    );
    await expect(runPackagedTrezorCheck(other)).rejects.toThrow(
      "the Trezor bundle carries other chains' SDKs: @stellar/stellar-sdk, xrpl",
    );
  } finally {
    await rm(other, { recursive: true, force: true });
  }
});

it('reaches the bundle from a main bundle built with the redirect, which inlines no TrezorConnect', async () => {
  const mainBundle = path.join(appDir, 'dist', 'main', 'main-probe.cjs');
  const { metafile } = await build({
    entryPoints: ['src/main/signers/trezor/trezorConnectApi.ts'],
    outfile: mainBundle,
    ...{ bundle: true, platform: 'node', format: 'cjs', metafile: true, logLevel: 'warning' },
    plugins: [trezorConnectBundleRedirect()],
  });
  expect(Object.keys(metafile.inputs).filter((input) => input.includes('node_modules'))).toEqual([]);
  expect(await readFile(mainBundle, 'utf8')).toContain('require("./trezor-connect.cjs")');

  const requireInApp = createRequire(mainBundle);
  const { createTrezorConnect } = requireInApp(mainBundle) as typeof TrezorConnectApiModule;
  // A port that was just free: TrezorConnect starts, finds no Bridge and no device.
  const probe = new TestTrezorBridge();
  const bridgePort = await probe.start();
  await probe.stop();
  const connect = await createTrezorConnect({ bridgePort });
  try {
    const packaged = requireInApp('./trezor-connect.cjs') as { TrezorConnect: unknown };
    expect(connect).toBe(packaged.TrezorConnect);
    // What the bundle left out answers in words, before any device is asked.
    const calls = connect as unknown as Record<string, (params: object) => Promise<unknown>>;
    await expect(calls['stellarGetAddress']?.({ path: "m/44'/148'/0'" })).resolves.toMatchObject({
      success: false,
      payload: { error: 'Ledgerline does not sign for Stellar' },
    });
    await expect(calls['signTransaction']?.({ coin: 'btc', inputs: [], outputs: [] })).resolves.toMatchObject(
      {
        success: false,
        payload: { error: expect.stringMatching(/^Ledgerline does not use TrezorConnect\.signTransaction/) },
      },
    );
  } finally {
    connect.dispose();
  }
}, 30_000);
