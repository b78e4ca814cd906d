// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RESET_CONFIRMATION } from '../../shared/localData';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { DEFAULT_WALLETCONNECT_RELAY } from '../../shared/walletConnect';
import { DEFAULT_UPDATE_FEED } from '../../shared/updates';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
  client.settings = {
    theme: 'dark',
    fiatCurrency: 'EUR',
    activeChainId: 10,
    enabledChainIds: [1],
    historyExplorers: true,
    priceService: true,
    walletConnectRelayUrl: DEFAULT_WALLETCONNECT_RELAY,
    walletConnectProjectId: null,
    walletConnectVerify: true,
    updateFeedUrl: DEFAULT_UPDATE_FEED,
    automaticUpdates: true,
  };
});
afterEach(cleanup);

const opener = () => section('Local data').getByRole('button', { name: 'Reset local data…' });
const dialog = () => screen.getByRole('dialog', { name: 'Reset local data' });
const phrase = () =>
  within(dialog()).getByRole<HTMLInputElement>('textbox', { name: 'Type reset local data to confirm' });
const resetButton = () => within(dialog()).getByRole<HTMLButtonElement>('button', { name: 'Reset' });
const resetCalls = () => client.calls.filter((call) => call.channel === 'data.reset');

async function openDialog() {
  await openSettings(client);
  opener().focus();
  await act(async () => fireEvent.click(opener()));
}

function type(text: string) {
  fireEvent.change(phrase(), { target: { value: text } });
}

describe('ResetLocalDataRow', () => {
  it('opens a modal dialog that says what is deleted and what is not, with focus on the phrase', async () => {
    await openDialog();
    expect(dialog().getAttribute('aria-modal')).toBe('true');
    expect(dialog().hasAttribute('open')).toBe(true);
    const description = document.getElementById(dialog().getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toMatch(/accounts .* labels and the address book/);
    expect(description?.textContent).toContain('paired phones');
    expect(description?.textContent).toContain('settings');
    expect(description?.textContent).toContain('keychain key');
    expect(description?.textContent).toContain('Nothing changes on your hardware wallets or your phone');
    expect(description?.textContent).toContain('export a backup first');
    expect(document.activeElement).toBe(phrase());
  });

  it('keeps Reset disabled until the phrase is typed', async () => {
    await openDialog();
    expect(resetButton().disabled).toBe(true);
    type('reset local');
    expect(resetButton().disabled).toBe(true);
    type('reset local data please');
    expect(resetButton().disabled).toBe(true);
    type(RESET_CONFIRMATION);
    expect(resetButton().disabled).toBe(false);
    // Enter in the field must not get round the disabled button either.
    type('reset');
    await act(async () => fireEvent.submit(phrase()));
    expect(resetCalls()).toEqual([]);
  });

  it('closes on Escape without resetting, and gives focus back to the button that opened it', async () => {
    await openDialog();
    type(RESET_CONFIRMATION);
    await act(async () => fireEvent.keyDown(phrase(), { key: 'Escape' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(resetCalls()).toEqual([]);
    expect(document.activeElement).toBe(opener());
  });

  it('closes on Cancel without resetting, and starts empty when opened again', async () => {
    await openDialog();
    type(RESET_CONFIRMATION);
    await act(async () => fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    await act(async () => fireEvent.click(opener()));
    expect(phrase().value).toBe('');
    expect(resetButton().disabled).toBe(true);
  });

  it('resets with the exact phrase main requires, then closes and says it is done', async () => {
    await openDialog();
    type(`  ${RESET_CONFIRMATION} `);
    await act(async () => fireEvent.click(resetButton()));
    expect(resetCalls()).toEqual([{ channel: 'data.reset', request: { confirm: 'reset local data' } }]);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(
      section('Local data').getByText('Local data was reset. Settings are back to their defaults.'),
    ).toBeTruthy();
    // main pushes the emptied settings, and every screen follows them.
    expect(screen.getByRole<HTMLInputElement>('radio', { name: 'System' }).checked).toBe(true);
    expect(document.activeElement).toBe(opener());
  });

  it('stays open while main resets, and cannot be dismissed half way', async () => {
    await openDialog();
    type(RESET_CONFIRMATION);
    const release = client.hold('data.reset');
    await act(async () => fireEvent.click(resetButton()));
    const busy = within(dialog()).getByRole('button', { name: 'Resetting…' });
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    await act(async () => fireEvent.keyDown(phrase(), { key: 'Escape' }));
    await act(async () => fireEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' })));
    await act(async () => fireEvent.click(busy));
    expect(dialog()).toBeTruthy();
    expect(resetCalls()).toHaveLength(1);
    await act(async () => release());
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it("keeps the dialog open with main's reason when the reset fails", async () => {
    await openDialog();
    type(RESET_CONFIRMATION);
    client.refuseNext('data.reset', { code: 'internal', message: 'The database is busy. Try again.' });
    await act(async () => fireEvent.click(resetButton()));
    expect(within(dialog()).getByRole('alert').textContent).toBe(
      'Not reset: The database is busy. Try again.',
    );
    expect(resetButton().disabled).toBe(false);
  });
});
