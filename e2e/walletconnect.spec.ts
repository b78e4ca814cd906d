import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import QRCode from 'qrcode';
import { verifyMessage } from 'viem';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_HISTORY_ACCOUNT } from '../scripts/demo/demoActivity';
import { type Demo, startDemo } from '../scripts/demo/startDemo';
import { startDapp, type TestDapp } from '../test/walletconnect/dappClient';
import { type RelayDouble, startRelayDouble } from '../test/walletconnect/relayDouble';

const ARTIFACTS = 'e2e/artifacts';
const LEDGER_MAIN = DEMO_HISTORY_ACCOUNT;
const PROJECT_ID = '0123456789abcdef0123456789abcdef';

test.describe.configure({ mode: 'serial' });

let demo: Demo;
let relay: RelayDouble;
let dapp: TestDapp;
let context: BrowserContext;
let app: Page;
let topic: string;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  [demo, relay] = await Promise.all([startDemo({ bridgePort: 0 }), startRelayDouble()]);
  const bridge = await connectBridge(demo.origin, demo.secret);
  // Verify stays off in the host: the dApp here is a Node client with no page for Verify to attest, and the
  // real service is on the internet, which the test never reaches. Every dApp then shows as unverified.
  await bridge.call('settings.set', {
    walletConnectRelayUrl: relay.url,
    walletConnectProjectId: PROJECT_ID,
    walletConnectVerify: false,
  });
  await expect
    .poll(async () => (await bridge.call('walletconnect.view')).status, {
      message: 'the host reaches the relay double',
      timeout: 30_000,
    })
    .toMatchObject({ state: 'online' });
  await bridge.close();
  dapp = await startDapp({ relayUrl: relay.url, projectId: PROJECT_ID });
  context = await browser.newContext();
  app = await context.newPage();
  await app.goto(demo.url);
  await app.getByRole('link', { name: /^Connected sites/ }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Connected sites' })).toBeVisible();
});

test.afterAll(async () => {
  await context?.close();
  await dapp?.close();
  await Promise.all([relay?.close(), demo?.stop()]);
});

const walletConnect = () => app.getByRole('region', { name: 'WalletConnect' });
const sessions = () => app.getByRole('table', { name: 'WalletConnect sessions' });

/** The request sheet for the test dApp, which names it "through WalletConnect". */
function requestSheet(): Locator {
  return app.getByRole('dialog').filter({ hasText: 'through WalletConnect' });
}

async function openConnectDialog(): Promise<Locator> {
  await expect(walletConnect().getByRole('status')).toContainText('Online', { timeout: 30_000 });
  await walletConnect().getByRole('button', { name: 'Connect a dApp' }).click();
  const dialog = app.getByRole('dialog', { name: 'Connect a dApp' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Grants the proposal Ledger main on the required network, as a person does in the sheet. */
async function approveProposal(screenshot?: string): Promise<void> {
  const sheet = requestSheet();
  await expect(sheet).toContainText('asks to connect', { timeout: 20_000 });
  await sheet.getByRole('checkbox', { name: /Ledger main/ }).check();
  if (screenshot) await app.screenshot({ path: `${ARTIFACTS}/${screenshot}` });
  await sheet.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(sheet).toBeHidden();
}

test('pairs by a pasted wc: link and approves the proposal with an account', async () => {
  const { uri, approval } = await dapp.connect({ requiredChains: [1] });
  const dialog = await openConnectDialog();
  await dialog.getByRole('textbox', { name: 'WalletConnect link' }).fill(uri);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
  await approveProposal('wc-proposal.png');
  const session = await approval;
  topic = session.topic;
  // CAIP-10 leaves the address’s case to the wallet.
  expect(session.namespaces.eip155?.accounts.map((account) => account.toLowerCase())).toEqual([
    `eip155:1:${LEDGER_MAIN.toLowerCase()}`,
  ]);

  const row = sessions().getByRole('row', { name: 'Test dApp' });
  await expect(row).toContainText('Ledger main');
  await app.screenshot({ path: `${ARTIFACTS}/wc-sites.png`, fullPage: true });
});

test('a personal_sign from the dApp shows through WalletConnect and is signed on the emulated Ledger', async () => {
  const message = 'Sign in to Test dApp\nNonce: 3b9f';
  const signing = dapp.request<`0x${string}`>(topic, 1, 'personal_sign', [
    `0x${Buffer.from(message).toString('hex')}`,
    LEDGER_MAIN,
  ]);
  const sheet = requestSheet();
  await expect(sheet).toContainText('Nonce: 3b9f', { timeout: 20_000 });
  const sign = sheet.getByRole('button', { name: /^Sign/ });
  await expect(sign).toBeEnabled({ timeout: 20_000 });
  await app.screenshot({ path: `${ARTIFACTS}/wc-sheet-message.png` });
  await sign.click();
  expect(await verifyMessage({ address: LEDGER_MAIN, message, signature: await signing })).toBe(true);
});

test('Disconnect on the page ends the session on the dApp side', async () => {
  const deleted = new Promise<{ topic: string }>((resolve) => dapp.events.once('session_delete', resolve));
  await sessions()
    .getByRole('row', { name: 'Test dApp' })
    .getByRole('button', { name: 'Disconnect' })
    .click();
  await app
    .getByRole('dialog', { name: /^Disconnect/ })
    .getByRole('button', { name: 'Disconnect' })
    .click();
  expect(await deleted).toEqual({ topic });
  await expect(walletConnect()).toContainText('No dApp is connected through WalletConnect.');
});

test('reads a QR code from an image, and says in words that this host cannot read the clipboard', async () => {
  const { uri, approval } = await dapp.connect({ requiredChains: [1] });
  const dialog = await openConnectDialog();
  // The clipboard is read in main, over Electron's clipboard (the page may not read it): the browser host
  // has none, and says so beside the button rather than failing somewhere else.
  await dialog.getByRole('button', { name: 'Read QR code from clipboard' }).click();
  await expect(dialog.getByRole('alert')).toContainText('cannot read the clipboard');
  await expect(dialog.getByRole('alert')).toContainText('Paste the link');
  await app.screenshot({ path: `${ARTIFACTS}/wc-clipboard-refused.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The QR code as an image, the way the screen-region picker hands it to main: decoded there, then paired.
  const png = (await QRCode.toBuffer(uri, { type: 'png', margin: 4, scale: 6 })).toString('base64');
  const bridge = await connectBridge(demo.origin, demo.secret);
  await bridge.call('walletconnect.pairImage', { png }).finally(() => bridge.close());
  await approveProposal();
  topic = (await approval).topic;
  await expect(sessions().getByRole('row', { name: 'Test dApp' })).toBeVisible();
});

test('Settings › WalletConnect shows the relay, the project id and Verify', async () => {
  await app.getByRole('link', { name: 'Settings', exact: true }).click();
  const index = app.getByRole('navigation', { name: 'Settings sections' });
  await index.getByRole('link', { name: 'WalletConnect', exact: true }).click();
  await expect(index.locator('[aria-current="location"]')).toHaveText('WalletConnect');
  const section = app.getByRole('region', { name: 'WalletConnect' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('textbox', { name: /Project id/ })).toHaveValue(PROJECT_ID);
  await section.scrollIntoViewIfNeeded();
  await app.screenshot({ path: `${ARTIFACTS}/wc-settings.png` });
});
