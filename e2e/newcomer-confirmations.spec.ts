import { expect, test, type Page } from '@playwright/test';
import { DEMO_PENDING_CHAIN } from '../scripts/demo/demoActivity';
import { anvilCall } from '../test/anvil/chainSetup';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';
const ETHEREUM = 1;
/** The depth at which the wallet calls a transaction final: Send stops counting, History drops "Confirming". */
const FINAL = 12;

const demo = useDemo();

async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function headOf(chainId: number): Promise<number> {
  const url = demo().chains.find((chain) => chain.chainId === chainId)?.url;
  if (!url) throw new Error(`the demo has no chain ${chainId}`);
  return Number(await anvilCall(url, 'eth_blockNumber'));
}

/** "Included in block 31 · 4 confirmations" → 4; 0 while the count is not shown. */
function confirmationsIn(text: string | null): number {
  return Number(/· ([\d,]+) confirmations?/.exec(text ?? '')?.[1]?.replaceAll(',', '') ?? 0);
}

test('the demo keeps mining, so its entries confirm and become final while nobody mines', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const ethereumAtStart = await headOf(ETHEREUM);
  const arbitrumAtStart = await headOf(DEMO_PENDING_CHAIN);
  await page.goto(demo().url);

  // 1. Send: the demo's Ledger send on Ethereum counts its confirmations up to final, with no one mining.
  await openPage(page, 'Send');
  const recent = page.getByRole('list', { name: 'Recent transactions' });
  const ledgerSend = recent.getByRole('listitem', { name: /^Send on Ethereum, nonce \d+$/ });
  await expect(ledgerSend).toContainText(/Included in block [\d,]+ · [\d,]+ confirmations?/);
  await expect
    .poll(async () => confirmationsIn(await ledgerSend.textContent()), { timeout: 90_000 })
    .toBeGreaterThanOrEqual(FINAL);
  // The send the demo leaves on Arbitrum for speed-up and cancel stays pending: that chain mines on demand only.
  const pending = recent.getByRole('listitem', { name: 'Send on Arbitrum One, nonce 0' });
  await expect(pending).toContainText('Pending');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-confirmations-send.png` });

  // 2. History: the scheduled sync (every minute) finds every demo entry final; no "Confirming" badge is left.
  await openPage(page, 'History');
  const timeline = page.getByRole('list', { name: 'Timeline' });
  const sent = timeline.getByRole('button', { name: /Sent 0\.1 ETH to/ });
  await expect(sent).toBeVisible();
  await expect(timeline.getByText('Confirming', { exact: true })).toHaveCount(0, { timeout: 90_000 });
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-confirmations-history.png` });
  await sent.click();
  const details = page.getByRole('dialog', { name: 'Transaction details' });
  await expect(details).toContainText('Succeeded');
  await expect(details).not.toContainText('Confirming');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-confirmations-details.png` });

  // The blocks came from the demo's clock, not from transactions: Ethereum moved on, Arbitrum stood still.
  expect(await headOf(ETHEREUM)).toBeGreaterThan(ethereumAtStart);
  expect(await headOf(DEMO_PENDING_CHAIN)).toBe(arbitrumAtStart);
});
