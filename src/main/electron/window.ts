import type { BrowserWindowConstructorOptions } from 'electron';
import type { Logger } from '../log';
import { APP_ENTRY_URL } from './appOrigin';

export interface MainWindowOptions {
  title: string;
  preload: string;
  /** Off in packaged builds: "paste this into the console" is a classic way to rob wallet users. */
  devTools: boolean;
  /** The system's dark mode (`nativeTheme.shouldUseDarkColors`). */
  dark: boolean;
  log: Logger;
}

/**
 * Electron's BrowserWindow class, handed in so the tests can check these settings on a stand-in in Node (this
 * file imports only electron's types). The parameter keeps the class's name so Electronegativity's static scan
 * still reads the `new BrowserWindow({...})` below.
 */
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/** What this file does with the window it makes. */
export interface LoadingWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export function createMainWindow<W extends LoadingWindow>(
  BrowserWindow: WindowClass<W>,
  { title, preload, devTools, dark, log }: MainWindowOptions,
): W {
  const win = new BrowserWindow({
    title,
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    // The renderer's own app background, so the window does not flash white or black before first paint.
    backgroundColor: dark ? '#0e1014' : '#f6f7f9',
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
