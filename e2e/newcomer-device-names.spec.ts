import { expect, test } from '@playwright/test';
import { DEMO_LEDGER_FUNDS } from '../scripts/demo/demoPortfolio';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';
const DEVICE = 'Ledger Nano X';
// Ledger Live account 1 of the emulator's mnemonic; the demo added account 0 as "Ledger main" itself.
const [, LEDGER_LIVE_1] = DEMO_LEDGER_FUNDS;

const demo = useDemo();

test('an account added from the Ledger gets a name of its own, which Devices renames and Send then offers', async ({
  page,
}) => {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  const card = page.getByRole('region', { name: DEVICE });
  await expect(card).toContainText('Ready to sign');

  // 1. Added without a name, the account is "Ledger 1": the next number no account's name has.
  await card.getByRole('button', { name: 'Add accounts' }).click();
  const dialog = page.getByRole('dialog', { name: `Add accounts from ${DEVICE}` });
  await dialog.getByRole('checkbox', { name: 'Select account 1' }).check();
  await dialog.getByRole('button', { name: 'Add 1 account' }).click();
  await expect(dialog).toBeHidden();
  const accounts = page.getByRole('list', { name: `Accounts on ${DEVICE}` });
  const added = accounts.getByRole('listitem').filter({ hasText: LEDGER_LIVE_1.path });
  await expect(added).toHaveAccessibleName('Ledger 1');
  await expect(accounts.getByRole('listitem', { name: 'Ledger main' })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-device-names-default.png` });

  // 2. Another account's name is refused in a sentence, whatever its case; nothing changes.
  await added.getByRole('button', { name: 'Rename Ledger 1' }).click();
  const field = added.getByRole('textbox', { name: 'Account name' });
  await expect(field).toBeFocused();
  await field.fill('ledger main');
  await field.press('Enter');
  await expect(added.getByRole('alert')).toContainText(
    'Another account is already named “ledger main”. Pick a different name.',
  );
  await expect(added).toHaveAccessibleName('Ledger 1');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-device-names-taken.png` });

  // 3. A free name is saved from the keyboard, and focus goes back to the Rename button.
  await field.fill('  Savings  ');
  await field.press('Enter');
  await expect(added).toHaveAccessibleName('Savings');
  await expect(added.getByRole('button', { name: 'Rename Savings' })).toBeFocused();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-device-names-renamed.png` });

  // 4. Send's From picker offers the account by its new name.
  await page.getByRole('link', { name: 'Send', exact: true }).click();
  const from = page.getByRole('form', { name: 'New transaction' }).getByLabel('From', { exact: true });
  await from.selectOption({ label: 'Savings' });
  await expect(from.locator('option:checked')).toHaveText('Savings');
  await expect(from.locator('option', { hasText: 'Ledger 1' })).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-device-names-send.png` });
});
