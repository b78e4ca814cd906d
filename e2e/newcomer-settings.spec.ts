import { expect, test, type Locator, type Page } from '@playwright/test';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';

/** The index, in page order. */
const SECTIONS = [
  'Appearance',
  'Preferences',
  'Networks',
  'Prices',
  'History sources',
  'WalletConnect',
  'Sync',
  'Secrets',
  'Local data',
  'Updates',
  'About',
];

/** The narrowest window the app is designed for, and a common laptop one. */
const NARROW = { width: 1024, height: 700 };
const WIDE = { width: 1440, height: 900 };

const demo = useDemo();

async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const settingsIndex = (page: Page) => page.getByRole('navigation', { name: 'Settings sections' });
const sectionHeading = (page: Page, title: string) =>
  page.getByRole('heading', { level: 2, name: title, exact: true });

/** The index entry marked as the section in view; exactly one. */
async function currentEntry(page: Page): Promise<string> {
  const current = settingsIndex(page).locator('[aria-current="location"]');
  await expect(current).toHaveCount(1);
  return (await current.textContent()) ?? '';
}

/** The heading is in the window, not under the sticky index, and has focus: where a keyboard user now is. */
async function expectLandedOn(page: Page, title: string): Promise<void> {
  const heading = sectionHeading(page, title);
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  await expect(settingsIndex(page)).toBeInViewport();
  const [headingBox, indexBox] = await Promise.all([
    heading.boundingBox(),
    settingsIndex(page).boundingBox(),
  ]);
  expect(headingBox && indexBox && overlaps(headingBox, indexBox)).toBe(false);
  // The content pane scrolls, never the window: a window scrolled under the app leaves a band below it.
  expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
}

type Box = NonNullable<Awaited<ReturnType<Locator['boundingBox']>>>;

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const viewport of [NARROW, WIDE]) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`at ${size} the index lists the sections and takes the user to each one`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(demo().url);
    await openPage(page, 'Settings');

    const index = settingsIndex(page);
    await expect(index.getByRole('link')).toHaveText(SECTIONS);
    expect(await currentEntry(page)).toBe('Appearance');
    await page.screenshot({ path: `${ARTIFACTS}/newcomer-settings-index-${size}.png` });

    // An entry in the middle of the page: its section comes to the top with its heading focused.
    await index.getByRole('link', { name: 'Networks', exact: true }).click();
    await expect(page).toHaveURL(/#\/settings\/networks$/);
    await expectLandedOn(page, 'Networks');
    expect(await currentEntry(page)).toBe('Networks');
    await expect(page.getByRole('region', { name: 'Networks' }).getByRole('switch').first()).toBeInViewport();

    // One at the foot of the page, which can never scroll to the top: the index still marks it.
    await index.getByRole('link', { name: 'Local data', exact: true }).click();
    await expectLandedOn(page, 'Local data');
    expect(await currentEntry(page)).toBe('Local data');
    await page.screenshot({ path: `${ARTIFACTS}/newcomer-settings-local-data-${size}.png` });

    // Scrolling by hand moves the mark with the reader.
    await page.mouse.move(viewport.width - 200, viewport.height / 2);
    await page.mouse.wheel(0, -10_000);
    await expect.poll(() => currentEntry(page)).toBe('Appearance');

    // Following the entry the address already names brings its section back all the same.
    await index.getByRole('link', { name: 'Local data', exact: true }).click();
    await expectLandedOn(page, 'Local data');
  });
}

test('“Enable more networks…” on Send lands on Settings → Networks, ready to switch one on', async ({
  page,
}) => {
  await page.setViewportSize(NARROW);
  await page.goto(demo().url);
  await openPage(page, 'Send');
  await page
    .getByRole('form', { name: 'New transaction' })
    .getByRole('link', { name: 'Enable more networks…' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page).toHaveURL(/#\/settings\/networks$/);
  await expectLandedOn(page, 'Networks');
  expect(await currentEntry(page)).toBe('Networks');
  await expect(
    page.getByRole('region', { name: 'Networks' }).getByRole('switch', { name: 'Enable OP Mainnet' }),
  ).toBeInViewport();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-settings-enable-more.png` });
});

test('the sync pill lands on Settings → Sync, which loads after the page', async ({ page }) => {
  await page.setViewportSize(WIDE);
  await page.goto(demo().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  await page.getByRole('banner').getByRole('link', { name: /^Sync/ }).click();
  await expect(page).toHaveURL(/#\/settings\/sync$/);
  await expectLandedOn(page, 'Sync');
  expect(await currentEntry(page)).toBe('Sync');
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-settings-sync-pill.png` });
});

test('an address naming no section opens Settings at its start, not a missing page', async ({ page }) => {
  await page.goto(demo().url);
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  // Typed into the address bar, as a stale bookmark would be; the e2e project has no DOM types, hence a string.
  await page.evaluate("location.hash = '#/settings/advanced'");
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeInViewport();
  await expect(settingsIndex(page).getByRole('link')).toHaveText(SECTIONS);
  expect(await currentEntry(page)).toBe('Appearance');
});
