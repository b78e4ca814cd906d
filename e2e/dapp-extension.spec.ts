import { expect, test, type Frame, type Locator, type Page } from '@playwright/test';
import { Interface } from 'ethers/abi';
import { parseUnits } from 'ethers/utils';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import WebSocket from 'ws';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_FRIEND, DEMO_HISTORY_ACCOUNT } from '../scripts/demo/demoActivity';
import { DEMO_TKN, demoPermit2Permit } from '../scripts/demo/demoReview';
import { type Demo, startDemo } from '../scripts/demo/startDemo';
import { type AnvilNode, startAnvil } from '../test/anvil/anvil';
import { anvilBatch, anvilCall, deployMulticall3, fixtureAddress } from '../test/anvil/chainSetup';
import { answer, type ScriptedRpcServer, scriptedRpcServer } from '../test/anvil/scriptedRpcServer';
import { ERC20_ABI } from '../test/contracts/erc20';
import { TOKEN_VAULT_ABI, tokenVaultSetup } from '../test/contracts/tokenVault';
import { type DappServer, startDappServer } from '../test/dapp/dappServer';
import type { Dapp } from '../test/dapp/page';
import { pairExtension } from './fixtures/extension';
import { type ExtensionBrowser, launchWithExtension } from '../test/dapp/extensionBrowser';

const ARTIFACTS = 'e2e/artifacts';
const LEDGER_MAIN = DEMO_HISTORY_ACCOUNT;
const BASE = 8453;
/** The network a site adds: a fourth anvil, on an id no registry knows. */
const DEVNET = 918_273;
const VAULT = fixtureAddress('dapp-e2e', 'vault');
const DEPOSIT = parseUnits('25', DEMO_TKN.decimals);
const erc20 = new Interface(ERC20_ABI);
const vault = new Interface(TOKEN_VAULT_ABI);

type PageGlobals = { dapp: Dapp };
type Target = Page | Frame;

/** Runs one of the test dApp's actions in the page (or frame); its promise settles there, through viem. */
function dapp<K extends keyof Dapp>(
  target: Target,
  action: K,
  ...args: Dapp[K] extends (...a: infer A) => unknown ? A : never
): Promise<Dapp[K] extends (...a: never[]) => infer R ? Awaited<R> : never> {
  return target.evaluate(
    ([name, values]) =>
      ((globalThis as unknown as PageGlobals).dapp[name] as (...a: unknown[]) => unknown)(...values),
    [action, args] as const,
  ) as never;
}

const events = (target: Target) =>
  target.evaluate(() =>
    (globalThis as unknown as PageGlobals).dapp.events.map(({ name, data }) => ({ name, data })),
  );

test.describe.configure({ mode: 'serial' });

let demo: Demo;
let site: DappServer;
let devnet: AnvilNode;
let wrongChainRpc: ScriptedRpcServer;
let browser: ExtensionBrowser;
let app: Page;
let dappPage: Page;
let bridgePort: number;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  [demo, site, devnet, wrongChainRpc] = await Promise.all([
    startDemo({ bridgePort: 0 }),
    startDappServer(),
    startAnvil(DEVNET),
    // An RPC that claims to be the Devnet's but answers another chain's id.
    scriptedRpcServer((body) => answer(body, { eth_chainId: '0x1', net_version: '1' })),
  ]);
  await deployMulticall3(devnet.url);
  const ethereum = chainUrl(1);
  await anvilBatch(ethereum, tokenVaultSetup(VAULT, DEMO_TKN.address));
  await anvilCall(ethereum, 'evm_mine');
  const bridge = await connectBridge(demo.origin, demo.secret);
  bridgePort = (await bridge.call('browsers.status')).bridge.port;
  await bridge.close();

  browser = await launchWithExtension();
  app = await browser.context.newPage();
  await app.goto(demo.url);
  await pairExtension(browser, app, ARTIFACTS);
  dappPage = await browser.context.newPage();
  await dappPage.goto(site.pageUrl());
});

test.afterAll(async () => {
  await browser?.close();
  await Promise.all([site?.close(), devnet?.stop(), wrongChainRpc?.close(), demo?.stop()]);
});

