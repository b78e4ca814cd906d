// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DappRequestView } from '../../shared/dapps';
import {
  LEDGER_MAIN,
  SAVINGS,
  SITE_ACCOUNT,
  sessionProposal,
  siteRequest,
  WATCHED,
} from '../../../test/renderer/dappsFixture';
import { ledgerDevice } from '../../../test/renderer/deviceFixture';
import { finding } from '../../../test/renderer/double/txReviewFixture';
import { openPage, region } from '../../../test/renderer/openPage';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.devices = [ledgerDevice()];
  client.accounts = [WATCHED, LEDGER_MAIN, SAVINGS];
  client.settings = { ...client.settings, enabledChainIds: [1, 10] };
});
afterEach(cleanup);

const UNISWAP = 'https://app.uniswap.org';

async function click(button: HTMLElement) {
  await act(async () => fireEvent.click(button));
}

async function arrives(request: DappRequestView) {
  await openPage(client, 'sites', 'Connected sites');
  act(() => client.dapps.ask(request));
  return within(
    screen.getByRole('dialog', {
      name: request.detail.type === 'session' ? 'Connect to a dApp' : 'Sign a message',
    }),
  );
}

describe('A WalletConnect session proposal', () => {
  it('names the dApp, what Verify said and what it claims, then the networks, accounts and methods', async () => {
    const sheet = await arrives(
      sessionProposal(UNISWAP, 'validated', { requiredChainIds: [1, 8453], optionalChainIds: [10, 42161] }),
    );
    expect(sheet.getByText('Uniswap').className).toBe('site-request__dapp');
    expect(sheet.getByText('asks to connect')).toBeTruthy();
    expect(sheet.getByText('through WalletConnect, as')).toBeTruthy();
    expect(sheet.getAllByText('Verified domain')).toHaveLength(2);
    expect(sheet.getByText(/saw this request come from the domain the dApp names/)).toBeTruthy();
    expect(sheet.getByText('https://app.uniswap.org/swap')).toBeTruthy();

    const networks = within(sheet.getByRole('group', { name: 'Networks' }));
    const ethereum = networks.getByRole('checkbox', { name: /Ethereum/ }) as HTMLInputElement;
    expect([ethereum.checked, ethereum.disabled]).toEqual([true, true]);
    const base = networks.getByRole('checkbox', { name: /Base/ }) as HTMLInputElement;
    expect([base.checked, base.disabled]).toEqual([true, true]);
    expect(
      networks.getByText('required by the dApp; turned on in this wallet when you connect'),
    ).toBeTruthy();
    // Optional networks start ticked where the wallet already uses them.
    const op = networks.getByRole('checkbox', { name: /OP Mainnet/ }) as HTMLInputElement;
    const arbitrum = networks.getByRole('checkbox', { name: /Arbitrum/ }) as HTMLInputElement;
    expect([op.checked, arbitrum.checked]).toEqual([true, false]);

    const accounts = within(sheet.getByRole('group', { name: 'Accounts the dApp may see' }));
    expect(
      ((await accounts.findByRole('checkbox', { name: /Ledger main/ })) as HTMLInputElement).checked,
    ).toBe(true);
    expect(sheet.getByText('What it may ask for (3)')).toBeTruthy();
    expect(sheet.getByText('personal_sign')).toBeTruthy();

    await click(networks.getByRole('checkbox', { name: /OP Mainnet/ }));
    await click(arbitrum);
    await click(accounts.getByRole('checkbox', { name: /Savings/ }));
    await click(sheet.getByRole('button', { name: 'Connect' }));
    const request = client.dapps.state.requests[0];
    expect(request).toBeUndefined();
    expect(client.calls.find((c) => c.channel === 'dapps.approve')?.request).toMatchObject({
      accountIds: [LEDGER_MAIN.id, SAVINGS.id],
      chainIds: [1, 8453, 42161],
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    const session = within(region('WalletConnect').getByRole('row', { name: 'Uniswap' }));
    expect(session.getByText('Ledger main, Savings')).toBeTruthy();
  });

  it('stops the eye on a known threat, and holds Connect until the user says to go on', async () => {
    const proposal = sessionProposal('https://uniswap-claim.example', 'threat');
    const sheet = await arrives({
      ...proposal,
      siteFindings: [
        ...proposal.siteFindings,
        finding({
          code: 'dapp-known-threat',
          severity: 'blocking',
          overridable: true,
          message: 'Verify lists this domain as a scam.',
        }),
      ],
    });
    const callout = sheet.getByText('Known threat', { selector: '.callout__title' });
    expect(callout.closest('.callout')?.textContent).toMatch(/lists this domain as a scam\. Reject unless/);
    expect(sheet.getByText('You have not used this site with this wallet before.')).toBeTruthy();
    const connect = sheet.getByRole('button', { name: 'Connect' }) as HTMLButtonElement;
    expect(connect.disabled).toBe(true);
    await click(sheet.getByRole('checkbox', { name: /Go on anyway: I trust this dApp/ }));
    expect(connect.disabled).toBe(false);
  });

  it('explains a domain mismatch in one sentence, and says unverified calmly', async () => {
    const sheet = await arrives(sessionProposal(UNISWAP, 'mismatch'));
    expect(
      sheet.getByText(/is not on the domain the dApp names: another site may be using its name/),
    ).toBeTruthy();
    await click(sheet.getByRole('button', { name: 'Reject' }));
    act(() => client.dapps.ask(sessionProposal(UNISWAP, 'unknown')));
    const dialog = screen.getByRole('dialog', { name: 'Connect to a dApp' });
    expect(within(dialog).getAllByText('Unverified')).toHaveLength(2);
    expect(dialog.querySelector('.callout')).toBeNull();
  });

  it('names WalletConnect and the dApp over any request that came through it', async () => {
    const request: DappRequestView = {
      ...siteRequest(UNISWAP, {
        type: 'message',
        account: SITE_ACCOUNT,
        text: 'Log in',
        hex: '0x4c6f6720696e',
      }),
      via: { kind: 'walletconnect', topic: 'ab'.repeat(32), name: 'Uniswap', verification: 'mismatch' },
    };
    client.dapps.state.reviews.set(request.id, {
      type: 'message',
      findings: [],
      signer: { kind: 'ledger', label: 'Cold storage' },
    });
    const sheet = await arrives(request);
    expect(sheet.getByText('Uniswap').className).toBe('site-request__dapp');
    expect(sheet.getByText('asks you to sign a message')).toBeTruthy();
    expect(sheet.getByText('through WalletConnect, as')).toBeTruthy();
    expect(sheet.getByText('app.uniswap.org')).toBeTruthy();
    expect(sheet.getByText('Domain mismatch')).toBeTruthy();
  });
});
