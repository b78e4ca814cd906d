import { expect, test, type Locator, type Page } from '@playwright/test';
import { useDemo } from './fixtures/demo';

const ARTIFACTS = 'e2e/artifacts';

const demo = useDemo();

/** The little of the DOM the measurement uses: e2e code is type-checked without the DOM library. */
interface InPageNode {
  nodeType: number;
  textContent: string | null;
}
interface InPageElement extends InPageNode {
  parentElement: InPageElement | null;
  childNodes: Iterable<InPageNode>;
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  clientHeight: number;
  getAttribute(name: string): string | null;
  closest(selector: string): InPageElement | null;
  querySelectorAll(selector: string): Iterable<InPageElement>;
  getBoundingClientRect(): { width: number; height: number };
  checkVisibility(options: { visibilityProperty: boolean }): boolean;
}
interface InPageWindow {
  getComputedStyle(element: InPageElement): { display: string; overflowX: string; overflowY: string };
}
const TEXT_NODE = 3;

/** A text the screen cuts, and where: what the failure message lists. */
interface Cut {
  text: string;
  how: 'overflow' | 'ellipsis';
}

/**
 * Every text inside `root` that the screen cuts and gives no way to read in full. A text is cut when a box that
 * clips (overflow hidden or clip) holds more than it shows, or when the words themselves were shortened with
 * "…". It is readable in full when the cut element or one of its ancestors inside `root` carries the full text
 * in a title, aria-label or aria-description, or when it sits inside a control that opens it in full
 * (aria-expanded, or aria-haspopup for a row that opens a details dialog).
 * Runs in the page, so it sees the real layout at the viewport's width.
 */
async function unreadableCuts(root: Locator): Promise<Cut[]> {
  return root.evaluate((rootNode, TEXT_NODE) => {
    const rootElement = rootNode as unknown as InPageElement;
    const { getComputedStyle } = globalThis as unknown as InPageWindow;
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    const cuts: Cut[] = [];

    const fullTextNear = (element: InPageElement, pieces: string[]): boolean => {
      for (let node: InPageElement | null = element; node; node = node.parentElement) {
        for (const name of ['title', 'aria-label', 'aria-description']) {
          const value = node.getAttribute(name)?.toLowerCase();
          if (value && !value.includes('…') && pieces.every((piece) => value.includes(piece.toLowerCase())))
            return true;
        }
        if (node === rootElement) break;
      }
      return false;
    };

    // A control that opens the whole thing: an expandable figure, or a row that opens a details dialog.
    const DISCLOSURE = '[aria-expanded], [aria-haspopup]';
    const disclosureNear = (element: InPageElement): boolean => element.closest(DISCLOSURE) != null;

    // Rendered for the eye. A box squeezed to zero width still counts: that is the worst cut of all. Text kept
    // for screen readers only (the 1 px "visually hidden" pattern) does not.
    const shown = (element: InPageElement) => {
      const box = element.getBoundingClientRect();
      const screenReaderOnly = box.width <= 1 && box.height <= 1;
      return element.checkVisibility({ visibilityProperty: true }) && !screenReaderOnly;
    };

    for (const element of rootElement.querySelectorAll('*')) {
      if (!shown(element) || element.closest('[aria-hidden="true"], svg')) continue;
      const style = getComputedStyle(element);
      // Overflow does not clip an inline box, which also reports a client width of 0.
      const clips =
        style.display !== 'inline' &&
        (['hidden', 'clip'].includes(style.overflowX) || ['hidden', 'clip'].includes(style.overflowY));
      const text = squash(element.textContent ?? '');
      if (!text) continue;
      const overflowing =
        clips &&
        (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
      if (overflowing) {
        if (!fullTextNear(element, [text]) && !disclosureNear(element)) cuts.push({ text, how: 'overflow' });
        continue;
      }
      // Words shortened by the code itself ("4.899615… ETH", "0xA0b8…eB48"), counted on the element that holds them.
      const ownText = squash(
        [...element.childNodes]
          .filter((child) => child.nodeType === TEXT_NODE)
          .map((child) => child.textContent ?? '')
          .join(''),
      );
      if (!ownText.includes('…')) continue;
      // "Refreshing…" and the like end a sentence; a cut figure has text on both sides or digits before it.
      const pieces = ownText.split('…').map(squash).filter(Boolean);
      if (pieces.length < 2 && !/\d…/.test(ownText)) continue;
      if (!fullTextNear(element, pieces) && !disclosureNear(element))
        cuts.push({ text: ownText, how: 'ellipsis' });
    }
    // The table as a whole: a box around it that clips (a card with rounded corners) must not cut off its
    // last columns, as it did the token table's Hide buttons at 1024 px.
    for (let box: InPageElement | null = rootElement; box; box = box.parentElement) {
      const style = getComputedStyle(box);
      const clipsSideways = ['hidden', 'clip'].includes(style.overflowX);
      if (clipsSideways && box.scrollWidth > box.clientWidth + 1) {
        cuts.push({ text: `${squash(rootElement.textContent ?? '').slice(0, 60)}…`, how: 'overflow' });
        break;
      }
    }
    return cuts;
  }, TEXT_NODE);
}

async function openPage(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** The main table or list of each page, once it has rows, as the newcomer walk measured them. */
const TABLES: { page: string; table: (page: Page) => Locator }[] = [
  { page: 'Portfolio', table: (page) => page.getByRole('table', { name: 'Tokens' }) },
  { page: 'History', table: (page) => page.getByRole('list', { name: 'Timeline' }) },
  { page: 'Send', table: (page) => page.getByRole('list', { name: 'Recent transactions' }) },
  { page: 'Approvals', table: (page) => page.getByRole('table', { name: 'Allowances' }) },
  // One list per device and one for watched addresses; the address book has one per kind of name.
  { page: 'Devices', table: (page) => page.locator('.account-list') },
  { page: 'Address book', table: (page) => page.locator('.name-list') },
];

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width}×${viewport.height} no main table cuts text without a way to read it in full`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await page.goto(demo().url);
    const found: string[] = [];
    for (const { page: title, table } of TABLES) {
      await openPage(page, title);
      const roots = table(page);
      // Rows arrive after the page heading; measure once the list has settled on its content.
      const rows = roots.first().locator(':is(tbody tr, li, [role="row"]):not([aria-hidden="true"])');
      await expect(rows.first()).toBeVisible();
      await page.waitForTimeout(300);
      const slug = title.toLowerCase().replace(/\s+/g, '-');
      await rows.first().scrollIntoViewIfNeeded();
      if (viewport.width === 1024)
        await page.screenshot({ path: `${ARTIFACTS}/newcomer-text-fit-${slug}.png` });
      for (const root of await roots.all()) {
        for (const cut of await unreadableCuts(root)) found.push(`${title}: ${cut.how}: “${cut.text}”`);
      }
    }
    expect(found, 'texts cut with no way to read them in full').toEqual([]);
  });
}

test('at 1024×700 a device account’s derivation path is shown whole, not cut to “m/44’…”', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(demo().url);
  await openPage(page, 'Devices');
  const paths = page.locator('.account-list__path code');
  await expect(paths.first()).toBeVisible();
  for (const path of await paths.all()) {
    const text = (await path.textContent()) ?? '';
    expect(text).toMatch(/^m\/44'\/60'\//);
    // Whole: its box is as wide as its text, and the whole text is on the screen.
    const fit = await path.evaluate((node) => {
      const element = node as unknown as InPageElement;
      return element.scrollWidth <= element.clientWidth + 1;
    });
    expect(fit, `the path ${text} is cut`).toBe(true);
    await expect(path).toBeInViewport({ ratio: 1 });
  }
  await page.locator('.account-list').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-text-devices-path.png` });
});

