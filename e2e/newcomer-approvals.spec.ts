import { expect, test } from '@playwright/test';
import { DEMO_DRAINER } from '../scripts/demo/demoReview';
import { shortAddress } from '../src/shared/format/shortAddress';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';

const demo = useDemo();

test('Approvals opens on every account and network, the Ledger account’s unlimited approvals first, and the revoke shows its fee', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Approvals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();

  // 1. No account or network to pick first: the filters start at "all".
  const filters = page.getByRole('group', { name: 'Show allowances of' });
  await expect(filters.getByLabel('Account', { exact: true })).toHaveValue('all');
  await expect(filters.getByLabel('Network', { exact: true })).toHaveValue('all');

  // 2. The first row is an unlimited approval of Ledger main, though watch-only accounts come first in the
  //    account list; the drainer's approval is among the unlimited ones at the top, and says why in words.
  const allowances = page.getByRole('table', { name: 'Allowances' });
  const rows = allowances.locator('tbody tr');
  await expect(rows.first()).toHaveAttribute('aria-label', /, Ledger main on Ethereum$/);
  await expect(rows.first().getByRole('list', { name: 'Risks' })).toContainText('Unlimited');
  const drainer = allowances.getByRole('row', {
    name: /^TKN for 0x[0-9a-fA-F]{4}…[0-9a-fA-F]{4}, Ledger main/,
  });
  await expect(drainer).toContainText('Unlimited');
  await expect(drainer).toContainText('may spend every token of this kind');
  await expect(drainer.getByRole('button', { name: 'Copy spender address of TKN' })).toBeVisible();
  const texts = await rows.allTextContents();
  const drainerIndex = texts.findIndex((text) => text.includes('TKN'));
  const firstLimited = texts.findIndex((text) => !text.includes('Unlimited'));
  expect(drainerIndex).toBeGreaterThanOrEqual(0);
  expect(firstLimited === -1 || drainerIndex < firstLimited).toBe(true);
  // The limited DAI allowance to the demo's friend, a plain account, says so.
  await expect(allowances.getByRole('row', { name: /^DAI for/ })).toContainText('Not a contract');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-approvals-table.png` });
  // At 1024 wide the reasons stay whole: the table scrolls sideways rather than cut them.
  await page.setViewportSize({ width: 1024, height: 700 });
  const badge = drainer.getByRole('list', { name: 'Risks' }).getByRole('listitem').first();
  await expect(badge).toContainText('Unlimited');
  await expect(badge).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-approvals-1024.png` });
  await page.setViewportSize({ width: 1440, height: 900 });

  // 3. Revoking the drainer's approval shows the network fee before anything is signed.
  await drainer.getByRole('button', { name: 'Revoke' }).click();
  const dialog = page.getByRole('dialog', { name: 'Revoke 1 allowance?' });
  const revokes = dialog.getByRole('list', { name: 'Revokes' });
  await expect(revokes).toContainText(`Revoke TKN for ${shortAddress(DEMO_DRAINER)}`, { timeout: 20_000 });
  await expect(revokes).toContainText('Network fee');
  // "0.0000435014… ETH likely": a shortened amount, the whole one a hover away.
  await expect(revokes).toContainText(/Network fee\s*\d[\d.]*…? ETH/);
  await expect(dialog.getByRole('button', { name: 'Sign revoke' })).toBeEnabled();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-approvals-revoke.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(drainer).toBeVisible();
});
