import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../scripts/demo/demoPortfolio';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';
const [ALICE] = DEMO_ACCOUNTS;

const demo = useDemo();

test('typing one of your own account names in To sends to that account, and says it is yours', async ({
  page,
}) => {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Send', exact: true }).click();
  const form = page.getByRole('form', { name: 'New transaction' });
  await form.getByLabel('From', { exact: true }).selectOption({ label: 'Ledger main' });
  await form.getByLabel('Amount', { exact: true }).fill('0.01');

  // 1. A name that is only close is refused, saying where the wallet looked; nothing is guessed.
  await form.getByLabel('To', { exact: true }).fill('alice');
  await form.getByRole('button', { name: 'Review' }).click();
  await expect(
    page.getByText('None of your accounts, address-book entries or labels is named "alice".'),
  ).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-names-unknown.png` });

  // 2. The account's own name resolves: the preview under To shows its whole address and "your account".
  await form.getByLabel('To', { exact: true }).fill(ALICE?.label ?? '');
  await form.getByRole('button', { name: 'Review' }).click();
  const preview = form.getByTestId('recipient-preview');
  await expect(preview).toHaveText(`${ALICE?.address} · Alice (your account)`, { timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Review' })).toContainText('0.01 ETH');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-names-review.png` });
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-names-account.png` });
});
