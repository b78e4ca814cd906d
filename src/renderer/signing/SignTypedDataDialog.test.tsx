// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../shared/devices';
import { deviceAccount, ledgerDevice } from '../../../test/renderer/deviceFixture';
import { openPage } from '../../../test/renderer/openPage';
import { permit2Single, ROUTER, USDC } from '../../../test/review/typedData/typedDataFixtures';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;
const now = Math.floor(Date.now() / 1000);
const DAY = 86_400;

/** The demo's dApp-style permit: unlimited USDC for the router, for a month, signed within half an hour. */
function permit(domain: Record<string, unknown> = {}) {
  const data = permit2Single({ expiration: now + 30 * DAY }, { sigDeadline: String(now + 1800) });
  return { ...data, domain: { ...data.domain, ...domain } };
}

/** The same permit with a domain that names no chain: valid on every network. */
function chainlessPermit() {
  const { chainId: _chainId, ...domain } = permit().domain;
  const data = permit();
  const fields = (data.types.EIP712Domain ?? []).filter((field) => field.name !== 'chainId');
  return { ...data, domain, types: { ...data.types, EIP712Domain: fields } };
}

function setUp(device: DeviceView = ledgerDevice()) {
  client.devices = [device];
  client.accounts = [deviceAccount(1, device, 'ledger-live', 0, 'Main')];
}

beforeEach(() => {
  client = new WalletClientDouble();
  setUp();
  client.addressBook = { [ROUTER]: 'Demo Router' };
  client.portfolio = {
    ...client.portfolio,
    tokens: [
      {
        chainId: 1,
        address: USDC,
        symbol: 'USDC',
        name: 'USD Coin',
        decimals: 6,
        source: 'list',
        hidden: false,
        tags: [],
        logoURI: null,
      },
    ],
  };
});
afterEach(cleanup);

async function review(text: string) {
  await openPage(client, 'devices', 'Devices');
  const card = within(await screen.findByRole('region', { name: 'Ledger Cold storage' }));
  const row = within(card.getByRole('listitem', { name: 'Main' }));
  await act(async () => fireEvent.click(row.getByRole('button', { name: 'Sign typed data' })));
  const dialog = within(screen.getByRole('dialog', { name: 'Sign typed data' }));
  await act(async () =>
    fireEvent.change(dialog.getByRole('textbox', { name: 'Typed data (JSON)' }), { target: { value: text } }),
  );
  await act(async () => fireEvent.click(dialog.getByRole('button', { name: 'Review' })));
  return dialog;
}

const signButton = (dialog: ReturnType<typeof within>) =>
  dialog.getByRole('button', { name: 'Sign on device' }) as HTMLButtonElement;

