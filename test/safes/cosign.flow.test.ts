import { parseEther } from 'ethers';
import { describe, expect, it } from 'vitest';
import { anvilCall, chainBalances, fixtureAddress, waitForReceipt } from '../anvil/chainSetup';
import { waitFor } from '../walletconnect/coreHarness';
import {
  CHAIN,
  createSafe,
  LEDGER_MAIN,
  PHONE_ADDRESS,
  proposeSend,
  refreshed,
  useSafeWorld,
} from './safeFlowHarness';

const RECIPIENT = fixtureAddress('safe-cosign', 'recipient');

/**
 * Done when, co-signing (issue 20): the emulated Ledger and the headless phone co-sign a transfer from a
 * 2-of-2 Safe on anvil, coordinated over the paired session only. The network guard wraps the whole flow:
 * nothing may leave the machine, and no Safe service (*.safe.global) is ever asked anything.
 */
describe('a 2-of-2 Safe of the emulated Ledger and the paired phone', () => {
  const world = useSafeWorld('cosign');

  it('is created, co-signed on both devices and executed, with exact balance changes', async () => {
    const { desktop } = world;
    const safe = await createSafe(world, { name: 'Family vault', fund: parseEther('1') });
    expect(safe).toMatchObject({
      chainId: CHAIN,
      status: 'ready',
      version: '1.4.1',
      threshold: 2,
      nonce: 0,
      balance: parseEther('1').toString(),
      modules: [],
      guard: null,
    });
    expect(safe.owners.map((owner) => [owner.address, owner.account?.signer])).toEqual(
      expect.arrayContaining([
        [LEDGER_MAIN, 'ledger'],
        [PHONE_ADDRESS, 'phone'],
      ]),
    );

    const review = await desktop.call('safes.reviewTransaction', {
      safeId: safe.id,
      action: { kind: 'send', to: RECIPIENT, asset: 'native', amount: '0.05' },
    });
    expect(review).toMatchObject({
      kind: 'send',
      threshold: 2,
      simulation: { ok: true, reason: null },
      tx: { to: RECIPIENT, value: parseEther('0.05').toString(), data: '0x', operation: 0, nonce: 0 },
    });
    const proposed = await proposeSend(world, safe.id, RECIPIENT, '0.05');
    expect(proposed).toMatchObject({
      status: 'collecting',
      safeTxHash: review.safeTxHash,
      confirmations: [],
    });

    // The Ledger signs the SafeTx as EIP-712, in clear: the emulated app is 1.13.
    const ledgerSigned = await desktop.call('safes.confirm', { id: proposed.id, accountId: world.ledgerId });
    expect(ledgerSigned.status).toBe('collecting');
    expect(ledgerSigned.confirmations).toEqual([
      expect.objectContaining({
        owner: LEDGER_MAIN,
        mode: 'clear',
        signer: expect.objectContaining({ kind: 'ledger' }),
      }),
    ]);

    // The phone is sent the decoded request, with the Ledger's confirmation and the hash, and approves it.
    const phoneSigning = desktop.call('safes.confirm', { id: proposed.id, accountId: world.phoneId });
    const overlay = await waitFor('the overlay to wait on the phone', () =>
      desktop.events.find(
        (event) =>
          event.name === 'signing.request' && JSON.stringify(event.payload).includes('"kind":"phone"'),
      ),
    );
    expect(JSON.stringify(overlay.payload)).toContain('Alice’s phone');
    const pending = await waitFor('the Safe request on the phone', () => world.phone.client.requests()[0]);
    expect(JSON.stringify(pending)).toContain(review.safeTxHash);
    await world.phone.client.approve(pending.request.id);
    const ready = await phoneSigning;
    expect(ready.status).toBe('ready');
    expect(ready.confirmations.map((c) => [c.owner, c.signer.kind, c.mode])).toEqual(
      expect.arrayContaining([
        [LEDGER_MAIN, 'ledger', 'clear'],
        [PHONE_ADDRESS, 'phone', 'phone'],
      ]),
    );

    const [executorBefore = 0n, safeBefore = 0n, recipientBefore = 0n] = await chainBalances(world.rpcUrl, [
      [LEDGER_MAIN, 'native'],
      [safe.address, 'native'],
      [RECIPIENT, 'native'],
    ]);
    const execReview = await desktop.call('safes.reviewExecute', {
      id: proposed.id,
      executorAccountId: world.ledgerId,
    });
    expect(execReview.from.address).toBe(LEDGER_MAIN);
    const executed = await desktop.call('safes.execute', {
      id: proposed.id,
      executorAccountId: world.ledgerId,
    });
    const execution = executed.execution;
    if (!execution) throw new Error('the execution was not recorded');
    expect(execution.by).toBe(LEDGER_MAIN);
    const receipt = await waitForReceipt(world.rpcUrl, execution.hash);
    expect(receipt.status).toBe('0x1');
    const settled = await waitFor('the execution to settle', async () => {
      await desktop.call('safes.refresh', { id: safe.id });
      const listed = (await desktop.call('safes.view')).transactions.find((tx) => tx.id === proposed.id);
      return listed?.status === 'executed' && listed;
    });
    expect(settled.execution?.hash).toBe(execution.hash);

    const full = (await anvilCall(world.rpcUrl, 'eth_getTransactionReceipt', [execution.hash])) as {
      gasUsed: string;
      effectiveGasPrice: string;
    };
    const gas = BigInt(full.gasUsed) * BigInt(full.effectiveGasPrice);
    const [executorAfter = 0n, safeAfter = 0n, recipientAfter = 0n] = await chainBalances(world.rpcUrl, [
      [LEDGER_MAIN, 'native'],
      [safe.address, 'native'],
      [RECIPIENT, 'native'],
    ]);
    expect(recipientAfter - recipientBefore).toBe(parseEther('0.05'));
    expect(safeBefore - safeAfter).toBe(parseEther('0.05'));
    expect(executorBefore - executorAfter).toBe(gas);
    expect((await refreshed(world, safe.id)).nonce).toBe(1);

    // History shows the execution with the Safe and both of its signers, each on its device.
    await desktop.call('history.sync');
    const entry = await waitFor('the execution in history', async () => {
      await desktop.call('history.sync');
      const page = await desktop.call('history.page', { search: execution.hash });
      return page.entries.find((candidate) => candidate.hash === execution.hash);
    });
    expect(entry.safe).toMatchObject({ address: safe.address, name: 'Family vault' });
    expect(entry.safe?.signers.map((signer) => [signer.owner, signer.kind, signer.blind])).toEqual(
      expect.arrayContaining([
        [LEDGER_MAIN, 'ledger', false],
        [PHONE_ADDRESS, 'phone', false],
      ]),
    );

    expect(
      world.network.attempts,
      'no request may leave this machine: no Safe transaction service or gateway (*.safe.global), no other host',
    ).toEqual([]);
    // The guard is live: Safe's transaction service, had anything asked it, would have been caught and named.
    const service = 'https://safe-transaction-mainnet.safe.global/api/v1/about/';
    await expect(fetch(service)).rejects.toThrow('this test has no network');
    expect(world.network.attempts).toEqual([`fetch ${service}`]);
  });
});
