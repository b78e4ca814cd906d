import { expect, test, type Locator, type Page } from '@playwright/test';
import { parseUnits } from 'ethers';
import { connectBridge } from '../scripts/demo/bridgeClient';
import {
  DEMO_ACCOUNTS,
  DEMO_FEED_DECIMALS,
  DEMO_PRICES,
  demoPrice,
  demoToken,
  expectedTotal,
} from '../scripts/demo/demoPortfolio';
import { anvilCall } from '../test/anvil/chainSetup';
import { useDemo } from './fixtures/demo';
import { holdToSeededAccounts } from './fixtures/seededAccounts';

const ARTIFACTS = 'e2e/artifacts';
/**
 * Snapshots of one account on one network that moved are at least a minute apart in the app
 * (src/main/prices/valueSnapshots.ts, where that rule is unit tested). This demo's host takes 5 s instead, so
 * the chart's test waits out 5 s rather than a minute; everything it shows is the app's own code.
 */
const SNAPSHOT_FLOOR_MS = 5_000;

const demo = useDemo({ valueSnapshotFloorMs: SNAPSHOT_FLOOR_MS });
let firstRefreshAt = 0;

async function refresh(): Promise<void> {
  const bridge = await connectBridge(demo().origin, demo().secret);
  try {
    await bridge.call('portfolio.refresh');
  } finally {
    await bridge.close();
  }
}

test.beforeAll(async () => {
  await holdToSeededAccounts(demo());
  firstRefreshAt = Date.now();
});

/** `amount` base units of a token with `decimals`, at `answer` (feed units), cut to cents as the page shows it. */
function money(amount: bigint, decimals: number, answer: string, currency = 'USD', rate = '1'): string {
  const scale = 10n ** 8n;
  const usd = (amount * parseUnits(answer, DEMO_FEED_DECIMALS) * scale) / 10n ** BigInt(decimals + 8);
  const value = (usd * scale) / parseUnits(rate, 8);
  const cents = value / 10n ** 6n;
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(
    Number(`${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`),
  );
}

async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

async function openPrices(page: Page): Promise<Locator> {
  await openPage(page, 'Settings');
  await page
    .getByRole('navigation', { name: 'Settings sections' })
    .getByRole('link', { name: 'Prices' })
    .click();
  return page.getByRole('region', { name: 'Prices' });
}

