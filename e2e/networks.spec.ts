import { expect, test } from '@playwright/test';
import { startAnvil, type AnvilNode } from '../test/anvil/anvil';
import { deployMulticall3 } from '../test/anvil/chainSetup';
import { startSecretService, type SecretServiceSession } from '../test/keychain/secretService';
import { startHost, type RunningHost } from './fixtures/browserHost';

const DEVNET = 777;

let chain: AnvilNode;
let keychain: SecretServiceSession;
let host: RunningHost;
test.beforeAll(async () => {
  chain = await startAnvil(DEVNET);
  await deployMulticall3(chain.url);
  keychain = await startSecretService({ exportAddress: false });
  host = await startHost({ env: { DBUS_SESSION_BUS_ADDRESS: keychain.address } });
});
test.afterAll(async () => {
  await host?.stop();
  await keychain?.stop();
  await chain?.stop();
});

test('adds a custom network that proves its chain id, and removes it again', async ({ page }) => {
  await page.goto(host.url);
  await page.getByRole('link', { name: 'Settings' }).click();
  const networks = page.getByRole('region', { name: 'Networks' });
  await networks.getByRole('button', { name: 'Add network' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a network' });
  const fill = async (chainId: number) => {
    await dialog.getByRole('textbox', { name: 'Chain ID' }).fill(String(chainId));
    await dialog.getByRole('textbox', { name: 'Network name' }).fill('Devnet');
    await dialog.getByRole('textbox', { name: 'Currency symbol' }).fill('DEV');
    await dialog.getByRole('textbox', { name: 'RPC URL' }).fill(chain.url);
    await dialog.getByRole('button', { name: 'Add network' }).click();
  };

  // The endpoint serves 777, so claiming it is 778 is refused with the reason.
  await fill(DEVNET + 1);
  await expect(dialog.getByRole('alert')).toContainText('Not added');
  await expect(dialog.getByRole('alert')).toContainText(String(DEVNET));

  await fill(DEVNET);
  await expect(dialog).toBeHidden();
  const row = networks.getByRole('row').filter({ hasText: 'Devnet' });
  await expect(row).toContainText('Custom');
  await expect(networks.getByRole('switch', { name: 'Enable Devnet' })).toBeChecked();
  await expect(
    page.getByRole('combobox', { name: 'Network', exact: true }).locator('option', { hasText: 'Devnet' }),
  ).toHaveCount(1);
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/artifacts/settings-custom-network.png' });

  await networks.getByRole('button', { name: 'Remove Devnet' }).click();
  await page.getByRole('dialog', { name: 'Remove Devnet?' }).getByRole('button', { name: 'Remove' }).click();
  await expect(networks.getByRole('row').filter({ hasText: 'Devnet' })).toHaveCount(0);
});
