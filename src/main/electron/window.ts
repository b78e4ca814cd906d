import { BrowserWindow, nativeTheme } from 'electron';
import type { Logger } from '../log';
import { APP_ENTRY_URL } from './appOrigin';

export interface MainWindowOptions {
  title: string;
  preload: string;
  /** Off in packaged builds: "paste this into the console" is a classic way to rob wallet users. */
  devTools: boolean;
  log: Logger;
}

export function createMainWindow({ title, preload, devTools, log }: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    // The renderer's own app background, so the window does not flash white or black before first paint.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0e1014' : '#f6f7f9',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click cannot open anything anyway (security.ts denies every new window). This is the switch
      // Electronegativity asks for; current Chromium may no longer know it, in which case it is a no-op.
      disableBlinkFeatures: 'Auxclick',
      // Spell checking would download dictionaries and underline every address; neither belongs in a wallet.
      spellcheck: false,
      safeDialogs: true,
      devTools,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    // Never leave an invisible window holding the single-instance lock.
    log.error('the wallet page did not load', { error: String(error) });
    win.show();
  });
  return win;
}
