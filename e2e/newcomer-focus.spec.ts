import { expect, test, type Page } from '@playwright/test';
import { DEMO_FRIEND, DEMO_HISTORY_ACCOUNT } from '../scripts/demo/demoActivity';
import { anvilCall } from '../test/anvil/chainSetup';
import { useDemo } from './fixtures/demo';
import { reviewSend } from './fixtures/sendForm';

const ARTIFACTS = 'e2e/artifacts';

const ETHEREUM = 1;

const demo = useDemo();

test.describe.configure({ mode: 'serial' });
// The smallest window the wallet is laid out for: where content first falls below the fold.
test.use({ viewport: { width: 1024, height: 700 } });

async function openConsole(page: Page): Promise<void> {
  await page.goto(demo().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
}

test('Tab from the top shows the skip link, and Enter moves focus into the content', async ({ page }) => {
  await openConsole(page);
  const skip = page.getByRole('link', { name: 'Skip to content' });
  // Hidden until it is reached: it must not cover the sidebar while the user reads.
  await expect(skip).not.toBeInViewport();

  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-focus-skip-link.png` });

  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Portfolio' });
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/#\/portfolio$|\/$/);
  // The next Tab goes on inside <main>, past the sidebar and the top bar.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('main').locator(':focus')).toHaveCount(1);
});

test('a move in the sidebar puts focus on the new page’s h1, from the mouse and from the keyboard', async ({
  page,
}) => {
  await openConsole(page);
  // The first load leaves focus at the window's start: the user has not moved yet.
  await expect(page.locator(':focus')).toHaveCount(0);

  await page.getByRole('link', { name: 'History', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeFocused();

  const send = page.getByRole('link', { name: 'Send', exact: true });
  await send.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { level: 1, name: 'Send' });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-focus-route-heading.png` });
});

test('the bridge entry’s drawer opens at its top, with its heading focused', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('link', { name: 'History', exact: true }).click();
  await page
    .getByRole('list', { name: 'Timeline' })
    .getByRole('button', { name: /Bridged 250 USDC Ethereum → Base via CCTP/ })
    .click();
  const drawer = page.getByRole('dialog', { name: 'Transaction details' });
  await expect(drawer.getByRole('region', { name: 'Bridge via CCTP' })).toContainText('Arrived on Base');

  const heading = drawer.getByRole('heading', { level: 2, name: 'Transaction details' });
  await expect(heading).toBeFocused();
  // At its top: the heading whole in the window, and Close, below the bridge's legs, out of it (the drawer is
  // taller than the window here, which is what once scrolled it down to Close).
  await expect(heading).toBeInViewport({ ratio: 1 });
  await expect(drawer.getByRole('button', { name: 'Close' })).not.toBeInViewport();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-focus-drawer.png` });

  // Focus stays in the drawer (Shift+Tab from the heading goes to its last control) and comes back on close.
  await page.keyboard.press('Shift+Tab');
  await expect(drawer.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(drawer).toBeHidden();
  await expect(
    page.getByRole('list', { name: 'Timeline' }).getByRole('button', { name: /Bridged 250 USDC/ }),
  ).toBeFocused();
});

test('the error after Sign and send is scrolled into view and focused', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('link', { name: 'Send', exact: true }).click();
  const review = await reviewSend(page, { from: 'Ledger main', to: DEMO_FRIEND, amount: '0.01' });

  // Between the review and Sign and send, the account's coins go elsewhere: main refuses the send it cannot pay.
  const ethereum = demo().chains.find((chain) => chain.chainId === ETHEREUM)?.url as string;
  const balance = await anvilCall(ethereum, 'eth_getBalance', [DEMO_HISTORY_ACCOUNT, 'latest']);
  await anvilCall(ethereum, 'anvil_setBalance', [DEMO_HISTORY_ACCOUNT, '0x0']);
  try {
    await review.getByRole('button', { name: 'Sign and send' }).click();
    const error = page.getByRole('alert').filter({ hasText: /^Not sent:/ });
    await expect(error).toBeVisible({ timeout: 20_000 });
    await expect(error).toBeFocused();
    await expect(error).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${ARTIFACTS}/newcomer-focus-send-error.png` });
  } finally {
    await anvilCall(ethereum, 'anvil_setBalance', [DEMO_HISTORY_ACCOUNT, balance]);
  }
});
