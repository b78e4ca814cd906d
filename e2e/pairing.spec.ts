import { expect, test } from '@playwright/test';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_FRIEND } from '../scripts/demo/demoActivity';
import { anvilCall } from '../test/anvil/chainSetup';
import { useDemo } from './fixtures/demo';
import { openPhone, pairPhone, PHONE } from './fixtures/phone';

const ARTIFACTS = 'e2e/artifacts';
const ETHEREUM = 1;

const demo = useDemo();

test('pairs a phone in the companion, sends a transfer it approves, and history names the phone', async ({
  page: desktop,
  browser,
}) => {
  test.setTimeout(120_000);
  const { phone, context: phoneContext } = await openPhone(browser);
  try {
    await desktop.goto(demo().url);
    // 1. Pair, comparing the six digits on both screens.
    const { address: phoneAddress } = await pairPhone(demo(), desktop, phone, { screenshots: ARTIFACTS });

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

    // 6. Done for now: locking closes the session and asks for the PIN before anything else.
    await phone.getByRole('button', { name: 'Lock' }).click();
    await expect(phone.getByRole('heading', { level: 1, name: 'Unlock' })).toBeVisible();
  } finally {
    await phoneContext.close();
  }
});
