// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutgoingView } from '../../shared/tx';
import { openPage } from '../../../test/renderer/openPage';
import {
  ALICE,
  BOB,
  FIXTURE_ACCOUNTS,
  fixturePortfolio,
  SPAM,
  USDC,
} from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const CAROL = '0x3333333333333333333333333333333333333333';
let client: WalletClientDouble;

function sent(id: number, change: Partial<OutgoingView>): OutgoingView {
  return {
    id,
    chainId: 1,
    from: ALICE,
    hash: `0x${id.toString(16).padStart(64, '0')}`,
    nonce: id,
    purpose: 'send',
    replaces: null,
    replacedBy: null,
    status: 'included',
    blockNumber: 19_876_544,
    confirmations: 3,
    reason: null,
    to: CAROL,
    value: '0',
    transfer: null,
    createdAt: 1_700_000_000_000 - id * 60_000,
    updatedAt: 1_700_000_000_000,
    ...change,
  };
}

beforeEach(() => {
  client = new WalletClientDouble();
  client.accounts = FIXTURE_ACCOUNTS;
  client.portfolio = fixturePortfolio();
  client.names = {
    labels: [{ address: CAROL, chainId: null, kind: 'eoa', name: 'Carol (label)', note: '' }],
    contacts: [{ address: CAROL, chainId: 1, name: 'Carol', note: '' }],
  };
  client.outgoing = [
    // 1.5 USDC to Treasury, one of the user's own accounts.
    sent(1, { to: USDC, transfer: { token: USDC, recipient: ALICE, amount: '1500000' } }),
    sent(2, { to: CAROL, value: (10n ** 16n).toString() }),
    sent(3, { to: SPAM, transfer: { token: SPAM, recipient: BOB, amount: '42' } }),
  ];
});
afterEach(cleanup);

async function rows() {
  await openPage(client, 'send', 'Send');
  const list = within(await screen.findByRole('list', { name: 'Recent transactions' }));
  const row = (nonce: number) => list.getByRole('listitem', { name: `Send on Ethereum, nonce ${nonce}` });
  // Token symbols and names arrive with the portfolio and the names list.
  await list.findByText('Treasury');
  return row;
}

describe('Recent transactions', () => {
  it('names a token send by what it moved and to whom, not by the token contract', async () => {
    const row = await rows();
    expect(row(1).textContent).toContain('1.5 USDC to Treasury on Ethereum · nonce 1');
    expect(row(1).textContent).not.toContain('0xA0b8');
    expect(within(row(1)).getByText('Treasury').getAttribute('title')).toBe(ALICE);
  });

  it('prefers a contact to a label, and gives an unlisted token in base units by its address', async () => {
    const row = await rows();
    expect(row(2).textContent).toContain('0.01 ETH to Carol on Ethereum');
    expect(row(3).textContent).toContain(`42 base units of ${SPAM} to 0x2222…2222`);
  });
});
