import { expect, test, type Page } from '@playwright/test';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { INVITE_LIFETIME_MS } from '../src/shared/pairing/invite';
import { useDemo } from './fixtures/demo';
import { freePort } from '../test/net/freePort';

const ARTIFACTS = 'e2e/artifacts';

const demo = useDemo();

test.describe.configure({ mode: 'serial' });

/** What main reports for the pairing attempt, as any window would read it. */
async function attemptState(): Promise<string | null> {
  const bridge = await connectBridge(demo().origin, demo().secret);
  try {
    return (await bridge.call('pairing.status')).attempt?.state ?? null;
  } finally {
    await bridge.close();
  }
}

/** Through the sidebar: Settings links to Pairing too. */
async function openPairing(page: Page): Promise<void> {
  await page
    .getByRole('list', { name: 'Signers' })
    .getByRole('link', { name: 'Pairing', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pairing' })).toBeVisible();
}

/** Nothing red and nothing from a past attempt: the relay's state in calm words, and a fresh start. */
async function expectCalmGreeting(page: Page): Promise<void> {
  const pair = page.getByRole('region', { name: 'Pair a phone' });
  await expect(pair.getByRole('button', { name: 'Show QR code' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/expired/i)).toHaveCount(0);
  await expect(page.getByText('Stopped', { exact: true })).toHaveCount(0);
  await expect(page.locator('.badge[data-tone="danger"]')).toHaveCount(0);
}

test('a first visit to Pairing shows a relay not started yet calmly, not a red "Stopped"', async ({
  page,
}) => {
  await page.goto(demo().url);
  await openPairing(page);
  const relay = page.getByRole('region', { name: 'Relay' });
  await expect(relay.getByText('Not running', { exact: true })).toBeVisible();
  await expect(relay.getByText(/It starts when you show a QR code\.$/)).toBeVisible();
  await expectCalmGreeting(page);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-pairing-first-visit.png` });
});

test('a code that expired while the user was away is history when they come back', async ({ page }) => {
  test.setTimeout(INVITE_LIFETIME_MS + 90_000);
  await page.goto(demo().url);
  await openPairing(page);
  // The relay listens on loopback at a free port, so the code is shown whatever else runs on this machine.
  await page.getByLabel('Interface', { exact: true }).selectOption('127.0.0.1');
  await page.getByLabel('Port', { exact: true }).fill(String(await freePort()));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Saved. The relay listens there now.')).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await expect(page.getByText(/^Expires in \d+:\d\d$/)).toBeVisible();

  // The user leaves, and main lets the code run out on its own timer meanwhile.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await expect
    .poll(attemptState, { timeout: INVITE_LIFETIME_MS + 30_000, intervals: [5_000] })
    .toBe('expired');

  await openPairing(page);
  await expectCalmGreeting(page);
  await expect(
    page.getByRole('region', { name: 'Relay' }).getByText('Running', { exact: true }),
  ).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-pairing-returning.png` });

  // A reload (or a new window) opens on the same state in main: still a fresh start.
  await page.reload();
  await openPairing(page);
  await expectCalmGreeting(page);
  expect(await attemptState()).toBe('expired');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-pairing-reloaded.png` });
});

test('Settings offers Currency where it says where prices come from, not among unrelated preferences', async ({
  page,
}) => {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const preferences = page.getByRole('region', { name: 'Preferences' });
  await expect(preferences.getByRole('combobox', { name: 'Default network' })).toBeVisible();
  await expect(preferences.getByRole('combobox', { name: 'Currency' })).toHaveCount(0);
  const prices = page.getByRole('region', { name: 'Prices' });
  await expect(prices.getByRole('combobox', { name: 'Currency' })).toHaveValue('USD');
  await expect(prices).toContainText('Chainlink price feeds');
  await prices.screenshot({ path: `${ARTIFACTS}/newcomer-pairing-settings-prices.png` });
});
