import { parseEther } from 'ethers';
import { describe, expect, it } from 'vitest';
import { anvilCall, fixtureAddress } from '../anvil/chainSetup';
import { waitFor } from '../walletconnect/coreHarness';
import { bothSign, createSafe, LEDGER_MAIN, proposeSend, useSafeWorld } from './safeFlowHarness';

const RECIPIENT = fixtureAddress('safe-restart', 'recipient');

/**
 * Pending Safe transactions survive restarts (issue 20): what was signed is in the store, and an execution
 * that was in flight when the app quit is followed to its end by the restarted desktop, without being asked.
 */
describe('Safe transactions across a restart of the desktop', () => {
  const world = useSafeWorld('restart');

  it('keeps a transaction with one confirmation, and settles an execution that was in flight', async () => {
    const waiting = await createSafe(world, { name: 'Waiting', fund: parseEther('1') });
    const inFlight = await createSafe(world, { name: 'In flight', fund: parseEther('1') });
    const pending = await proposeSend(world, waiting.id, RECIPIENT, '0.01');
    const signed = await world.desktop.call('safes.confirm', { id: pending.id, accountId: world.ledgerId });
    const sending = await proposeSend(world, inFlight.id, RECIPIENT, '0.02');
    await bothSign(world, sending.id);
    // The execution is sent but not mined before the quit.
    await anvilCall(world.rpcUrl, 'evm_setAutomine', [false]);
    const sent = await world.desktop.call('safes.execute', {
      id: sending.id,
      executorAccountId: world.ledgerId,
    });
    expect(sent.status).toBe('executing');

    const desktop = world.restart({ txPollMs: 100 });
    const after = await desktop.call('safes.view');
    expect(after.safes.map((safe) => [safe.name, safe.status])).toEqual(
      expect.arrayContaining([
        ['Waiting', 'ready'],
        ['In flight', 'ready'],
      ]),
    );
    const kept = after.transactions.find((tx) => tx.id === pending.id);
    expect(kept).toMatchObject({
      status: 'collecting',
      safeTxHash: pending.safeTxHash,
      tx: pending.tx,
      confirmations: [{ owner: LEDGER_MAIN, mode: 'clear', signedAt: signed.confirmations[0]?.signedAt }],
    });

    await anvilCall(world.rpcUrl, 'evm_mine');
    await anvilCall(world.rpcUrl, 'evm_setAutomine', [true]);
    const settled = await waitFor('the restarted desktop to settle the execution', async () => {
      const tx = (await desktop.call('safes.view')).transactions.find((entry) => entry.id === sending.id);
      return tx?.status === 'executed' && tx;
    });
    expect(settled.execution?.hash).toBe(sent.execution?.hash);
  });
});