describe('Sign typed data', () => {
  it('reviews a Permit2 permit as what it allows, then signs it on the device', async () => {
    const dialog = await review(JSON.stringify(permit()));
    expect(dialog.getByText(/^Allow Demo Router to spend unlimited USDC until /)).toBeTruthy();
    const grant = within(dialog.getByRole('list', { name: 'Permissions' })).getByRole('listitem');
    expect(grant.textContent).toContain('Demo Router');
    expect(grant.textContent).toContain('(your address book)');
    expect(grant.textContent).toContain('Unlimited USDC');
    expect(grant.textContent).toContain('USDC(token list)');
    expect(within(grant).getByText('Until').nextElementSibling?.querySelector('time')).toBeTruthy();
    expect(dialog.getByText('Checked by')).toBeTruthy();
    expect(dialog.getByText(/This lets Demo Router take all of your USDC/)).toBeTruthy();
    const device = within(dialog.getByRole('list', { name: 'What the device will show' }));
    expect(device.getByText('PermitSingle')).toBeTruthy();
    expect(dialog.getByText('All fields').closest('details')?.open).toBe(false);
    expect(dialog.getByText('sigDeadline')).toBeTruthy();
    expect(dialog.queryByRole('checkbox')).toBeNull();

    await act(async () => fireEvent.click(signButton(dialog)));
    expect(client.calls.at(-1)).toMatchObject({
      channel: 'signing.typedData',
      request: { accountId: 1, allowBlindSigning: false, allowMissingChainId: false },
    });
    expect(dialog.getByText(`0x${'ab'.repeat(64)}1b`)).toBeTruthy();
  });

  it('shows the same summary on the device sheet while the device waits', async () => {
    const release = client.holdDevice();
    const dialog = await review(JSON.stringify(permit()));
    await act(async () => fireEvent.click(signButton(dialog)));
    const sheet = within(await screen.findByRole('dialog', { name: 'Confirm on your Ledger' }));
    const approved = within(sheet.getByRole('region', { name: 'What you approved' }));
    expect(approved.getByText(/^Allow Demo Router to spend unlimited USDC until /)).toBeTruthy();
    expect(approved.getByText(/This lets Demo Router take all of your USDC/)).toBeTruthy();
    const device = within(sheet.getByRole('region', { name: 'What the device will show' }));
    expect(device.getByText('PermitSingle')).toBeTruthy();
    expect(device.queryByText(/hash/)).toBeNull();
    await act(async () => release());
    expect(await screen.findByText(`0x${'ab'.repeat(64)}1b`)).toBeTruthy();
  });

  it('keeps Sign disabled while a blocking finding stands', async () => {
    const dialog = await review(JSON.stringify(permit({ chainId: 10 })));
    expect(dialog.getByText(/Blocks signing/)).toBeTruthy();
    expect(signButton(dialog).disabled).toBe(true);
  });

  it('asks for consent to a blind signature and to a domain without chain, and passes both on', async () => {
    setUp(ledgerDevice({ app: { name: 'Ethereum', version: '1.9.18' } }));
    const dialog = await review(JSON.stringify(chainlessPermit()));
    const boxes = dialog.getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(dialog.getByText(/You would be signing blind/)).toBeTruthy();
    expect(dialog.getByText(/names no network/)).toBeTruthy();
    expect(signButton(dialog).disabled).toBe(true);
    await act(async () => fireEvent.click(dialog.getByRole('checkbox', { name: /valid on every network/ })));
    expect(signButton(dialog).disabled).toBe(true);
    await act(async () => fireEvent.click(dialog.getByRole('checkbox', { name: /Sign it blind/ })));
    expect(signButton(dialog).disabled).toBe(false);
    await act(async () => fireEvent.click(signButton(dialog)));
    expect(client.calls.at(-1)).toMatchObject({
      channel: 'signing.typedData',
      request: { allowBlindSigning: true, allowMissingChainId: true },
    });
    expect(dialog.getByText('The device showed only a hash of this message, not its text.')).toBeTruthy();
  });

  it('says what is wrong with text that is not typed data, keeps it, and asks main nothing', async () => {
    const dialog = await review('{"domain": {}, ');
    expect(dialog.getByRole('alert').textContent).toMatch(/^Not reviewed: This is not valid JSON/);
    const field = dialog.getByRole('textbox', { name: 'Typed data (JSON)' }) as HTMLTextAreaElement;
    expect(field.value).toBe('{"domain": {}, ');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(client.calls.some((call) => call.channel === 'signing.reviewTypedData')).toBe(false);
  });

  it('drops the review when the text changes, so nothing is signed unreviewed', async () => {
    const dialog = await review(JSON.stringify(permit()));
    expect(dialog.getByRole('list', { name: 'Permissions' })).toBeTruthy();
    await act(async () =>
      fireEvent.change(dialog.getByRole('textbox', { name: 'Typed data (JSON)' }), {
        target: { value: JSON.stringify(permit({ name: 'Other' })) },
      }),
    );
    expect(dialog.queryByRole('list', { name: 'Permissions' })).toBeNull();
    expect(dialog.queryByRole('button', { name: 'Sign on device' })).toBeNull();
    expect(dialog.getByRole('button', { name: 'Review' })).toBeTruthy();
  });
});
