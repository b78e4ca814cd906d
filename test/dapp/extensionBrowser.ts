import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

/** Where `npm run build` writes the unpacked extension. */
export const EXTENSION_DIR = resolve('dist/extension');

export interface ExtensionBrowser {
  context: BrowserContext;
  /** The id Chromium gave the unpacked extension, read from its service worker's URL. */
  extensionId: string;
  worker: Worker;
  /** The extension's own pairing page, opened in a new tab. */
  openPairPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, in a throw-away profile: extensions need a persistent
 * context, and the new headless mode runs them. Plain playwright-core, so the benchmark uses it too.
 */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension in ${EXTENSION_DIR}: run npm run build first`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'e2e-extension-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
    ],
  });
  try {
    const worker =
      context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')) ??
      (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      worker,
      async openPairPage() {
        const page = await context.newPage();
        await page.goto(`chrome-extension://${extensionId}/pair.html`);
        return page;
      },
      async close() {
        await context.close();
        removeProfile();
      },
    };
  } catch (error) {
    await context.close();
    removeProfile();
    throw error;
  }
}

/** The six digits in a text like "Compare this code with the one on your desktop: 123 456". */
export function sasIn(text: string | null): string {
  const match = /(\d{3})\s?(\d{3})/.exec(text ?? '');
  if (!match) throw new Error(`no six-digit code in "${text}"`);
  return `${match[1]}${match[2]}`;
}

/** Pastes the desktop's code into the extension's pairing page and returns the six digits it then shows. */
export async function enterPairingCode(pairPage: Page, code: string): Promise<string> {
  await pairPage.getByRole('textbox', { name: 'Pairing code' }).fill(code);
  await pairPage.getByRole('button', { name: 'Pair', exact: true }).click();
  const status = pairPage.getByRole('status').filter({ hasText: /\d{3}\s?\d{3}/ });
  await status.waitFor({ timeout: 15_000 });
  return sasIn(await status.textContent());
}
