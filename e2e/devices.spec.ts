import { expect, test } from '@playwright/test';
import { verifyMessage } from 'ethers';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_LEDGER_FUNDS } from '../scripts/demo/demoPortfolio';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';
const DEVICE = 'Ledger Nano X';
// Ledger Live account 1 and legacy account 0 of the emulator's mnemonic; the demo funds both.
const [, LEDGER_LIVE_1, , LEGACY_0] = DEMO_LEDGER_FUNDS;

const demo = useDemo();

test('adds two accounts of the emulated Ledger from different schemes and signs a message with one', async ({
  page,
}) => {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Devices' })).toBeVisible();

  // 1. The emulated Ledger appears, ready, with its Ethereum app.
  const card = page.getByRole('region', { name: DEVICE });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Ready to sign');
  await expect(card).toContainText('Ethereum');
  await page.screenshot({ path: `${ARTIFACTS}/devices-ready.png` });

  // 2. Two accounts from two schemes, found by discovery with their used mark.
  await card.getByRole('button', { name: 'Add accounts' }).click();
  const dialog = page.getByRole('dialog', { name: `Add accounts from ${DEVICE}` });
  await expect(dialog.getByRole('checkbox', { name: 'Select account 1' })).toBeVisible();
  await expect(dialog).toContainText(LEDGER_LIVE_1.address.slice(0, 6));
  await dialog.getByRole('checkbox', { name: 'Select account 1' }).check();
  await page.screenshot({ path: `${ARTIFACTS}/devices-add-accounts.png` });
  await dialog.getByRole('tab', { name: 'Legacy / MEW' }).click();
  await dialog.getByRole('checkbox', { name: 'Select account 0' }).check();
  await dialog.getByRole('button', { name: 'Add 2 accounts' }).click();
  await expect(dialog).toBeHidden();

  // The demo added Ledger Live account 0 itself, to sign the transfer its history shows.
  const accounts = page.getByRole('list', { name: `Accounts on ${DEVICE}` });
  await expect(accounts.getByRole('listitem')).toHaveCount(3);
  await expect(accounts).toContainText(LEDGER_LIVE_1.path);
  await expect(accounts).toContainText(LEGACY_0.path);

  // 3. Sign a message with the Ledger Live account; 4. the overlay names the device while it waits.
  const row = accounts.getByRole('listitem').filter({ hasText: LEDGER_LIVE_1.path });
  await row.getByRole('button', { name: 'Sign message' }).click();
  const signDialog = page.getByRole('dialog', { name: 'Sign message' });
  await signDialog.getByRole('textbox', { name: 'Message' }).fill('I own this account');
  await signDialog.getByRole('button', { name: 'Sign on device' }).click();

  const overlay = page.getByRole('dialog', { name: 'Confirm on your Ledger' });
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText(DEVICE);
  await expect(overlay).toContainText('Nano X');
  await expect(overlay).toContainText('I own this account');
  const bridge = await connectBridge(demo().origin, demo().secret);
  const fingerprint = await bridge.call('devices.list').then((devices) => devices[0]?.fingerprint ?? null);
  await bridge.close();
  expect(fingerprint).toMatch(/^[0-9a-f]{8}$/);
  await expect(overlay).toContainText(fingerprint as string);
  await page.screenshot({ path: `${ARTIFACTS}/devices-signing-overlay.png` });

  await expect(overlay).toBeHidden({ timeout: 10_000 });
  const signature = (await signDialog.locator('.signature-summary__signature').textContent()) ?? '';
  expect(verifyMessage('I own this account', signature)).toBe(LEDGER_LIVE_1.address);
  await expect(signDialog.getByText(`${DEVICE} (${fingerprint})`)).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/devices-signed.png` });
});
