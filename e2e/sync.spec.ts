import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startSecretService, type SecretServiceSession } from '../test/keychain/secretService';
import { startHost, type RunningHost } from './fixtures/browserHost';

const ARTIFACTS = 'e2e/artifacts';
const COLD = '0x1111111111111111111111111111111111111111';

/** Two desktops, each with its own keychain, and one folder standing in for a cloud drive they both see. */
let keychains: SecretServiceSession[] = [];
let hosts: RunningHost[] = [];
let folder: string;
test.beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'e2e-sync-folder-'));
  keychains = await Promise.all([
    startSecretService({ exportAddress: false }),
    startSecretService({ exportAddress: false }),
  ]);
  hosts = await Promise.all(
    keychains.map((keychain) => startHost({ env: { DBUS_SESSION_BUS_ADDRESS: keychain.address } })),
  );
});
test.afterAll(async () => {
  await Promise.all(hosts.map((host) => host.stop()));
  await Promise.all(keychains.map((keychain) => keychain.stop()));
  rmSync(folder, { recursive: true, force: true });
});

async function useFolder(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const section = page.getByRole('region', { name: 'Sync folder' });
  await section.getByRole('textbox', { name: 'Folder' }).fill(folder);
  await section.getByRole('button', { name: 'Save' }).click();
  await expect(section.getByText(/Saved/)).toBeVisible({ timeout: 15_000 });
}

async function syncNow(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page
    .getByRole('region', { name: 'Sync', exact: true })
    .getByRole('button', { name: 'Sync now' })
    .click();
  await expect(page.getByRole('region', { name: 'Sync', exact: true }).getByText(/^Synced/)).toBeVisible({
    timeout: 15_000,
  });
}

test('a label made on one desktop reaches the other through a sync folder it cannot read', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const [studio, laptop] = await Promise.all(hosts.map(async () => (await browser.newContext()).newPage()));
  if (!studio || !laptop) throw new Error('two pages were not opened');
  await studio.goto(hosts[0]?.url ?? '');
  await laptop.goto(hosts[1]?.url ?? '');

  // The studio names an address, and starts syncing through the folder.
  await studio.getByRole('link', { name: 'Address book', exact: true }).click();
  await studio.getByRole('button', { name: 'Add label' }).click();
  const dialog = studio.getByRole('dialog', { name: 'Add a label' });
  await dialog.getByLabel('Address', { exact: true }).fill(COLD);
  await dialog.getByLabel('Name', { exact: true }).fill('Cold storage');
  await dialog.getByRole('button', { name: 'Add label' }).click();
  await expect(studio.getByRole('region', { name: 'Labels' })).toContainText('Cold storage');
  await studio.screenshot({ path: `${ARTIFACTS}/address-book-label.png` });
  await useFolder(studio);

  // The laptop joins with the code the studio shows.
  await studio
    .getByRole('region', { name: 'Add another desktop' })
    .getByRole('button', { name: 'Show invite code' })
    .click();
  const code = (await studio.locator('.sync-invite__code').textContent())?.trim() ?? '';
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  await studio.getByRole('region', { name: 'Add another desktop' }).scrollIntoViewIfNeeded();
  await studio.screenshot({ path: `${ARTIFACTS}/settings-sync-invite.png` });
  await useFolder(laptop);
  const join = laptop.getByRole('region', { name: 'Add another desktop' });
  await join.getByRole('textbox', { name: 'Invite code' }).fill(code);
  await join.getByRole('button', { name: 'Join' }).click();

  await syncNow(studio);
  await syncNow(laptop);
  const devices = laptop.getByRole('region', { name: 'Sync', exact: true });
  await expect(devices.getByRole('listitem')).toHaveCount(2);
  await devices.scrollIntoViewIfNeeded();
  await laptop.screenshot({ path: `${ARTIFACTS}/settings-sync-laptop.png` });
  await laptop.getByRole('link', { name: 'Address book', exact: true }).click();
  await expect(laptop.getByRole('region', { name: 'Labels' })).toContainText('Cold storage');
  await laptop.screenshot({ path: `${ARTIFACTS}/address-book-synced.png` });

  // The folder holds only HMAC-named blobs.
  expect(readdirSync(folder).every((file) => /^[0-9a-f]{32}\.llsync$/.test(file))).toBe(true);
});
