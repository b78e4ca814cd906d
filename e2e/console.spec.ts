import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHost, useHost, type RunningHost } from './fixtures/browserHost';

const ROUTES = [
  'Portfolio',
  'History',
  'Send',
  'Approvals',
  'Address book',
  'Devices',
  'Pairing',
  'Safes',
  'Settings',
] as const;
const ARTIFACTS = 'e2e/artifacts';

const host = useHost();

async function openConsole(page: Page, url = host().url) {
  await page.goto(url);
  await expect(page.getByRole('navigation')).toBeVisible();
}

async function chooseTheme(page: Page, theme: 'Light' | 'Dark') {
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: theme }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

test('walks every sidebar route in light and dark, saving a screenshot of each', async ({ page }) => {
  await openConsole(page);
  await expect(page).toHaveURL(/#\/portfolio$/);
  for (const theme of ['Light', 'Dark'] as const) {
    await chooseTheme(page, theme);
    for (const route of ROUTES) {
      await page.getByRole('link', { name: route, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: route })).toBeVisible();
      await expect(page.getByRole('link', { name: route, exact: true })).toHaveAttribute(
        'aria-current',
        'page',
      );
      await page.screenshot({
        path: `${ARTIFACTS}/${route.toLowerCase().replace(/ /g, '-')}-${theme.toLowerCase()}.png`,
      });
    }
  }
});

test('keeps a changed setting across a reload and a restart of the host', async ({ page }) => {
  await openConsole(page);
  await chooseTheme(page, 'Dark');
  // The pickers list only enabled networks: Arbitrum One is turned on first, as a user would.
  const enable = page.getByRole('switch', { name: 'Enable Arbitrum One' });
  await enable.click();
  await expect(enable).toBeChecked();
  const network = page.getByRole('combobox', { name: 'Network', exact: true });
  await network.selectOption({ label: 'Arbitrum One' });
  // Wait for main to confirm the save so the reload does not race it.
  await expect(network).toHaveAttribute('aria-busy', 'false');

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByRole('switch', { name: 'Enable Arbitrum One' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Network', exact: true })).toHaveValue('42161');
  await expect(page.getByRole('combobox', { name: 'Default network' })).toHaveValue('42161');

  // A new process over the same data directory reads what the old one wrote to SQLite.
  const dataDir = mkdtempSync(join(tmpdir(), 'e2e-restart-'));
  let first: RunningHost | undefined;
  let second: RunningHost | undefined;
  try {
    first = await startHost({ dataDir });
    await openConsole(page, first.url);
    await chooseTheme(page, 'Dark');
    await first.stop();
    second = await startHost({ dataDir });
    await openConsole(page, second.url);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  } finally {
    await first?.stop();
    await second?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('without the launch secret the page reaches nothing and says what to do', async ({ page }) => {
  await page.goto(`${host().origin}/`);
  await expect(page.getByText(/link printed by the browser host/i)).toBeVisible();
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/missing-secret.png` });
});