test('Refresh shows its work, then says when balances were read', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(demo().url);
  await openPage(page, 'Portfolio');
  const refresh = page.getByRole('button', { name: 'Refresh' });
  await expect(refresh).toHaveAttribute('aria-busy', 'false');
  await expect(refresh).toHaveAccessibleDescription(/^Updated (just now|\d+ s ago|\d+ min ago)$/);

  // Hold the refresh's answer, so the working state can be seen and photographed however fast the demo is.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.routeWebSocket(/.*/, (socket) => {
    const server = socket.connectToServer();
    socket.onMessage((message) => {
      const refreshing = typeof message === 'string' && message.includes('"portfolio.refresh"');
      if (refreshing) void held.then(() => server.send(message));
      else server.send(message);
    });
  });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
  const button = page.getByRole('button', { name: 'Refresh' });
  await expect(button).toHaveAccessibleDescription(/^Updated /);
  await button.click();
  await expect(button).toHaveAttribute('aria-busy', 'true');
  await expect(button).toHaveAccessibleDescription(/^Refreshing/);
  await expect(button.locator('.spinner')).toBeVisible();
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-text-refreshing.png` });

  release();
  await expect(button).toHaveAttribute('aria-busy', 'false');
  await expect(button).toHaveAccessibleDescription(/^Updated just now/);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-text-refreshed.png` });
});

test('a shortened amount opens to every digit from the keyboard', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(demo().url);
  await openPage(page, 'Portfolio');
  const tokens = page.getByRole('table', { name: 'Tokens' });
  const shortened = tokens.getByRole('button', { name: /… ETH$/ }).first();
  await expect(shortened).toBeVisible();
  const exact = (await shortened.getAttribute('title')) ?? '';
  expect(exact).toMatch(/^\d[\d,]*\.\d{7,} ETH$/);
  // Held by its exact figure: once open, its name no longer ends in "…".
  const figure = tokens.locator(`button[title="${exact}"]`).first();
  await figure.focus();
  await page.keyboard.press('Enter');
  await expect(figure).toHaveAttribute('aria-expanded', 'true');
  await expect(figure).toHaveText(exact);
  await figure.scrollIntoViewIfNeeded();
  // Opened, the figure is wider: the table must still show every column rather than clip its last ones.
  expect(await unreadableCuts(tokens)).toEqual([]);
  await page.screenshot({ path: `${ARTIFACTS}/newcomer-text-amount-open.png` });
  await page.keyboard.press('Enter');
  await expect(figure).toHaveText(/… ETH$/);
});
