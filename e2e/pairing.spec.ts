import { devices, expect, test, type Page } from '@playwright/test';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_FRIEND } from '../scripts/demo/demoActivity';
import { anvilCall } from '../test/anvil/chainSetup';
import { useDemo } from './fixtures/demo';
import { freePort } from '../test/net/freePort';

const ARTIFACTS = 'e2e/artifacts';
const PHONE = 'Alice’s phone';
const PIN = '482915';
const ETHEREUM = 1;

const demo = useDemo();

/**
 * Stands in for the phone's camera: the invite URL the desktop's QR code encodes, read through the same
 * contract the page uses (decoding the SVG's modules would test `qrcode`, not the wallet).
 */
async function scannedInvite(): Promise<string> {
  const bridge = await connectBridge(demo().origin, demo().secret);
  try {
    const { attempt } = await bridge.call('pairing.status');
    if (attempt?.state !== 'waiting') throw new Error('the desktop shows no QR code');
    return attempt.url;
  } finally {
    await bridge.close();
  }
}

/** First run on the phone: name, the recovery phrase and its check, then the PIN. */
async function setUpPhoneKey(phone: Page): Promise<void> {
  await phone.getByLabel('Name of this phone').fill(PHONE);
  await phone.getByRole('button', { name: 'Create key' }).click();
  const words = await phone.getByRole('list', { name: 'Recovery phrase' }).locator('.word').allTextContents();
  expect(words).toHaveLength(12);
  await phone.screenshot({ path: `${ARTIFACTS}/companion-recovery-phrase.png` });
  await phone.getByRole('button', { name: 'I wrote them down' }).click();
  for (const label of await phone.locator('label').allTextContents()) {
    const position = Number(/^Word (\d+)$/.exec(label)?.[1]);
    await phone.getByLabel(label, { exact: true }).fill(words[position - 1] ?? '');
  }
  await phone.getByRole('button', { name: 'Check words' }).click();
  await phone.getByLabel('PIN', { exact: true }).fill(PIN);
  await phone.getByLabel('PIN again').fill(PIN);
  await phone.getByRole('button', { name: 'Set PIN and finish' }).click();
}

