// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { HISTORY_STATUS_FIXTURE, historyEntry } from '../../../test/renderer/historyFixture';
import { openPage } from '../../../test/renderer/openPage';
import { ALICE, FIXTURE_ACCOUNTS } from '../../../test/renderer/portfolioFixture';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

const SAFE = '0x1111111111111111111111111111111111111111';
const PHONE_OWNER = '0x4444444444444444444444444444444444444444';
const OTHER_OWNER = '0x5555555555555555555555555555555555555555';

afterEach(cleanup);

async function drawerFor(safe: Parameters<typeof historyEntry>[1]['safe']) {
  const client = new WalletClientDouble();
  client.accounts = FIXTURE_ACCOUNTS;
  client.historyStatus = HISTORY_STATUS_FIXTURE;
  client.settings = { ...client.settings, enabledChainIds: [1] };
  client.history = [historyEntry(1, { to: SAFE, method: 'execTransaction', safe })];
  await openPage(client, 'history', 'History');
  const rows = within(await screen.findByRole('list', { name: 'Timeline' }));
  fireEvent.click(rows.getByRole('button', { name: /^Sent nothing to 0x1111…1111/ }));
  return within(await screen.findByRole('dialog', { name: 'Transaction details' }));
}

it('names the Safe an execution was for, and every owner who signed on which device', async () => {
  const drawer = await drawerFor({
    address: SAFE,
    name: 'Family vault',
    signers: [
      {
        owner: ALICE,
        ownerLabel: 'Treasury',
        kind: 'ledger',
        label: 'Nano X',
        fingerprint: 'ledger:4f2a9c',
        blind: true,
      },
      {
        owner: PHONE_OWNER,
        ownerLabel: 'My phone key',
        kind: 'phone',
        label: 'Pixel',
        fingerprint: 'phone:9b',
        blind: false,
      },
      { owner: OTHER_OWNER, ownerLabel: null, kind: 'other', label: '', fingerprint: null, blind: false },
    ],
  });
  expect(drawer.getByText('Safe execution')).toBeTruthy();
  expect(drawer.getByText('Family vault')).toBeTruthy();
  expect(drawer.getByRole('button', { name: 'Copy Safe address' })).toBeTruthy();
  const signers = drawer.getAllByRole('listitem').map((item) => item.textContent);
  expect(signers).toEqual(
    expect.arrayContaining([
      'Signed by Treasury on Ledger Nano X (blind)',
      'Signed by My phone key on Pixel',
      'Signed by 0x5555…5555 on another desktop',
    ]),
  );
});

it('shows no Safe facts for an ordinary transaction', async () => {
  const drawer = await drawerFor(null);
  expect(drawer.queryByText('Safe execution')).toBeNull();
});
