import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findElectronBinary } from '../scripts/electron-binary.mjs';
import { CHANNELS } from '../src/shared/api/channels';
import { splitChannel, type WalletSurface } from '../src/shared/api/surface';

/** The page's globals as the tests see them; these files are typed for Node, not the DOM. */
type PageGlobals = typeof globalThis & {
  wallet?: WalletSurface;
  require?: unknown;
  process?: unknown;
  open(url: string): unknown;
  location: { href: string };
};

const binary = findElectronBinary();
const missing =
  'missing' in binary ? `Electron binary is not installed on this machine (${binary.missing})` : null;
/** Set where the smoke test must run (a machine with the binary): a missing binary then fails it. */
const required = process.env.REQUIRE_ELECTRON === '1';

/** Every group the preload builds from the contract's channel list, and the events object. */
const PRELOAD_GROUPS = [...new Set(CHANNELS.map((channel) => splitChannel(channel)[0])), 'events'].sort();

test.describe('the Electron shell', () => {
  test.skip(missing !== null && !required, missing ?? '');

  let app: ElectronApplication | undefined;
  let dataDir: string | undefined;

  test.beforeEach(async () => {
    if (!('path' in binary)) {
      throw new Error(
        `${missing}. REQUIRE_ELECTRON=1 asks for this test to run: fetch the binary once with ` +
          '`npx install-electron` (README, "Install scripts and the Electron binary"), or unset REQUIRE_ELECTRON.',
      );
    }
    dataDir = mkdtempSync(join(tmpdir(), 'e2e-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: ['.'],
      env: { ...process.env, WALLET_DATA_DIR: dataDir },
    });
  });

  test.afterEach(async () => {
    await app?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Set by beforeEach, which fails the test when there is no binary to launch. */
  const launched = () => {
    if (!app) throw new Error('the app was not launched');
    return app;
  };

  test('loads the wallet from app://wallet in one window', async () => {
    const page = await launched().firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toBe('app://wallet/index.html');
    await expect(page).toHaveTitle('Ledgerline');
    expect(await launched().evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('exposes only the typed wallet surface, and no Node', async () => {
    const page = await launched().firstWindow();
    const globals = await page.evaluate(() => {
      const page = globalThis as PageGlobals;
      const wallet = page.wallet;
      return {
        require: typeof page.require,
        process: typeof page.process,
        groups: Object.keys(wallet ?? {}).sort(),
        methods: wallet && {
          appInfo: typeof wallet.app.info,
          chainsList: typeof wallet.chains.list,
          settingsGet: typeof wallet.settings.get,
          settingsSet: typeof wallet.settings.set,
          settingsChanged: typeof wallet.events['settings.changed'],
        },
      };
    });
    expect(globals).toEqual({
      require: 'undefined',
      process: 'undefined',
      groups: PRELOAD_GROUPS,
      methods: {
        appInfo: 'function',
        chainsList: 'function',
        settingsGet: 'function',
        settingsSet: 'function',
        settingsChanged: 'function',
      },
    });
  });

  test('answers app.info over IPC from main', async () => {
    const page = await launched().firstWindow();
    const info = await page.evaluate(() => (globalThis as PageGlobals).wallet?.app.info());
    expect(info).toMatchObject({ ok: true, data: { name: 'Ledgerline', host: 'electron' } });
  });

  test('keeps the page on its own origin', async () => {
    const page = await launched().firstWindow();
    // http, so the denied window is not handed to the system browser either.
    const denied = await page.evaluate(
      () => (globalThis as PageGlobals).open('http://example.com/') === null,
    );
    expect(denied).toBe(true);
    await page.evaluate(() => {
      (globalThis as PageGlobals).location.href = 'http://example.com/';
    });
    await expect.poll(() => page.url()).toBe('app://wallet/index.html');
  });
});
