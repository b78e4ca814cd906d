import { expect, test } from '@playwright/test';
import { type Address, decodeFunctionResult, encodeFunctionData, type Hex, parseAbi } from 'viem';
import { connectBridge } from '../scripts/demo/bridgeClient';
import { DEMO_FRIEND } from '../scripts/demo/demoActivity';
import type { SafeTxFields } from '../src/shared/safes';
import { anvilCall } from '../test/anvil/chainSetup';
import { useDemo } from './fixtures/demo';
import { openPhone, pairPhone, PHONE } from './fixtures/phone';

const ARTIFACTS = 'e2e/artifacts';
const ETHEREUM = 1;
const LEDGER = 'Ledger main';
const SAFE_NAME = 'Family vault';
const ONE_ETHER = 10n ** 18n;
const SENT = 5n * 10n ** 16n;

const SAFE_ABI = parseAbi([
  'function nonce() view returns (uint256)',
  'function getTransactionHash(address to, uint256 value, bytes data, uint8 operation, uint256 safeTxGas, uint256 baseGas, uint256 gasPrice, address gasToken, address refundReceiver, uint256 _nonce) view returns (bytes32)',
]);

const demo = useDemo();

/** What the wallet keeps about its Safes, read through the same contract the page uses. */
async function safesView() {
  const bridge = await connectBridge(demo().origin, demo().secret);
  try {
    return await bridge.call('safes.view');
  } finally {
    await bridge.close();
  }
}

/** Reads of the Safe contract itself, on the demo's Ethereum node, past the wallet's own RPC client. */
async function ethCall(url: string, to: Address, data: Hex): Promise<Hex> {
  return (await anvilCall(url, 'eth_call', [{ to, data }, 'latest'])) as Hex;
}

async function safeNonce(url: string, safe: Address): Promise<bigint> {
  const data = await ethCall(url, safe, encodeFunctionData({ abi: SAFE_ABI, functionName: 'nonce' }));
  return decodeFunctionResult({ abi: SAFE_ABI, functionName: 'nonce', data });
}

/** The Safe's own getTransactionHash of `tx`: what its execTransaction checks the signatures against. */
async function onChainSafeTxHash(url: string, safe: Address, tx: SafeTxFields): Promise<Hex> {
  const args = [
    tx.to as Address,
    BigInt(tx.value),
    tx.data as Hex,
    tx.operation,
    BigInt(tx.safeTxGas),
    BigInt(tx.baseGas),
    BigInt(tx.gasPrice),
    tx.gasToken as Address,
    tx.refundReceiver as Address,
    BigInt(tx.nonce),
  ] as const;
  const data = await ethCall(
    url,
    safe,
    encodeFunctionData({ abi: SAFE_ABI, functionName: 'getTransactionHash', args }),
  );
  return decodeFunctionResult({ abi: SAFE_ABI, functionName: 'getTransactionHash', data });
}

async function balanceOf(url: string, address: string): Promise<bigint> {
  return BigInt((await anvilCall(url, 'eth_getBalance', [address, 'latest'])) as string);
}

