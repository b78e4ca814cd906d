import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { DEMO_FRIEND } from '../scripts/demo/demoActivity';
import { ROUTES } from '../src/renderer/routing/routes';
import { useDemo } from './fixtures/demo';
import { reviewSend } from './fixtures/sendForm';

const ARTIFACTS = 'e2e/artifacts';
/** WCAG 2.1 A and AA: what the Done-when asks of every screen. */
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** Violations at these impacts fail the check; minor and moderate ones are printed but left to judgement. */
const BLOCKING = new Set(['serious', 'critical']);
const THEMES = ['Light', 'Dark'] as const;
type Theme = (typeof THEMES)[number];

const demo = useDemo();

/** The page global this spec sets; the e2e tsconfig has no DOM types. */
interface PageGlobals {
  location: { hash: string };
}

/** One line per failing element, so a failure names the rule, where it fired and what to change. */
async function audit(page: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const lines: string[] = [];
  for (const violation of results.violations) {
    const blocking = BLOCKING.has(violation.impact ?? '');
    for (const node of violation.nodes) {
      const line = `${where}: [${violation.impact ?? 'unknown'}] ${violation.id} at ${node.target.join(' ')}: ${
        node.failureSummary?.replace(/\s+/g, ' ') ?? violation.help
      }`;
      if (blocking) lines.push(line);
      else console.log(`(not blocking) ${line}`);
    }
  }
  return lines;
}

/** Sets the theme the way a user does, in Settings, and waits until the page wears it. */
async function chooseTheme(page: Page, theme: Theme) {
  await page.goto(demo().url);
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  await page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: theme }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
}

/** Waits for the page's reads to finish, so axe sees the loaded screen and not a placeholder. */
async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}

for (const theme of THEMES) {
  const slug = theme.toLowerCase();

  test(`every route and the not-found page pass axe in ${slug} theme`, async ({ page }) => {
    // axe walks the whole DOM once per screen; on a loaded machine that takes several seconds each.
    test.setTimeout(300_000);
    await chooseTheme(page, theme);
    const findings: string[] = [];
    for (const route of ROUTES) {
      await page.getByRole('link', { name: route.title, exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: route.title })).toBeVisible();
      await settle(page);
      findings.push(...(await audit(page, `${route.id} (${slug})`)));
    }
    // A link the app does not know; the secret in the demo's URL is spent, so navigate within the page.
    await page.evaluate(() => {
      (globalThis as unknown as PageGlobals).location.hash = '#/no-such-screen';
    });
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await settle(page);
    findings.push(...(await audit(page, `not-found (${slug})`)));
    await page.screenshot({ path: `${ARTIFACTS}/a11y-not-found-${slug}.png` });

    await page.getByRole('link', { name: 'Go to Portfolio' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Portfolio' })).toBeVisible();
    await settle(page);
    await page.screenshot({ path: `${ARTIFACTS}/a11y-portfolio-${slug}.png` });
    expect(findings, findings.join('\n')).toEqual([]);
  });

  test(`the Send review, a dialog and the History drawer pass axe in ${slug} theme`, async ({ page }) => {
    test.setTimeout(300_000);
    await chooseTheme(page, theme);
    const findings: string[] = [];

    await page.getByRole('link', { name: 'Send', exact: true }).click();
    await reviewSend(page, { from: 'Ledger main', to: DEMO_FRIEND, amount: '0.01' });
    await settle(page);
    findings.push(...(await audit(page, `send review (${slug})`)));
    await page.screenshot({ path: `${ARTIFACTS}/a11y-send-review-${slug}.png` });

    await page.getByRole('link', { name: 'Devices', exact: true }).click();
    await page.getByRole('main').getByRole('button', { name: 'Add watch-only address' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add watch-only address' });
    await expect(dialog).toBeVisible();
    await settle(page);
    findings.push(...(await audit(page, `add watch dialog (${slug})`)));
    await page.screenshot({ path: `${ARTIFACTS}/a11y-add-watch-${slug}.png` });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('link', { name: 'History', exact: true }).click();
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await timeline.getByRole('button', { name: /Bridged 250 USDC/ }).click();
    const drawer = page.getByRole('dialog', { name: 'Transaction details' });
    await expect(drawer).toBeVisible();
    await settle(page);
    findings.push(...(await audit(page, `history drawer (${slug})`)));
    await page.screenshot({ path: `${ARTIFACTS}/a11y-history-drawer-${slug}.png` });

    expect(findings, findings.join('\n')).toEqual([]);
  });
}
