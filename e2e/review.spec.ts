import { expect, type Page, test } from '@playwright/test';
import { DEMO_FRIEND } from '../scripts/demo/demoActivity';
import {
  DEMO_AIRDROP_REASON,
  DEMO_CLAIM_CALLDATA,
  DEMO_CLOSED_AIRDROP,
  DEMO_DRAINER,
  DEMO_ROUTER_LABEL,
  demoPermit2Permit,
} from '../scripts/demo/demoReview';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';
/** USDC on Ethereum, where the demo deploys its stand-in; Ledger's signed descriptor names this address. */
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';

const demo = useDemo();

test.describe.configure({ mode: 'serial' });

interface Draft {
  network?: string;
  to: string;
  /** A token's contract; the chain's coin when left out. */
  asset?: string;
  amount: string;
  data?: string;
}

/** Composes a transaction from Ledger main on the Send page and asks for its review. */
async function review(page: Page, draft: Draft) {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Send', exact: true }).click();
  const form = page.getByRole('form', { name: 'New transaction' });
  await form.getByLabel('From', { exact: true }).selectOption({ label: 'Ledger main' });
  if (draft.network) await form.getByLabel('Network', { exact: true }).selectOption({ label: draft.network });
  await form.getByLabel('To', { exact: true }).fill(draft.to);
  if (draft.asset) await form.getByLabel('Asset', { exact: true }).selectOption(draft.asset);
  await form.getByLabel('Amount', { exact: true }).fill(draft.amount);
  if (draft.data) {
    await form.getByText('Contract call (advanced)').click();
    await form.getByLabel('Call data (hex)', { exact: true }).fill(draft.data);
  }
  await form.getByRole('button', { name: 'Review' }).click();
  const region = page.getByRole('region', { name: 'Review' });
  await expect(region).toBeVisible({ timeout: 15_000 });
  return region;
}

test('blocks a send over the balance at review, with the balance and a Max', async ({ page }) => {
  const region = await review(page, { to: DEMO_FRIEND, amount: '99999' });
  const findings = region.getByRole('list', { name: 'Findings' });
  // Ledger main holds what the demo funded it with, less the send it signed while seeding.
  await expect(findings).toContainText(/Balance:?\s*1\.1\d* ETH/);
  await expect(region.getByRole('button', { name: 'Sign and send' })).toBeDisabled();
  await region.screenshot({ path: `${ARTIFACTS}/review-over-balance.png` });
  // Max fills in what the account can send after the most the fee can be, and that review lets it sign.
  await findings.getByRole('button', { name: 'Max' }).click();
  await expect(page.getByLabel('Amount', { exact: true })).toHaveValue(/^1\.1\d+/);
  await expect(region.getByRole('button', { name: 'Sign and send' })).toBeEnabled({ timeout: 15_000 });
});

test('the Ledger sheet for a USDC send shows token, amount and recipient, as the review does', async ({
  page,
}) => {
  const region = await review(page, { to: DEMO_FRIEND, asset: USDC, amount: '12.5' });
  await expect(region).toContainText('Send 12.5 USDC to');
  const device = region.getByRole('list', { name: 'What the device will show' });
  await expect(device).toContainText('USDC 12.5');
  await expect(device).toContainText(DEMO_FRIEND);
  await region.getByRole('button', { name: 'Sign and send' }).click();
  const sheet = page.getByRole('dialog', { name: 'Confirm on your Ledger' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('USDC 12.5');
  await expect(sheet).toContainText(DEMO_FRIEND);
  await expect(sheet).not.toContainText('0.0 ETH');
  await page.screenshot({ path: `${ARTIFACTS}/review-usdc-device-sheet.png` });
});

test('the drainer’s claim() shows −100 TKN before anything is signed', async ({ page }) => {
  const region = await review(page, { to: DEMO_DRAINER, amount: '0', data: DEMO_CLAIM_CALLDATA });
  const changes = region.getByRole('list', { name: 'Balance changes' });
  await expect(changes).toContainText('−100 TKN');
  await expect(region.getByRole('list', { name: 'Findings' })).toContainText(
    'takes 100 TKN from your account',
  );
  await region.screenshot({ path: `${ARTIFACTS}/review-drainer.png` });
});

test('a call that reverts shows its reason, and Sign is disabled', async ({ page }) => {
  const region = await review(page, { to: DEMO_CLOSED_AIRDROP, amount: '0', data: DEMO_CLAIM_CALLDATA });
  await expect(region.getByRole('list', { name: 'Findings' })).toContainText(DEMO_AIRDROP_REASON);
  await expect(region.getByRole('button', { name: 'Sign and send' })).toBeDisabled();
  await region.screenshot({ path: `${ARTIFACTS}/review-revert.png` });
});

test('a send on Base shows its L1 data fee', async ({ page }) => {
  const region = await review(page, { network: 'Base', to: DEMO_FRIEND, amount: '0.001' });
  await expect(region).toContainText('L1 data fee');
  await expect(region).toContainText(/L1 data fee\s*0\.0000\d+ ETH/);
  await region.screenshot({ path: `${ARTIFACTS}/review-base-l1-fee.png` });
});

test('a Permit2 unlimited permit shows the spender and "Unlimited"', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Devices', exact: true }).click();
  await page.getByRole('button', { name: 'Sign typed data' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Sign typed data' });
  const permit = demoPermit2Permit(Math.floor(Date.now() / 1000));
  await dialog.getByLabel('Typed data (JSON)').fill(JSON.stringify(permit, null, 2));
  await dialog.getByRole('button', { name: 'Review' }).click();
  const grant = dialog.getByRole('list', { name: 'Permissions' }).getByRole('listitem').first();
  await expect(grant).toContainText(DEMO_ROUTER_LABEL);
  await expect(grant).toContainText('Unlimited');
  await expect(grant).toContainText('USDC');
  await dialog.screenshot({ path: `${ARTIFACTS}/review-permit2.png` });
});
