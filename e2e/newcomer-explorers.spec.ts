import { expect, test, type Page } from '@playwright/test';
import { DEMO_PENDING_CHAIN } from '../scripts/demo/demoActivity';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';

/** Where the user says their devnets' transactions can be looked up; nothing is fetched from it. */
const ETHEREUM_EXPLORER = 'https://eth.devnet.example';
const ARBITRUM_EXPLORER = 'https://arb.devnet.example';

const demo = useDemo();

async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The demo's Ledger send on Ethereum, opened in History's drawer. */
async function openLedgerSend(page: Page) {
  await openPage(page, 'History');
  await page
    .getByRole('list', { name: 'Timeline' })
    .getByRole('button', { name: /Sent 0\.1 ETH to/ })
    .click();
  const drawer = page.getByRole('dialog', { name: 'Transaction details' });
  await expect(drawer).toContainText(/0x[0-9a-f]{64}/);
  return drawer;
}

async function setExplorer(page: Page, chainName: string, url: string): Promise<void> {
  await page
    .getByRole('region', { name: 'Networks' })
    .getByRole('button', { name: `Set block explorer for ${chainName}` })
    .click();
  const dialog = page.getByRole('dialog', { name: `Block explorer for ${chainName}` });
  await dialog.getByLabel('Block explorer URL').fill(url);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
}

test('local chains on the user’s own RPC link to no public explorer until the user sets one', async ({
  page,
}) => {
  test.setTimeout(90_000);
  expect(demo().chains.map((chain) => chain.chainId)).toContain(DEMO_PENDING_CHAIN);
  await page.goto(demo().url);

  // 1. The demo's chains reuse Ethereum's and Arbitrum's ids on local anvil nodes: no Etherscan, no Arbiscan.
  await openPage(page, 'Send');
  const recent = page.getByRole('list', { name: 'Recent transactions' });
  const pending = recent.getByRole('listitem', { name: 'Send on Arbitrum One, nonce 0' });
  await expect(pending).toContainText('Pending');
  await expect(recent.getByRole('link')).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-explorers-recent-none.png` });

  let drawer = await openLedgerSend(page);
  await expect(drawer.getByRole('link', { name: /in the explorer/ })).toHaveCount(0);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-explorers-history-none.png` });
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();

  // 2. Settings says so, and refuses an explorer the system browser would not open, keeping the old value.
  await page.getByRole('link', { name: 'Settings' }).click();
  const networks = page.getByRole('region', { name: 'Networks' });
  const ethereumExplorer = networks.getByRole('button', { name: 'Set block explorer for Ethereum' });
  await expect(ethereumExplorer).toHaveText('None');
  await ethereumExplorer.click();
  const dialog = page.getByRole('dialog', { name: 'Block explorer for Ethereum' });
  await dialog.getByLabel('Block explorer URL').fill('http://eth.devnet.example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('must start with https://');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-explorers-refused.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(ethereumExplorer).toHaveText('None');

  await setExplorer(page, 'Ethereum', ETHEREUM_EXPLORER);
  await setExplorer(page, 'Arbitrum One', ARBITRUM_EXPLORER);
  await expect(ethereumExplorer).toHaveText('eth.devnet.example');
  await expect(networks.getByRole('button', { name: 'Set block explorer for Base' })).toHaveText('None');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-explorers-settings.png` });

  // 3. Now the rows link to the explorers the user named, and only there.
  await openPage(page, 'Send');
  const link = pending.getByRole('link', { name: 'Explorer' });
  await expect(link).toHaveAttribute('href', new RegExp(`^${ARBITRUM_EXPLORER}/tx/0x[0-9a-f]{64}$`));
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-explorers-recent-set.png` });

  drawer = await openLedgerSend(page);
  const hashLink = drawer.getByRole('link', { name: /^Open transaction hash .*in the explorer$/ });
  await expect(hashLink).toHaveAttribute('href', new RegExp(`^${ETHEREUM_EXPLORER}/tx/0x[0-9a-f]{64}$`));
  // Every link in the drawer (the hash, the addresses) goes to the explorer the user named.
  for (const each of await drawer.getByRole('link', { name: /in the explorer/ }).all()) {
    expect(await each.getAttribute('href')).toMatch(new RegExp(`^${ETHEREUM_EXPLORER}/(tx|address)/0x`));
  }
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-explorers-history-set.png` });
});