function chainUrl(chainId: number): string {
  const chain = demo.chains.find((candidate) => candidate.chainId === chainId);
  if (!chain) throw new Error(`the demo has no chain ${chainId}`);
  return chain.url;
}

/** The wallet's sheet for a site's request, which always names the site's origin. */
function requestSheet(origin: string): Locator {
  const host = new URL(origin).host.replace(/[.]/g, '\\.');
  return app.getByRole('dialog').filter({ hasText: new RegExp(`${host}(?!\\d)`) });
}

/** Approves a connect request in the wallet's window, exposing Ledger main. */
async function approveConnect(origin: string, screenshot?: string): Promise<void> {
  const sheet = requestSheet(origin);
  await expect(sheet).toBeVisible({ timeout: 15_000 });
  await sheet.getByRole('checkbox', { name: /Ledger main/ }).check();
  if (screenshot) await app.screenshot({ path: `${ARTIFACTS}/${screenshot}` });
  await sheet.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(sheet).toBeHidden();
}

/** Signs a signing request from the sheet; the emulated Ledger confirms after its delay. */
async function signFromSheet(origin: string, screenshot: string): Promise<void> {
  const sheet = requestSheet(origin);
  const sign = sheet.getByRole('button', { name: /^Sign/ });
  await expect(sign).toBeEnabled({ timeout: 20_000 });
  await app.screenshot({ path: `${ARTIFACTS}/${screenshot}` });
  await sign.click();
}

test('the page finds the wallet through EIP-6963 and connects after approval in the wallet window', async () => {
  expect(await dapp(dappPage, 'discover')).toEqual({
    ok: true,
    value: { name: 'Ledgerline', rdns: 'app.ledgerline' },
  });
  expect(await dapp(dappPage, 'accounts')).toEqual({ ok: true, value: [] });
  const connecting = dapp(dappPage, 'connect');
  await approveConnect(site.origin, 'dapp-sheet-connect.png');
  expect(await connecting).toEqual({ ok: true, value: [LEDGER_MAIN] });
  await expect
    .poll(() => events(dappPage))
    .toContainEqual({
      name: 'accountsChanged',
      data: [LEDGER_MAIN.toLowerCase()],
    });
  expect(await dapp(dappPage, 'chainId')).toEqual({ ok: true, value: 1 });

  await app.getByRole('link', { name: /^Connected sites/ }).click();
  const row = app.getByRole('table', { name: 'Connected sites' }).getByRole('row', { name: site.origin });
  await expect(row).toContainText('Ledger main');
  await app.screenshot({ path: `${ARTIFACTS}/dapp-sites.png` });
});

test('switches to an enabled chain at once, adds a chain whose RPC proves its id, and refuses one that does not', async () => {
  expect(await dapp(dappPage, 'switchChain', BASE)).toMatchObject({ ok: true });
  expect(await dapp(dappPage, 'chainId')).toEqual({ ok: true, value: BASE });
  await expect.poll(() => events(dappPage)).toContainEqual({ name: 'chainChanged', data: '0x2105' });

  const adding = dapp(dappPage, 'addChain', {
    id: DEVNET,
    name: 'Devnet',
    rpcUrl: devnet.url,
    symbol: 'DEV',
  });
  const sheet = requestSheet(site.origin);
  await expect(sheet).toContainText(String(DEVNET), { timeout: 15_000 });
  await app.screenshot({ path: `${ARTIFACTS}/dapp-sheet-add-chain.png` });
  await sheet.getByRole('button', { name: 'Add network' }).click();
  expect(await adding).toMatchObject({ ok: true });
  expect(await dapp(dappPage, 'chainId')).toEqual({ ok: true, value: DEVNET });

  const lying = await dapp(dappPage, 'addChain', {
    id: DEVNET + 1,
    name: 'Not Devnet',
    rpcUrl: wrongChainRpc.url,
    symbol: 'DEV',
  });
  expect(lying).toMatchObject({ ok: false, code: -32602 });
  expect(await dapp(dappPage, 'switchChain', 1)).toMatchObject({ ok: true });
});

