import { expect, test, type Locator, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';
/** Chromium draws no element taller than 2^25 px: a million 64 px entries (64M px) must fit under it. */
const CHROMIUM_MAX_HEIGHT = 33_554_432;

const demo = useDemo();

/** The data-entry-index of the focused timeline row. */
const focusedEntry = (page: Page) => page.locator(':focus').getAttribute('data-entry-index');

/** What the spec reads and moves of the timeline's scroll viewport (this tsconfig has no DOM types). */
interface Scroller {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** Whether a row lies wholly inside the timeline's viewport, where the reader sees it. */
async function wholeInView(row: Locator, viewport: Locator): Promise<boolean> {
  const [box, frame] = await Promise.all([row.boundingBox(), viewport.boundingBox()]);
  return !!box && !!frame && box.y >= frame.y - 0.5 && box.y + box.height <= frame.y + frame.height + 0.5;
}

test('the demo timeline is walked by keyboard, one row at a time and to either end', async ({ page }) => {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'History', exact: true }).click();
  const timeline = page.getByRole('list', { name: 'Timeline' });
  const rows = timeline.getByRole('button');
  await expect(rows.first()).toBeVisible();
  const count = await rows.count();
  expect(count).toBeGreaterThan(2);

  await rows.first().focus();
  await page.keyboard.press('ArrowDown');
  expect(await focusedEntry(page)).toBe('1');
  await page.keyboard.press('End');
  expect(await focusedEntry(page)).toBe(String(count - 1));
  await expect(rows.last()).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-timeline-demo-end.png` });
  await page.keyboard.press('Home');
  expect(await focusedEntry(page)).toBe('0');
});

test.describe('a million entries', () => {
  let dir = '';
  test.beforeAll(async () => {
    // The timeline alone, bundled as the app bundles it, over a million fixture entries.
    dir = await mkdtemp(join(tmpdir(), 'ledgerline-timeline-'));
    await build({
      entryPoints: ['test/renderer/timelineHarness.tsx'],
      bundle: true,
      minify: true,
      outdir: dir,
      jsx: 'automatic',
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    const html =
      '<!doctype html><link rel="stylesheet" href="timelineHarness.css"><script defer src="timelineHarness.js"></script>';
    await writeFile(join(dir, 'index.html'), html);
  });
  test.afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('every one of them can be reached, by keyboard and by the scroll bar', async ({ page }) => {
    test.setTimeout(300_000);
    await page.goto(`${pathToFileURL(join(dir, 'index.html')).href}?entries=1000000`, { timeout: 240_000 });
    const timeline = page.getByRole('list', { name: 'Timeline' });
    const viewport = page.locator('.timeline');
    await expect(timeline.getByRole('button').first()).toBeVisible({ timeout: 240_000 });
    const scrollHeight = await viewport.evaluate((element: Scroller) => element.scrollHeight);
    expect(scrollHeight).toBeLessThan(CHROMIUM_MAX_HEIGHT);

    const row = (index: number) => timeline.locator(`[data-entry-index="${index}"]`);
    await row(0).focus();
    await page.keyboard.press('PageDown');
    const paged = Number(await focusedEntry(page));
    expect(paged).toBeGreaterThan(1);
    expect(await wholeInView(row(paged), viewport)).toBe(true);

    await page.keyboard.press('End');
    expect(await focusedEntry(page)).toBe('999999');
    expect(await wholeInView(row(999_999), viewport)).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/newcomer-timeline-million-end.png` });
    await page.keyboard.press('ArrowUp');
    expect(await focusedEntry(page)).toBe('999998');
    expect(await wholeInView(row(999_998), viewport)).toBe(true);
    await page.keyboard.press('Home');
    expect(await focusedEntry(page)).toBe('0');
    expect(await wholeInView(row(0), viewport)).toBe(true);

    // Dragged to the middle of the scroll bar, the middle of the list is in view.
    await viewport.evaluate((element: Scroller) => {
      element.scrollTop = (element.scrollHeight - element.clientHeight) / 2;
    });
    await expect(row(500_000)).toBeAttached();
    await page.screenshot({ path: `${ARTIFACTS}/newcomer-timeline-million-middle.png` });

    // Dragged to the bottom: the last entry is in view, and the next page has been asked for.
    await viewport.evaluate((element: Scroller) => {
      element.scrollTop = element.scrollHeight;
    });
    await expect(row(999_999)).toBeInViewport();
    expect(await wholeInView(row(999_999), viewport)).toBe(true);
    expect(await page.evaluate(() => (globalThis as { pagesAsked?: number }).pagesAsked)).toBeGreaterThan(0);
  });
});
