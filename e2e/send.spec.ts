import { expect, test } from '@playwright/test';
import { DEMO_FRIEND, DEMO_PENDING_CHAIN } from '../scripts/demo/demoActivity';
import { anvilCall } from '../test/anvil/chainSetup';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';

const demo = useDemo();

test('sends from the emulated Ledger after a review, speeds up a pending send and revokes an unlimited approval', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Send', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Send' })).toBeVisible();

  // 1–2. Compose, review (device named, fee in the native coin), sign and send.
  const form = page.getByRole('form', { name: 'New transaction' });
  await form.getByLabel('From', { exact: true }).selectOption({ label: 'Ledger main' });
  await form.getByLabel('To', { exact: true }).fill(DEMO_FRIEND);
  await form.getByLabel('Amount', { exact: true }).fill('0.01');
  await form.getByRole('button', { name: 'Review' }).click();
  const review = page.getByRole('region', { name: 'Review' });
  await expect(review).toContainText('Nano X');
  await expect(review).toContainText(/\d ETH/);
  await expect(review).toContainText('0.01 ETH');
  await page.screenshot({ path: `${ARTIFACTS}/send-review.png` });
  await review.getByRole('button', { name: 'Sign and send' }).click();
  await expect(page.getByRole('dialog', { name: 'Confirm on your Ledger' })).toBeVisible();

  const recent = page.getByRole('list', { name: 'Recent transactions' });
  await expect(recent.getByRole('listitem', { name: /^Send on Ethereum, nonce \d+$/ }).first()).toContainText(
    'Included',
    {
      timeout: 20_000,
    },
  );

  // 3. The send the demo left pending on Arbitrum is sped up; once a block is mined, the speed-up is in.
  const pending = recent.getByRole('listitem', { name: 'Send on Arbitrum One, nonce 0' });
  await expect(pending).toContainText('Pending');
  await pending.getByRole('button', { name: 'Speed up' }).click();
  // The speed-up is reviewed like any transaction: the old and the new max fee, side by side.
  const replacement = page.getByRole('dialog', { name: 'Speed up transaction' });
  await expect(replacement).toContainText('Old max fee');
  await expect(replacement).toContainText('New max fee');
  await page.screenshot({ path: `${ARTIFACTS}/send-speed-up-review.png` });
  await replacement.getByRole('button', { name: 'Sign speed-up' }).click();
  await expect(pending).toContainText('Being replaced');
  const speedUp = recent.getByRole('listitem', { name: 'Speed-up on Arbitrum One, nonce 0' });
  await expect(speedUp).toBeVisible({ timeout: 15_000 });
  const arbitrum = demo().chains.find((chain) => chain.chainId === DEMO_PENDING_CHAIN)?.url as string;
  await anvilCall(arbitrum, 'evm_mine');
  await expect(speedUp).toContainText('Included', { timeout: 20_000 });
  await expect(pending).toContainText('Replaced');
  await page.screenshot({ path: `${ARTIFACTS}/send-speed-up.png` });

  // 4. Revoke the unlimited USDC approval the demo gave the local pool.
  await page.getByRole('link', { name: 'Approvals', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Approvals' })).toBeVisible();
  await page.getByLabel('Account', { exact: true }).selectOption({ label: 'Ledger main' });
  const allowances = page.getByRole('table', { name: 'Allowances' });
  const unlimited = allowances.getByRole('row', { name: /^USDC for/ });
  await expect(unlimited).toContainText('Unlimited');
  await expect(allowances.getByRole('row', { name: /^DAI for/ })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/approvals-demo.png` });
  await unlimited.getByRole('button', { name: 'Revoke' }).click();
  await page
    .getByRole('dialog', { name: 'Revoke 1 allowance?' })
    .getByRole('button', { name: 'Sign revoke' })
    .click();
  await expect(unlimited).toHaveCount(0, { timeout: 20_000 });
  await expect(allowances.getByRole('row', { name: /^DAI for/ })).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/approvals-revoked.png` });
});