test('a 2-of-2 Safe of the Ledger and the phone: created, co-signed on both, executed, and in history', async ({
  page: desktop,
  browser,
}) => {
  test.setTimeout(90_000);
  const ethereum = demo().chains.find((chain) => chain.chainId === ETHEREUM)?.url as string;
  const { phone, context: phoneContext } = await openPhone(browser);
  // Neither page may reach past this machine: no Safe service, no CDN, nothing but the app and the relay.
  const requested: string[] = [];
  for (const context of [desktop.context(), phoneContext]) {
    context.on('request', (request) => requested.push(request.url()));
  }
  try {
    await desktop.goto(demo().url);
    await pairPhone(demo(), desktop, phone);

    // 1. Create the Safe: the Ledger account and the phone, both required; the Ledger pays.
    await desktop.getByRole('link', { name: 'Safes', exact: true }).click();
    await expect(desktop.getByRole('heading', { level: 1, name: 'Safes' })).toBeVisible();
    await desktop.getByRole('button', { name: 'Create a Safe' }).click();
    const create = desktop.getByRole('dialog', { name: 'Create a Safe' });
    await create.getByLabel('Name', { exact: true }).fill(SAFE_NAME);
    await create.getByLabel('Network', { exact: true }).selectOption({ label: 'Ethereum' });
    await create.getByRole('checkbox', { name: LEDGER }).check();
    await create.getByRole('checkbox', { name: PHONE }).check();
    await create.getByLabel('Signatures required', { exact: true }).fill('2');
    await create.getByLabel('Pays the gas', { exact: true }).selectOption({ label: LEDGER });
    await create.getByRole('button', { name: 'Review' }).click();
    await expect(create.getByRole('button', { name: 'Create Safe' })).toBeEnabled({ timeout: 15_000 });
    await expect(create).toContainText(/0x[0-9a-fA-F]{40}/);
    await desktop.screenshot({ path: `${ARTIFACTS}/safe-create.png` });
    await create.getByRole('button', { name: 'Create Safe' }).click();

    const vault = desktop.getByRole('region', { name: SAFE_NAME });
    await expect(vault).toContainText('2 of 2 signatures', { timeout: 30_000 });
    await expect(vault).toContainText('Next nonce 0');
    const created = (await safesView()).safes.find((safe) => safe.name === SAFE_NAME);
    expect(created?.status).toBe('ready');
    const safe = created?.address as Address;
    await expect(vault).toContainText(safe);
    expect(await safeNonce(ethereum, safe)).toBe(0n);

    // 2. Fund it, then propose 0.05 ETH to the friend; the review shows the hash the owners will sign.
    await anvilCall(ethereum, 'anvil_setBalance', [safe, `0x${ONE_ETHER.toString(16)}`]);
    const friendBefore = await balanceOf(ethereum, DEMO_FRIEND);
    await vault.getByRole('button', { name: 'Refresh' }).click();
    await expect(vault.getByText('1 ETH', { exact: true })).toBeVisible({ timeout: 15_000 });
    await vault.getByRole('button', { name: 'New transaction' }).click();
    const form = desktop.getByRole('form', { name: 'New Safe transaction' });
    await form.getByLabel('Action', { exact: true }).selectOption({ label: 'Send' });
    await form.getByLabel('To', { exact: true }).fill(DEMO_FRIEND);
    await form.getByLabel('Amount', { exact: true }).fill('0.05');
    await form.getByRole('button', { name: 'Review' }).click();
    const review = desktop.getByRole('region', { name: 'Safe transaction review' });
    await expect(review).toContainText('0.05 ETH', { timeout: 15_000 });
    const shownHash = (await review.getByText(/^0x[0-9a-f]{64}$/).textContent())?.trim() ?? '';
    expect(shownHash).toMatch(/^0x[0-9a-f]{64}$/);
    await review.scrollIntoViewIfNeeded();
    await desktop.screenshot({ path: `${ARTIFACTS}/safe-review.png` });
    await review.getByRole('button', { name: 'Propose' }).click();

    const pending = desktop
      .getByRole('list', { name: 'Safe transactions' })
      .getByRole('listitem', { name: /^Send 0\.05 ETH to / });
    await expect(pending).toContainText('0 of 2 signatures', { timeout: 15_000 });
    const proposed = (await safesView()).transactions.find((tx) => tx.safeTxHash === shownHash);
    if (!proposed)
      throw new Error(`the wallet keeps no Safe transaction with the hash it showed, ${shownHash}`);
    expect(proposed.tx).toMatchObject({ to: DEMO_FRIEND, value: SENT.toString(), data: '0x', nonce: 0 });
    expect(await onChainSafeTxHash(ethereum, safe, proposed.tx)).toBe(shownHash);

    // 3. The Ledger signs first: its Ethereum app shows the SafeTx as EIP-712 fields, so nothing is blind.
    await pending.getByRole('button', { name: `Sign with ${LEDGER}` }).click();
    await expect(pending).toContainText('1 of 2 signatures', { timeout: 20_000 });
    const confirmations = pending.getByRole('list', { name: 'Confirmations' });
    await expect(confirmations).toContainText(new RegExp(`Signed by ${LEDGER} on `));
    await expect(confirmations).not.toContainText('blind');

    // 4. The phone co-signs, after showing what it decoded.
    await pending.getByRole('button', { name: `Sign with ${PHONE}` }).click();
    await expect(desktop.getByRole('dialog', { name: `Approve on ${PHONE}` })).toBeVisible({
      timeout: 15_000,
    });
    await expect(phone.getByRole('heading', { name: 'Safe transaction' })).toBeVisible({ timeout: 15_000 });
    const request = phone.getByRole('article');
    await expect(request).toContainText(safe);
    await expect(request).toContainText('Send 0.05 ETH');
    await expect(request).toContainText('1 of 2 signed');
    await expect(request).toContainText(shownHash);
    await phone.screenshot({ path: `${ARTIFACTS}/companion-safe-request.png` });
    await phone.getByRole('button', { name: 'Approve' }).click();
    await expect(pending).toContainText('2 of 2 signatures', { timeout: 20_000 });
    await expect(confirmations).toContainText(`Signed by ${PHONE} on `);

    // 5. The Ledger account executes and pays the gas; the usual review comes first.
    await pending.getByLabel('Executor', { exact: true }).selectOption({ label: LEDGER });
    await pending.getByRole('button', { name: 'Review execution' }).click();
    const execute = pending.getByRole('button', { name: 'Execute', exact: true });
    await expect(execute).toBeEnabled({ timeout: 15_000 });
    await execute.click();
    await expect(pending).toContainText('Executed', { timeout: 30_000 });
    await expect(vault).toContainText('Next nonce 1', { timeout: 15_000 });
    await expect(vault.getByText('0.95 ETH', { exact: true })).toBeVisible();
    await desktop.screenshot({ path: `${ARTIFACTS}/safe-executed.png` });

    // 6. On chain: one Safe transaction more, and exactly 0.05 ETH moved from the Safe to the friend.
    expect(await safeNonce(ethereum, safe)).toBe(1n);
    expect((await balanceOf(ethereum, DEMO_FRIEND)) - friendBefore).toBe(SENT);
    expect(await balanceOf(ethereum, safe)).toBe(ONE_ETHER - SENT);

    // 7. History shows the execution with both signers and their devices.
    const executed = (await safesView()).transactions.find((tx) => tx.safeTxHash === shownHash);
    const executionHash = executed?.execution?.hash ?? '';
    expect(executionHash).toMatch(/^0x[0-9a-f]{64}$/);
    await desktop.getByRole('link', { name: 'History', exact: true }).click();
    await expect(desktop.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
    await desktop.getByRole('button', { name: 'Sync now' }).click();
    await desktop.getByRole('searchbox', { name: 'Search history' }).fill(executionHash);
    // The search waits for the typing to stop, and the entry for the sync: one row, the execution, is left.
    const row = desktop.getByRole('list', { name: 'Timeline' }).getByRole('button');
    await expect(row).toHaveCount(1, { timeout: 20_000 });
    await expect(row).toContainText(`Executed a transaction of the Safe ${SAFE_NAME}`);
    await expect(row).toContainText(/Signed on Ledger Nano X/);
    await row.click();
    const details = desktop.getByRole('dialog', { name: 'Transaction details' });
    await expect(details).toContainText(SAFE_NAME);
    await expect(details).toContainText(new RegExp(`Signed by ${LEDGER} on Ledger Nano X`));
    await expect(details).toContainText(`Signed by ${PHONE} on `);
    await desktop.screenshot({ path: `${ARTIFACTS}/history-safe.png` });
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !/^(https?|wss?):\/\/127\.0\.0\.1[:/]|^(data|blob):/.test(url))).toEqual(
      [],
    );
  } finally {
    await phoneContext.close();
  }
});
