import {
  app,
  BrowserWindow,
  clipboard,
  desktopCapturer,
  dialog,
  nativeTheme,
  net,
  screen,
  session,
  shell,
} from 'electron';
import { join } from 'node:path';
import { createCore } from '../core';
import { DEFAULT_BRIDGE_PORT } from '../dapps/bridge/extensionBridge';
import { createLogger } from '../log';
import { hardwareSources } from '../signers/hardwareSources';
import { APP_ORIGIN } from './appOrigin';
import { connectIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenContents, hardenSession } from './security';
import { createMainWindow } from './window';
import { appUpdateEngine } from './updater';

const log = createLogger('electron');

// Moves the whole profile, Chromium's data and the wallet's database alike, so tests never share one.
const dataDirOverride = process.env.WALLET_DATA_DIR;
if (dataDirOverride) app.setPath('userData', dataDirOverride);

registerAppScheme();
app.enableSandbox();
app.on('web-contents-created', (_event, contents) =>
  hardenContents(contents, (url) => shell.openExternal(url), log),
);

// The lock lives in the profile, so it is taken after the profile is chosen.
if (app.requestSingleInstanceLock()) {
  app.whenReady().then(start).catch(failToStart);
} else {
  // Another instance owns the database; it brings its window forward when it hears about this one.
  app.quit();
}

function start(): void {
  const core = createCore({
    dataDir: app.getPath('userData'),
    app: { name: app.getName(), version: app.getVersion(), host: 'electron' },
    electronVersion: process.versions.electron,
    trustedOrigins: [APP_ORIGIN],
    log,
    // Chromium's network stack follows the system's proxy settings, as a desktop user expects.
    rpc: { fetch: (input, init) => net.fetch(input instanceof URL ? input.href : input, init) },
    deviceSources: hardwareSources({ trezor: true, trezorEmulator: process.env.TREZOR_EMULATOR === '1' }),
    pairing: { companionDir: join(app.getAppPath(), 'dist', 'companion') },
    bridgePort: DEFAULT_BRIDGE_PORT,
    updates: appUpdateEngine(log),
    clipboard: {
      async readImage() {
        const item = (await clipboard.read()).find((candidate) => candidate.types.includes('image/png'));
        const png = item && (await item.getType('image/png'));
        return png ? new Uint8Array(await png.arrayBuffer()) : null;
      },
      readText: () => clipboard.readText(),
    },
  });
  app.on('will-quit', () => core.close());

  // A still at the screen's full size, so a QR code on it stays readable.
  hardenSession(session.defaultSession, log, () => {
    const { width, height } = screen.getPrimaryDisplay().size;
    return desktopCapturer.getSources({ types: ['screen'], thumbnailSize: { width, height } });
  });
  const appDir = app.getAppPath();
  serveRenderer(join(appDir, 'dist', 'renderer'));

  const windows = new Set<BrowserWindow>();
  connectIpc(core, () => [...windows].map((win) => win.webContents));
  const openWindow = () => {
    const win = createMainWindow(BrowserWindow, {
      title: app.getName(),
      dark: nativeTheme.shouldUseDarkColors,
      preload: join(appDir, 'dist', 'preload', 'index.cjs'),
      devTools: !app.isPackaged,
      log,
    });
    windows.add(win);
    win.on('closed', () => windows.delete(win));
    return win;
  };
  openWindow();

  app.on('second-instance', () => {
    const [existing] = windows;
    const win = existing ?? openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (windows.size === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

function failToStart(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  log.error('the app could not start', { error: reason });
  dialog.showErrorBox(`${app.getName()} could not start`, reason);
  app.exit(1);
}
