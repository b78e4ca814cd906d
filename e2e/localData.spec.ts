import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { startSecretService, type SecretServiceSession } from '../test/keychain/secretService';
import { startHost, type RunningHost } from './fixtures/browserHost';

const ARTIFACTS = 'e2e/artifacts';

async function openSettings(page: Page, host: RunningHost) {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
}

test.describe('with the real Secret Service', () => {
  let keychain: SecretServiceSession;
  let host: RunningHost;
  test.beforeAll(async () => {
    keychain = await startSecretService({ exportAddress: false });
    host = await startHost({ env: { DBUS_SESSION_BUS_ADDRESS: keychain.address } });
  });
  test.afterAll(async () => {
    await host?.stop();
    await keychain?.stop();
  });

  test('shows where the data lives and that the vault is available', async ({ page }) => {
    await openSettings(page, host);
    await expect(page.getByTestId('vault-state')).toHaveText(/Available/);
    await expect(page.getByTestId('data-dir')).toHaveText(host.dataDir);
    await page.getByRole('region', { name: 'Secrets' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/settings-data-light.png`, fullPage: true });
  });

  test('exports a backup, resets local data, and imports the backup back', async ({ page }, testInfo) => {
    await openSettings(page, host);
    await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: 'Dark' }).check();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export backup' }).click();
    const file = testInfo.outputPath('backup.json');
    await (await download).saveAs(file);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup).toMatchObject({ format: 'ledgerline-backup', version: 1 });
    expect(backup.settings).toContainEqual(expect.objectContaining({ key: 'theme', value: 'dark' }));

    await page.getByRole('button', { name: 'Reset local data…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset local data' });
    const confirm = dialog.getByRole('button', { name: 'Reset', exact: true });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Type reset local data to confirm' }).fill('reset local data');
    await page.screenshot({ path: `${ARTIFACTS}/settings-reset-dialog-dark.png` });
    await confirm.click();
    await expect(dialog).toBeHidden();
    // Back to the default theme, which follows the (light) system preference.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import backup' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByText(/Imported 1 setting/)).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

    // The same file again changes nothing.
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import backup' }).click();
    await (await again).setFiles(file);
    await expect(page.getByText(/already in this wallet/)).toBeVisible();
    await page.screenshot({ path: `${ARTIFACTS}/settings-data-dark.png`, fullPage: true });
  });

  test('refuses a file that is not a backup and keeps what it has', async ({ page }) => {
    await openSettings(page, host);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import backup' }).click();
    await (
      await chooser
    ).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"a":1}') });
    await expect(page.getByRole('alert')).toContainText('This file is not a Ledgerline backup.');
  });
});

test('says plainly when no keychain is running, and what to install', async ({ page }) => {
  const host = await startHost({
    env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/ledgerline-bus' },
  });
  try {
    await openSettings(page, host);
    await expect(page.getByTestId('vault-state')).toHaveText(/Unavailable/);
    await expect(page.getByRole('region', { name: 'Secrets' })).toContainText('gnome-keyring');
    await page.getByRole('region', { name: 'Secrets' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${ARTIFACTS}/settings-vault-unavailable.png` });
  } finally {
    await host.stop();
  }
});