test('a transaction signed on the emulated Ledger is mined on anvil', async () => {
  const sending = dapp(dappPage, 'sendTransaction', {
    to: DEMO_FRIEND,
    value: parseUnits('0.001', 18).toString(),
  });
  await signFromSheet(site.origin, 'dapp-sheet-transaction.png');
  await expect(app.getByRole('dialog', { name: 'Confirm on your Ledger' })).toBeVisible();
  const sent = await sending;
  expect(sent).toMatchObject({ ok: true, value: { status: 'success' } });
  if (!sent.ok) return;
  const receipt = (await anvilCall(chainUrl(1), 'eth_getTransactionReceipt', [sent.value.hash])) as {
    from: string;
    to: string;
    status: string;
  };
  expect(receipt).toMatchObject({
    from: LEDGER_MAIN.toLowerCase(),
    to: DEMO_FRIEND.toLowerCase(),
    status: '0x1',
  });
});

test('personal_sign and a Permit2 permit come back with signatures viem verifies', async () => {
  const message = 'Sign in to the test dApp\nNonce: 8f1c2e';
  const signingMessage = dapp(dappPage, 'signMessage', message);
  await expect(requestSheet(site.origin)).toContainText('Nonce: 8f1c2e', { timeout: 15_000 });
  await signFromSheet(site.origin, 'dapp-sheet-message.png');
  expect(await signingMessage).toMatchObject({ ok: true, value: { address: LEDGER_MAIN, valid: true } });

  const permit = demoPermit2Permit(Math.floor(Date.now() / 1000));
  const signingPermit = dapp(dappPage, 'signTypedData', permit as never);
  const sheet = requestSheet(site.origin);
  await expect(sheet).toContainText('Permit2', { timeout: 15_000 });
  // An unlimited permit asks for the same consents as the wallet's own typed-data dialog.
  for (const consent of await sheet.getByRole('checkbox').all()) await consent.check();
  await signFromSheet(site.origin, 'dapp-sheet-typed-data.png');
  expect(await signingPermit).toMatchObject({ ok: true, value: { address: LEDGER_MAIN, valid: true } });
});

test('wallet_sendCalls runs [approve, deposit] one by one, and getCallsStatus returns both receipts', async () => {
  expect(await dapp(dappPage, 'capabilities')).toMatchObject({
    ok: true,
    value: { 1: { atomic: { status: 'unsupported' } } },
  });
  const sending = dapp(dappPage, 'sendCalls', [
    { to: DEMO_TKN.address, data: erc20.encodeFunctionData('approve', [VAULT, DEPOSIT]) as `0x${string}` },
    { to: VAULT, data: vault.encodeFunctionData('deposit', [DEPOSIT]) as `0x${string}` },
  ]);
  await signFromSheet(site.origin, 'dapp-sheet-calls.png');
  const sent = await sending;
  expect(sent).toMatchObject({ ok: true });
  if (!sent.ok) return;
  await expect
    .poll(async () => dapp(dappPage, 'callsStatus', sent.value), { timeout: 40_000, intervals: [1_000] })
    .toMatchObject({
      ok: true,
      value: { status: 'success', atomic: false, receipts: [{ status: 'success' }, { status: 'success' }] },
    });
  const deposited = await anvilCall(chainUrl(1), 'eth_call', [
    { to: VAULT, data: vault.encodeFunctionData('deposits', [LEDGER_MAIN]) },
    'latest',
  ]);
  expect(BigInt(deposited as string)).toBe(DEPOSIT);
});

test('a rejection in the wallet reaches the page as 4001', async () => {
  const signing = dapp(dappPage, 'signMessage', 'Please reject me');
  const sheet = requestSheet(site.origin);
  await expect(sheet).toContainText('Please reject me', { timeout: 15_000 });
  await sheet.getByRole('button', { name: 'Reject' }).click();
  expect(await signing).toMatchObject({ ok: false, code: 4001 });
});

