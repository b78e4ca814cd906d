import { expect, test } from '@playwright/test';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';

const demo = useDemo();

test('the demo history links the bridge transfer and names the Ledger a transfer was signed on', async ({
  page,
}) => {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'History', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();

  const timeline = page.getByRole('list', { name: 'Timeline' });
  const bridge = timeline.getByRole('button', {
    name: /Bridged 250 USDC Ethereum → Base via CCTP · arrived after 2 min/,
  });
  await expect(bridge).toBeVisible();
  // The redeem on Base folded into the bridge entry: no second entry for it.
  await expect(
    timeline.getByRole('button', { name: /on Base/ }).filter({ hasText: /receiveMessage/ }),
  ).toHaveCount(0);

  const signed = timeline.getByRole('button', { name: /Sent 0\.1 ETH to/ });
  await expect(signed).toContainText(/Signed on Ledger Nano X \([0-9a-f]{8}\)/);
  await expect(timeline.getByRole('button', { name: /Swapped 100 USDC for/ })).toBeVisible();
  await expect(
    timeline.getByRole('button', { name: /Approved .* to spend USDC \(unlimited\)/ }),
  ).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/history-demo.png` });

  await bridge.click();
  const drawer = page.getByRole('dialog', { name: 'Transaction details' });
  const legs = drawer.getByRole('region', { name: 'Bridge via CCTP' });
  await expect(legs).toContainText('Sent on Ethereum');
  await expect(legs).toContainText('Arrived on Base');

  // A note of the user's own: kept with the transaction, shown in the timeline, found by search.
  await drawer.getByRole('button', { name: 'Add note' }).click();
  await drawer.getByRole('textbox', { name: 'Note' }).fill('Moved to Base for the airdrop');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer).toContainText('Moved to Base for the airdrop');
  await expect(bridge).toContainText('Moved to Base for the airdrop');
  await page.screenshot({ path: `${ARTIFACTS}/history-bridge-drawer.png` });
});
