import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { useHost } from './fixtures/browserHost';

const ARTIFACTS = 'e2e/artifacts';
const DEFAULT_FEED = 'https://releases.ledgerline.app/';
const LOCAL_FEED = 'http://127.0.0.1:1/feed/';
/** The version the build stamps in, which the section must show as installed. */
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

const host = useHost();

const updates = (page: Page) => page.getByRole('region', { name: 'Updates' });
const feed = (page: Page) => updates(page).getByRole('textbox', { name: 'Release feed' });

async function openUpdates(page: Page) {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Updates' })
    .click();
  await expect(page.getByRole('heading', { level: 2, name: 'Updates' })).toBeFocused();
}

test('shows why the browser host cannot update, and keeps the release feed the user sets', async ({
  page,
}) => {
  await page.goto(host().url);
  await openUpdates(page);
  const section = updates(page);
  await expect(section.getByText(`Installed version ${VERSION}`)).toBeVisible();
  await expect(section.getByRole('status')).toHaveText(/This build does not update itself/);
  await expect(section.getByRole('button', { name: 'Check for updates' })).toBeDisabled();
  await expect(section.getByRole('button', { name: 'Restart to update' })).toHaveCount(0);
  await expect(section.getByTestId('release-key')).not.toBeEmpty();
  await expect(section.getByRole('switch', { name: 'Check automatically' })).toBeChecked();
  await expect(feed(page)).toHaveValue(DEFAULT_FEED);
  await page.screenshot({ path: `${ARTIFACTS}/settings-updates-light.png` });

  // Plain http is for a mirror on this computer only: refused in words, and nothing is saved.
  await feed(page).fill('http://example.com/');
  await expect(feed(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(
    section.getByText('A release feed address like https://releases.ledgerline.app/.'),
  ).toBeVisible();
  await feed(page).press('Enter');

  await feed(page).fill(LOCAL_FEED);
  await expect(feed(page)).toHaveAttribute('aria-invalid', 'false');
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByRole('button', { name: 'Reset to default' })).toBeVisible();

  // Kept by main, not by the page: a reload reads it back.
  await page.reload();
  await openUpdates(page);
  await expect(feed(page)).toHaveValue(LOCAL_FEED);

  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${ARTIFACTS}/settings-updates-dark.png` });

  await updates(page).getByRole('button', { name: 'Reset to default' }).click();
  await expect(feed(page)).toHaveValue(DEFAULT_FEED);
  await expect(updates(page).getByRole('button', { name: 'Reset to default' })).toHaveCount(0);
  await page.reload();
  await openUpdates(page);
  await expect(feed(page)).toHaveValue(DEFAULT_FEED);
});

/** What the init script leaves in the page: its bridge socket, to push into as main would. */
interface BridgeGlobals {
  WebSocket: typeof WebSocket;
  bridgeSocket: WebSocket;
}

/**
 * The browser host has no update engine, so the states of a real update are pushed here through the page's own
 * bridge socket, as main would push them, to see each one rendered in the real console.
 */
test('renders a download, a ready release and a refusal as main pushes them', async ({ page }) => {
  await page.addInitScript(() => {
    const scope = globalThis as unknown as BridgeGlobals;
    const Native = scope.WebSocket;
    scope.WebSocket = class extends Native {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        scope.bridgeSocket = this;
      }
    };
  });
  const push = (status: object) =>
    page.evaluate(
      (data) => {
        const { bridgeSocket } = globalThis as unknown as BridgeGlobals;
        bridgeSocket.dispatchEvent(new MessageEvent('message', { data }));
      },
      JSON.stringify({
        kind: 'event',
        name: 'updates.changed',
        payload: {
          installedVersion: VERSION,
          feedUrl: DEFAULT_FEED,
          automatic: true,
          releaseKeyFingerprint: 'ed25519 0000 1111',
          status,
        },
      }),
    );
  await page.goto(host().url);
  await openUpdates(page);
  const section = updates(page);

  await push({ state: 'downloading', version: '9.0.0', percent: 37 });
  await expect(section.getByRole('progressbar', { name: 'Downloading version 9.0.0' })).toBeVisible();
  await expect(section.getByRole('status')).toHaveText('Downloading 9.0.0 · 37%');
  await page.screenshot({ path: `${ARTIFACTS}/settings-updates-downloading.png` });

  await push({ state: 'ready', version: '9.0.0', releaseDate: null });
  await expect(section.getByRole('button', { name: 'Restart to update' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/settings-updates-ready.png` });

  const message =
    'The release metadata is not signed. It was not read or installed; the version installed now keeps running.';
  await push({ state: 'refused', code: 'unsigned', version: '9.0.0', message, at: Date.now() });
  await expect(section.getByText(message)).toBeVisible();
  await expect(section.getByRole('button', { name: 'Restart to update' })).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/settings-updates-refused.png` });
});