test('a cross-origin iframe gets nothing until its own origin connects, and a forged origin gets nothing', async () => {
  await dappPage.goto(site.pageUrl({ frame: true }));
  const frame = await frameOf(dappPage, site.frameOrigin);
  expect(await dapp(dappPage, 'accounts')).toEqual({ ok: true, value: [LEDGER_MAIN] });
  expect(await dapp(frame, 'accounts')).toEqual({ ok: true, value: [] });
  expect(
    await dapp(frame, 'request', 'eth_sendTransaction', [{ from: LEDGER_MAIN, to: DEMO_FRIEND }]),
  ).toMatchObject({
    ok: false,
    code: 4100,
  });

  // The frame claims its parent's origin in every way a page can: none of it reaches the wallet as the parent.
  await frame.evaluate(
    ({ parent }) => {
      const forged = [
        {
          source: 'ledgerline-page',
          tag: '0'.repeat(32),
          type: 'request',
          id: 1,
          method: 'eth_accounts',
          origin: parent,
        },
        {
          source: 'ledgerline-page',
          tag: 'f'.repeat(32),
          type: 'request',
          id: 2,
          method: 'eth_requestAccounts',
          origin: parent,
          sender: { origin: parent, url: `${parent}/` },
        },
        { type: 'request', id: 3, method: 'eth_requestAccounts', origin: parent },
        { t: 'request', id: '4', origin: parent, method: 'eth_accounts' },
      ];
      type Poster = { postMessage(message: unknown, targetOrigin: string): void };
      const self = globalThis as unknown as Poster & { parent: Poster };
      for (const message of forged) {
        self.postMessage(message, '*');
        self.parent.postMessage(message, '*');
      }
    },
    { parent: site.origin },
  );
  // Its own provider still speaks for the frame's origin only.
  expect(await dapp(frame, 'accounts')).toEqual({ ok: true, value: [] });
  expect(await dapp(dappPage, 'switchChain', BASE)).toMatchObject({ ok: true });
  await expect.poll(() => events(dappPage)).toContainEqual({ name: 'chainChanged', data: '0x2105' });
  expect(await events(frame)).toEqual([]);
  const bridge = await connectBridge(demo.origin, demo.secret);
  try {
    // Whatever the extension made of them, nothing is asked in the parent's name; a request the frame's own
    // script got through would be the frame's, and is declined here before the frame connects properly.
    await dappPage.waitForTimeout(500);
    const asked = await bridge.call('dapps.requests');
    expect(asked.filter((request) => request.origin !== site.frameOrigin)).toEqual([]);
    for (const request of asked) await bridge.call('dapps.reject', { id: request.id });
  } finally {
    await bridge.close();
  }

  const connecting = dapp(frame, 'connect');
  await approveConnect(site.frameOrigin, 'dapp-sheet-connect-iframe.png');
  expect(await connecting).toEqual({ ok: true, value: [LEDGER_MAIN] });
  expect(await dapp(frame, 'accounts')).toEqual({ ok: true, value: [LEDGER_MAIN] });
  expect(await dapp(dappPage, 'switchChain', 1)).toMatchObject({ ok: true });
});

test('a revoke reaches the page as accountsChanged [] at once, and the site then gets 4100', async () => {
  await app.getByRole('link', { name: /^Connected sites/ }).click();
  const row = app.getByRole('table', { name: 'Connected sites' }).getByRole('row', { name: site.origin });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await app
    .getByRole('dialog')
    .getByRole('button', { name: /^Revoke/ })
    .click();
  await expect(row).toHaveCount(0);
  await expect
    .poll(() => events(dappPage), { timeout: 5_000 })
    .toContainEqual({ name: 'accountsChanged', data: [] });
  expect(await dapp(dappPage, 'accounts')).toEqual({ ok: true, value: [] });
  expect(await dapp(dappPage, 'request', 'personal_sign', ['0x68656c6c6f', LEDGER_MAIN])).toMatchObject({
    ok: false,
    code: 4100,
  });
  await app.screenshot({ path: `${ARTIFACTS}/dapp-sites-revoked.png` });
});

