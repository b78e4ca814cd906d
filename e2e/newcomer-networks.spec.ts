import { expect, test, type Locator, type Page } from '@playwright/test';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';

/** The demo enables these three; the wallet knows more (OP Mainnet, Polygon, …), which stay off. */
const ENABLED = ['Ethereum', 'Arbitrum One', 'Base'];

const demo = useDemo();

async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The parts of a <select> this spec sets; the e2e project has no DOM types, since its code runs in Node. */
interface ShownSelect {
  size: number;
  options: { length: number };
  style: { height: string };
}

/** A native select's list is drawn by the OS, outside any screenshot; shown inline, it can be looked at. */
async function screenshotOpen(field: Locator, select: Locator, path: string): Promise<void> {
  await select.evaluate((element) => {
    const shown = element as unknown as ShownSelect;
    shown.size = shown.options.length;
    shown.style.height = 'auto';
  });
  await field.screenshot({ path });
  await select.evaluate((element) => {
    const shown = element as unknown as ShownSelect;
    shown.size = 0;
    shown.style.height = '';
  });
}

test('the Send and Approvals network pickers list exactly the enabled networks, with a way to enable more', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(demo().url);

  await openPage(page, 'Send');
  const form = page.getByRole('form', { name: 'New transaction' });
  const sendNetwork = form.getByLabel('Network', { exact: true });
  await expect(sendNetwork.getByRole('option')).toHaveText(ENABLED);
  const sendField = form.locator('.send-form__field:has(.network-select)');
  await expect(sendField.getByRole('link', { name: 'Enable more networks…' })).toBeVisible();
  await screenshotOpen(sendField, sendNetwork, `${ARTIFACTS}/newcomer-networks-send.png`);

  await openPage(page, 'Approvals');
  const approvalsNetwork = page.getByRole('main').getByLabel('Network', { exact: true });
  // Approvals may also show every network at once; the named ones are still only the enabled ones.
  await expect(approvalsNetwork.getByRole('option')).toHaveText(['All enabled networks', ...ENABLED]);
  const approvalsField = page.locator('.approvals__field:has(.network-select)');
  await screenshotOpen(approvalsField, approvalsNetwork, `${ARTIFACTS}/newcomer-networks-approvals.png`);

  // The way out leads to the switches for every network the wallet knows, the others off.
  await approvalsField.getByRole('link', { name: 'Enable more networks…' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  const networks = page.getByRole('region', { name: 'Networks' });
  await expect(networks.getByRole('switch', { name: 'Enable OP Mainnet' })).not.toBeChecked();
  await networks.getByRole('switch', { name: 'Enable OP Mainnet' }).click();
  await expect(networks.getByRole('switch', { name: 'Enable OP Mainnet' })).toBeChecked();

  // Enabled there, it is offered here.
  await openPage(page, 'Send');
  await expect(sendNetwork.getByRole('option')).toHaveText([
    'Ethereum',
    'Arbitrum One',
    'OP Mainnet',
    'Base',
  ]);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-networks-send-page.png` });
});
