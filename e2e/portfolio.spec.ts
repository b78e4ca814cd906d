import { expect, test } from '@playwright/test';
import { formatUnits } from 'ethers';
import { DEMO_CHAIN_IDS, demoToken, expectedTotal } from '../scripts/demo/demoPortfolio';
import { useDemo } from './fixtures/demo';
import { holdToSeededAccounts } from './fixtures/seededAccounts';

const ARTIFACTS = 'e2e/artifacts';
const CHAIN_NAMES: Record<(typeof DEMO_CHAIN_IDS)[number], string> = {
  1: 'Ethereum',
  42161: 'Arbitrum One',
  8453: 'Base',
};

const demo = useDemo();
test.beforeAll(() => holdToSeededAccounts(demo()));

/** "3.75" for 3.75 ETH: the exact decimal, as the page prints it before any thousands separators. */
function ether(chainId: (typeof DEMO_CHAIN_IDS)[number]): string {
  return formatUnits(expectedTotal(demoToken(chainId, 'ETH')), 18).replace(/\.0$/, '');
}

test('the demo portfolio shows every chain fresh, the right totals and the look-alike warning', async ({
  page,
}) => {
  await page.goto(demo().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();

  const networks = page.getByRole('region', { name: 'Networks' });
  for (const chainId of DEMO_CHAIN_IDS) {
    await expect(networks).toContainText(CHAIN_NAMES[chainId]);
  }
  await expect(networks.getByText('Stale', { exact: true })).toHaveCount(0);

  const byNetwork = page.getByRole('region', { name: 'Totals by network' });
  for (const chainId of DEMO_CHAIN_IDS) {
    const row = byNetwork.getByRole('row').filter({ hasText: CHAIN_NAMES[chainId] });
    await expect(row).toContainText(`${ether(chainId)} ETH`);
  }

  const warning = page.getByRole('alert').filter({ hasText: /look-alike/i });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('USDС');
  await expect(page.getByRole('table', { name: 'Tokens' })).toContainText('USDC');
  // The console scrolls inside its main area, so a taller window is what shows the whole page.
  await page.setViewportSize({ width: 1440, height: 2200 });
  await page.screenshot({ path: `${ARTIFACTS}/portfolio-demo.png` });
});