test('a dApp that looks only at window.ethereum finds the wallet once the user turns it on for that site', async () => {
  const legacy = await browser.context.newPage();
  await legacy.goto(`${site.frameOrigin}/`);
  const hasEthereum = (page: Page) => page.evaluate(() => 'ethereum' in globalThis);
  expect(await hasEthereum(legacy)).toBe(false);

  // The toolbar button, pressed on that tab, opens the extension's page for the tab's origin; Playwright
  // cannot press the toolbar, so the test opens the page the worker would.
  const settings = await browser.context.newPage();
  const here = encodeURIComponent(site.frameOrigin);
  await settings.goto(`chrome-extension://${browser.extensionId}/pair.html#site=${here}`);
  await settings
    .getByRole('checkbox', { name: `Also appear as window.ethereum on ${site.frameOrigin}` })
    .check();
  await expect(settings.getByRole('list', { name: 'Sites with window.ethereum' })).toContainText(
    site.frameOrigin,
  );
  await settings.screenshot({ path: `${ARTIFACTS}/extension-window-ethereum.png` });

  const ethereumChainId = (page: Page) =>
    page.evaluate(async () => {
      const ethereum = (globalThis as { ethereum?: { request(args: { method: string }): Promise<unknown> } })
        .ethereum;
      return ethereum ? await ethereum.request({ method: 'eth_chainId' }) : null;
    });
  await expect
    .poll(async () => (await legacy.reload(), ethereumChainId(legacy)), { timeout: 10_000 })
    .toMatch(/^0x[0-9a-f]+$/);
  // Only there: the other site, which did not ask, has no window.ethereum.
  const other = await browser.context.newPage();
  await other.goto(site.pageUrl());
  expect(await hasEthereum(other)).toBe(false);

  await settings.getByRole('button', { name: `Turn off window.ethereum on ${site.frameOrigin}` }).click();
  await expect
    .poll(async () => (await legacy.reload(), hasEthereum(legacy)), { timeout: 10_000 })
    .toBe(false);
  await Promise.all([legacy.close(), settings.close(), other.close()]);
});

test('an unpaired local client and a web page get nothing from the bridge socket', async () => {
  // A local process forging an extension's Origin, with garbage and with a handshake that looks right.
  for (const frames of [
    [randomBytes(1), randomBytes(113), Buffer.from('{"t":"request","id":"1","method":"eth_accounts"}')],
    [Buffer.concat([Buffer.from([1]), randomBytes(16), randomBytes(96)])],
    [Buffer.concat([Buffer.from([2]), randomBytes(16), randomBytes(96)])],
  ]) {
    const socket = new WebSocket(`ws://127.0.0.1:${bridgePort}`, 'ledgerline-bridge.1', {
      origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
    });
    const received: unknown[] = [];
    socket.on('message', (data) => received.push(data));
    const closed = once(socket, 'close');
    await once(socket, 'open');
    for (const frame of frames) socket.send(frame);
    await closed;
    expect(received).toEqual([]);
  }

  // A web page's Origin is refused at the upgrade.
  const fromPage = new WebSocket(`ws://127.0.0.1:${bridgePort}`, 'ledgerline-bridge.1', {
    origin: site.origin,
  });
  const [, response] = (await once(fromPage, 'unexpected-response')) as [unknown, { statusCode: number }];
  expect(response.statusCode).toBeGreaterThanOrEqual(400);
  fromPage.on('error', () => undefined);

  // And from inside Chromium, the page's own WebSocket gets no message and is closed.
  const seen = await dappPage.evaluate(
    (port) =>
      new Promise<{ messages: number; closed: boolean }>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}`, 'ledgerline-bridge.1');
        let messages = 0;
        socket.onmessage = () => messages++;
        socket.onopen = () => socket.send(new Uint8Array(113));
        socket.onclose = () => resolve({ messages, closed: true });
        setTimeout(() => resolve({ messages, closed: false }), 8_000);
      }),
    bridgePort,
  );
  expect(seen).toEqual({ messages: 0, closed: true });
});

async function frameOf(page: Page, origin: string): Promise<Frame> {
  await expect.poll(() => page.frames().some((frame) => frame.url().startsWith(origin))).toBe(true);
  const frame = page.frames().find((candidate) => candidate.url().startsWith(origin)) as Frame;
  await frame.waitForFunction(() => 'dapp' in globalThis);
  return frame;
}