test('pairs a phone in the companion, sends a transfer it approves, and history names the phone', async ({
  page: desktop,
  browser,
}) => {
  test.setTimeout(120_000);
  const phoneContext = await browser.newContext({ ...devices['Pixel 7'] });
  const phone = await phoneContext.newPage();
  try {
    await desktop.goto(demo().url);
    await desktop.getByRole('link', { name: 'Pairing', exact: true }).click();
    await expect(desktop.getByRole('heading', { level: 1, name: 'Pairing' })).toBeVisible();

    // The phone and this test share one machine, so the relay listens on loopback.
    await desktop.getByLabel('Interface', { exact: true }).selectOption('127.0.0.1');
    await desktop.getByLabel('Port', { exact: true }).fill(String(await freePort()));
    await desktop.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(desktop.getByText('Saved. The relay listens there now.')).toBeVisible({ timeout: 15_000 });

    await desktop.getByRole('button', { name: 'Show QR code' }).click();
    await expect(desktop.getByText(/^Expires in \d+:\d\d$/)).toBeVisible();
    await desktop.screenshot({ path: `${ARTIFACTS}/pairing-qr.png` });

    // 1. Pair, comparing the six digits on both screens.
    await phone.goto(await scannedInvite());
    await setUpPhoneKey(phone);
    await expect(phone.getByRole('heading', { name: 'Compare the codes' })).toBeVisible({ timeout: 20_000 });
    const phoneCode = (await phone.getByLabel(/^Pairing code/).textContent())?.replace(/\s/g, '');
    expect(phoneCode).toMatch(/^\d{6}$/);
    await expect(desktop.getByText(`${PHONE} wants to pair.`, { exact: false })).toBeVisible();
    const desktopCode = (await desktop.locator('.pairing-compare__code').textContent())?.replace(/\s/g, '');
    expect(desktopCode).toBe(phoneCode);
    await phone.screenshot({ path: `${ARTIFACTS}/companion-compare.png` });
    await desktop.screenshot({ path: `${ARTIFACTS}/pairing-compare.png` });
    await phone.getByRole('button', { name: 'Codes match' }).click();
    await expect(desktop.getByText('Confirmed on the phone')).toBeVisible();
    await desktop.getByRole('button', { name: 'Codes match' }).click();
    await expect(phone.getByRole('heading', { name: /^Paired with Ledgerline on / })).toBeVisible();
    await expect(desktop.getByText(`${PHONE} is paired.`, { exact: false })).toBeVisible();
    await expect(desktop.getByRole('listitem', { name: PHONE })).toBeVisible();
    await desktop.screenshot({ path: `${ARTIFACTS}/pairing-paired.png` });
    await phone.getByRole('button', { name: 'Done' }).click();
    await expect(phone.getByText('Online')).toBeVisible({ timeout: 15_000 });
    const phoneAddress = (await phone.locator('.address-short').getAttribute('title')) ?? '';
    expect(phoneAddress).toMatch(/^0x[0-9a-fA-F]{40}$/);
    await phone.screenshot({ path: `${ARTIFACTS}/companion-home.png` });

    // The phone's account is a watch-only mirror on the desktop; give it coins to send on the demo chain.
    const ethereum = demo().chains.find((chain) => chain.chainId === ETHEREUM)?.url as string;
    await anvilCall(ethereum, 'anvil_setBalance', [phoneAddress, '0xde0b6b3a7640000']);

    // The recipient is in the address book: sync carries the name to the phone, which shows it.
    const bridge = await connectBridge(demo().origin, demo().secret);
    await bridge.call('contacts.set', {
      address: DEMO_FRIEND,
      chainId: null,
      name: 'Bob (landlord)',
      note: '',
    });
    await bridge.close();

    // 2. Sign a transfer from the desktop.
    await desktop.getByRole('link', { name: 'Send', exact: true }).click();
    const form = desktop.getByRole('form', { name: 'New transaction' });
    await form.getByLabel('From', { exact: true }).selectOption({ label: PHONE });
    await form.getByLabel('To', { exact: true }).fill(DEMO_FRIEND);
    await form.getByLabel('Amount', { exact: true }).fill('0.05');
    await form.getByRole('button', { name: 'Review' }).click();
    const review = desktop.getByRole('region', { name: 'Review' });
    await expect(review).toContainText(PHONE);
    await expect(review).toContainText('0.05 ETH');
    await review.getByRole('button', { name: 'Sign and send' }).click();
    await expect(desktop.getByRole('dialog', { name: `Approve on ${PHONE}` })).toBeVisible({
      timeout: 15_000,
    });

    // 3. Approve it on the companion, after checking what it decoded.
    await expect(phone.getByRole('heading', { name: 'Signing request' })).toBeVisible({ timeout: 15_000 });
    const request = phone.getByRole('article');
    await expect(request).toContainText('0.05 ETH');
    await expect(request).toContainText(DEMO_FRIEND.slice(0, 6));
    await expect(request).toContainText(/Bob \(landlord\)\s*address book/);
    await phone.screenshot({ path: `${ARTIFACTS}/companion-request.png` });
    await desktop.screenshot({ path: `${ARTIFACTS}/send-phone-approve.png` });
    await phone.getByRole('button', { name: 'Approve' }).click();
    await expect(phone.getByText('Online')).toBeVisible({ timeout: 15_000 });

    const recent = desktop.getByRole('list', { name: 'Recent transactions' });
    await expect(recent.getByRole('listitem', { name: /^Send on Ethereum, nonce 0$/ })).toContainText(
      'Included',
      { timeout: 20_000 },
    );

    // 4. History shows it confirmed, signed on the phone.
    await desktop.getByRole('link', { name: 'History', exact: true }).click();
    await expect(desktop.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    const sent = desktop
      .getByRole('list', { name: 'Timeline' })
      .getByRole('button', { name: /Sent 0\.05 ETH to/ });
    await expect(sent).toContainText(new RegExp(`Signed on ${PHONE} \\([0-9a-f]{16}\\)`), {
      timeout: 30_000,
    });
    // Twelve blocks on top make it final: the next sync drops the "Confirming" badge.
    await anvilCall(ethereum, 'anvil_mine', ['0xc']);
    await desktop.getByRole('button', { name: 'Sync now' }).click();
    await expect(sent).not.toContainText('Confirming', { timeout: 20_000 });
    await sent.click();
    const details = desktop.getByRole('dialog', { name: 'Transaction details' });
    await expect(details).toContainText('Succeeded');
    await expect(details).toContainText(`Signed on ${PHONE}`);

    // 5. Both screens, as the user sees them at the end.
    await desktop.screenshot({ path: `${ARTIFACTS}/history-phone-signed.png` });
    await phone.screenshot({ path: `${ARTIFACTS}/companion-after-approve.png` });
  } finally {
    await phoneContext.close();
  }
});
