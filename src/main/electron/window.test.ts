import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { APP_ENTRY_URL } from './appOrigin';
import { createMainWindow } from './window';

/** Stands in for Electron's BrowserWindow: records what it was built with and what was done to it. */
class RecordingWindow {
  readonly loaded: string[] = [];
  readonly listeners = new Map<string, () => void>();
  shown = 0;
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly load: () => Promise<void>,
  ) {}
  once(event: string, listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  show(): void {
    this.shown++;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return this.load();
  }
}

function open(devTools: boolean, load: () => Promise<void> = () => Promise.resolve()) {
  const lines: string[] = [];
  const made: RecordingWindow[] = [];
  const win = createMainWindow(
    class extends RecordingWindow {
      constructor(options: BrowserWindowConstructorOptions) {
        super(options, load);
        made.push(this);
      }
    },
    {
      title: 'Ledgerline',
      preload: '/app/dist/preload/index.cjs',
      devTools,
      dark: true,
      log: createLogger('t', (l) => lines.push(l)),
    },
  );
  expect(made).toEqual([win]);
  return { win, lines };
}

describe('the main window', () => {
  it('runs the page isolated and sandboxed, without Node, with web security on', () => {
    const { win } = open(false);
    expect(win.options.webPreferences).toEqual({
      preload: '/app/dist/preload/index.cjs',
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
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
    });
    expect(win.options).toMatchObject({ title: 'Ledgerline', show: false, backgroundColor: '#0e1014' });
  });

  it('offers developer tools only when asked (unpackaged builds)', () => {
    expect(open(true).win.options.webPreferences?.devTools).toBe(true);
  });

  it('loads only the wallet entry page, and shows itself once it is ready', () => {
    const { win } = open(false);
    expect(win.loaded).toEqual([APP_ENTRY_URL]);
    expect(win.shown).toBe(0);
    win.listeners.get('ready-to-show')?.();
    expect(win.shown).toBe(1);
  });

  it('shows itself and logs when the page fails to load, rather than hold the lock invisibly', async () => {
    const { win, lines } = open(false, () => Promise.reject(new Error('ERR_FAILED')));
    await expect.poll(() => win.shown).toBe(1);
    expect(lines.join('')).toMatch(/the wallet page did not load.*ERR_FAILED/);
  });
});