function tokenRow(page: Page, symbol: string, network: string): Locator {
  return page
    .getByRole('table', { name: 'Tokens' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader').getByText(symbol, { exact: true }) })
    .filter({ hasText: network });
}

const ether = demoToken(1, 'ETH');
const ethUsd = demoPrice(ether);

test('values carry their feed and age; a stale feed says "stale", a token with no feed "no price"', async ({
  page,
}) => {
  expect(ethUsd?.stale).toBe(false);
  await page.goto(demo().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();

  const eth = tokenRow(page, 'ETH', 'Ethereum');
  await expect(eth).toContainText(money(expectedTotal(ether), 18, ethUsd?.answer ?? ''));
  await expect(eth).toContainText(/ETH\/USD feed · (under 1 min ago|\d+ min ago)/);

  // Ethereum's DAI/USD was last updated three hours ago and its heartbeat is one hour.
  const dai = demoToken(1, 'DAI');
  expect(demoPrice(dai)?.stale).toBe(true);
  const daiRow = tokenRow(page, 'DAI', 'Ethereum');
  await expect(daiRow).toContainText('stale');
  await expect(daiRow).toContainText('DAI/USD last updated 3 h ago');
  await expect(daiRow).not.toContainText('$');

  // Bridged USDC on Arbitrum has no feed of its own, and is never taken for USDC at 1.
  expect(demoPrice(demoToken(42161, 'USDC.e'))).toBeNull();
  const bridged = tokenRow(page, 'USDC.e', 'Arbitrum One');
  await expect(bridged).toContainText('no price');
  await expect(bridged).not.toContainText('$');

  // The total counts only priced holdings and says it left some out.
  const total = page.getByRole('region', { name: 'Total value' });
  await expect(total).toContainText(/at least \$[\d,]+\.\d\d/i);
  await expect(total).toContainText(/holdings? not valued/);

  await page.setViewportSize({ width: 1440, height: 2400 });
  await page.screenshot({ path: `${ARTIFACTS}/portfolio-values.png`, fullPage: true });
});

test('values follow the currency chosen in Settings, through its rate feed on Ethereum', async ({ page }) => {
  const euro = DEMO_PRICES.find((entry) => entry.pair === 'EUR/USD');
  expect(euro?.stale).toBe(false);
  await page.goto(demo().url);
  const prices = await openPrices(page);
  await expect(prices).toContainText('no price service learns what you hold');
  await expect(page.getByRole('switch', { name: /CoinGecko/ })).not.toBeChecked();
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('EUR');
  await expect(page.getByRole('combobox', { name: 'Currency' })).toHaveValue('EUR');
  await prices.screenshot({ path: `${ARTIFACTS}/settings-prices.png` });

  await openPage(page, 'Portfolio');
  const eth = tokenRow(page, 'ETH', 'Ethereum');
  await expect(eth).toContainText(money(expectedTotal(ether), 18, ethUsd?.answer ?? '', 'EUR', euro?.answer));
  await expect(eth).toContainText('ETH/USD, EUR/USD feeds');

  await openPrices(page);
  await page.getByRole('combobox', { name: 'Currency' }).selectOption('USD');
  await expect(page.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD');
});

test('the value chart records a moved value at the next refresh, by network and by account', async ({
  page,
}) => {
  await page.goto(demo().url);
  const chart = page.getByRole('region', { name: 'Value over time' });
  const plot = chart.getByRole('slider', { name: 'Snapshot' });
  // Setting the demo up (accounts added one by one, each followed by a refresh) already drew a few points.
  await expect(plot).toBeVisible();
  const before = Number(await plot.getAttribute('aria-valuemax'));

  // Alice receives 10 ETH on Ethereum: a refresh after the snapshot floor records the moved value.
  const ethereum = demo().chains.find((chain) => chain.chainId === 1)?.url ?? '';
  const alice = DEMO_ACCOUNTS[0].address;
  const balance = BigInt(String(await anvilCall(ethereum, 'eth_getBalance', [alice, 'latest'])));
  await anvilCall(ethereum, 'anvil_setBalance', [alice, `0x${(balance + 10n * 10n ** 18n).toString(16)}`]);
  await page.waitForTimeout(Math.max(0, firstRefreshAt + SNAPSHOT_FLOOR_MS + 1_000 - Date.now()));
  await refresh();

  await page.reload();
  await expect(plot).toHaveAttribute('aria-valuemax', String(before + 1));
  await expect(plot).toHaveAttribute('aria-valuetext', /Ethereum/);
  // The chart's latest value is the page's: the removed Ledger account ended with a zero, not carried forward.
  const latest = chart.getByRole('list', { name: 'Latest value' }).getByRole('listitem');
  const ethereumNow = page
    .getByRole('region', { name: 'Totals by network' })
    .getByRole('row')
    .filter({ hasText: 'Ethereum' });
  const figure = await latest.filter({ hasText: 'Ethereum' }).locator('.value-chart__figure').innerText();
  await expect(ethereumNow).toContainText(figure);
  await plot.focus();
  await page.keyboard.press('Home');
  await expect(plot).toHaveAttribute('aria-valuenow', '0');
  await page.setViewportSize({ width: 1440, height: 2400 });
  await chart.screenshot({ path: `${ARTIFACTS}/portfolio-value-chart-network.png` });

  await chart.getByRole('radio', { name: 'By account' }).check();
  await expect(latest.filter({ hasText: 'Alice' })).toHaveCount(1);
  await chart.screenshot({ path: `${ARTIFACTS}/portfolio-value-chart-account.png` });
});
