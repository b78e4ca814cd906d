import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page, test } from '@playwright/test';
import { DEMO_ACCOUNTS } from '../scripts/demo/demoPortfolio';
import { useDemo } from './fixtures/demo';
import { reviewSend } from './fixtures/sendForm';

const ARTIFACTS = 'e2e/artifacts';
/** USDC on Ethereum, where the demo deploys its stand-in. */
const USDC = '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48';
const ALICE = DEMO_ACCOUNTS[0];

const demo = useDemo();

/** What the page's elements are measured by; the e2e project compiles without the DOM's types. */
interface Box {
  scrollWidth: number;
  clientWidth: number;
  textContent: string | null;
}

/** The texts in the element that are cut: wider than their box (an ellipsis is such a cut). */
function cutTexts(list: Locator): Promise<string[]> {
  return list
    .locator('xpath=descendant-or-self::*')
    .evaluateAll((nodes) =>
      (nodes as unknown as Box[])
        .filter((node) => node.scrollWidth > node.clientWidth + 1)
        .map((node) => node.textContent ?? ''),
    );
}

async function sendUsdcToAlice(page: Page) {
  await page.getByRole('link', { name: 'Send', exact: true }).click();
  const review = await reviewSend(page, {
    from: 'Ledger main',
    to: ALICE.address,
    asset: USDC,
    amount: '1.5',
  });
  await expect(review).toContainText('1.5 USDC');
  await review.getByRole('button', { name: 'Sign and send' }).click();
}

test('a USDC send to another own account is named by amount and recipient, and is one entry', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(demo().url);
  await sendUsdcToAlice(page);

  // Recent transactions: the amount and the account's name, not "Send to 0xA0b8…eB48".
  const recent = page.getByRole('list', { name: 'Recent transactions' });
  const row = recent
    .getByRole('listitem', { name: /^Send on Ethereum, nonce \d+$/ })
    .filter({ hasText: /1\.5 USDC to Alice on Ethereum · nonce \d+/ });
  await expect(row).toContainText('Included', { timeout: 30_000 });
  await expect(row.getByText('Alice', { exact: true })).toHaveAttribute('title', ALICE.address);
  // Every row reads in full at both sizes, the pending one with its buttons included.
  await row.scrollIntoViewIfNeeded();
  expect(await cutTexts(recent)).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-history-recent-1440.png` });
  await page.setViewportSize({ width: 1024, height: 700 });
  expect(await cutTexts(recent)).toEqual([]);
  await recent.screenshot({ path: `${ARTIFACTS}/newcomer-history-recent-1024.png` });
  await page.setViewportSize({ width: 1440, height: 900 });

  // History: one "Between your accounts" entry, the sender's, not a Sent and a Received.
  await page.getByRole('link', { name: 'History', exact: true }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  const between = timeline.getByRole('button', {
    name: /^Between your accounts: 1\.5 USDC to Alice/,
  });
  await expect(between).toHaveCount(1, { timeout: 30_000 });
  await expect(timeline.getByRole('button', { name: /1\.5 USDC/ })).toHaveCount(1);
  await expect(between).toContainText('Ledger main');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-history-timeline.png` });

  await between.click();
  const drawer = page.getByRole('dialog', { name: 'Transaction details' });
  await expect(drawer).toContainText('Between your accounts');
  await expect(drawer).toContainText('Recipient');
  await expect(drawer).toContainText(ALICE.address);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-history-drawer.png` });
  await drawer.getByRole('button', { name: 'Close' }).click();

  // CSV: one row for the transfer, with its decoded recipient, her name and the amount.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile(await (await download).path(), 'utf8');
  const usdcRows = csv.split('\r\n').filter((line) => line.includes('1.5 USDC'));
  expect(usdcRows).toHaveLength(1);
  expect(usdcRows[0]).toContain(`,between-accounts,success,-1.5 USDC,${ALICE.address},Alice,`);
});
