import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../../src/renderer/api/client';
import { deviceAccount, ledgerDevice } from './deviceFixture';
import { ALICE, BOB, watchAccount } from './portfolioFixture';
import { WalletClientDouble } from './WalletClientDouble';

/** The wallet sendReviewScenarios.ts records reviews in. */
function sendPageWallet(): WalletClientDouble {
  const client = new WalletClientDouble();
  const ledger = ledgerDevice();
  client.devices = [ledger];
  client.accounts = [
    deviceAccount(1, ledger, 'ledger-live', 0, 'Ledger main'),
    watchAccount(2, ALICE, 'Treasury'),
  ];
  client.addressBook = { alice: BOB };
  return client;
}

const draft = { accountId: 1, chainId: 1, to: 'alice', asset: 'native', amount: '0.5' } as const;

describe('WalletClientDouble', () => {
  it("answers a review with TxService's recorded one, plus the findings the test adds", async () => {
    const client = sendPageWallet();
    client.recipientWarnings = {
      [BOB]: [
        {
          code: 'look-alike-recipient',
          severity: 'warning',
          overridable: false,
          message: 'Looks like one you sent to.',
          facts: [],
          fix: null,
        },
      ],
    };
    const review = await client.call('tx.review', draft);
    expect(review).toMatchObject({
      action: { to: { address: BOB, name: 'alice', source: 'address-book' } },
      fees: { speed: 'normal' },
    });
    expect(review.findings.map((finding) => finding.code)).toEqual([
      'look-alike-recipient',
      'first-time-recipient',
    ]);
  });

  it('invents no review for a draft or a wallet nobody recorded', async () => {
    await expect(sendPageWallet().call('tx.review', { ...draft, amount: '0.25' })).rejects.toThrow(
      /sendReviewScenarios/,
    );
    const renamed = sendPageWallet();
    renamed.addressBook = { bob: BOB };
    await expect(renamed.call('tx.review', draft)).rejects.toThrow(/No review of this draft/);
  });

  it('refuses a request as the router would, before the family answering it sees it', async () => {
    const client = new WalletClientDouble();
    const refused = client.call('chains.addCustom', {
      chainId: 777,
      name: 'Devnet',
      symbol: 'DEV',
      rpcUrl: 'not a url',
    });
    await expect(refused).rejects.toMatchObject({ code: 'invalid_request' });
    const added = await client.call('chains.addCustom', {
      chainId: 777,
      name: ' Devnet ',
      symbol: 'DEV',
      rpcUrl: 'http://127.0.0.1:8545',
    });
    expect(added).toMatchObject({ name: 'Devnet', nativeCurrency: { decimals: 18 }, explorer: null });
  });

  it('fails the next call on a channel once when told to, then answers again', async () => {
    const client = new WalletClientDouble();
    client.refuseNext('vault.status', { code: 'internal', message: 'The keyring is locked.' });
    await expect(client.call('vault.status')).rejects.toBeInstanceOf(ApiCallError);
    await expect(client.call('vault.status')).resolves.toMatchObject({ state: 'available' });
    expect(client.calls.map((c) => c.channel)).toEqual(['vault.status', 'vault.status']);
  });
});
