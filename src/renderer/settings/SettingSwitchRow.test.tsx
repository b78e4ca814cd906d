// @vitest-environment happy-dom
import { act, cleanup, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

// The page's switches are all SettingSwitchRows: each one is checked here through the page it lives on.
describe.each([
  { sectionTitle: 'Prices', name: 'Ask CoinGecko about tokens without a feed', setting: 'priceService' },
  { sectionTitle: 'History sources', name: 'Ask block explorers for history', setting: 'historyExplorers' },
] as const)('SettingSwitchRow for $setting', ({ sectionTitle, name, setting }) => {
  const toggle = () => section(sectionTitle).getByRole<HTMLInputElement>('switch', { name });

  it('shows the stored value and says what it does', async () => {
    client.settings = { ...client.settings, [setting]: true };
    await openSettings(client);
    expect(toggle().checked).toBe(true);
    const description = document.getElementById(toggle().getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toMatch(/learn|sees/);
  });

  it('saves a change through main, and puts the stored value back with main’s reason when refused', async () => {
    await openSettings(client);
    await act(async () => fireEvent.click(toggle()));
    expect(client.calls.filter((call) => call.channel === 'settings.set')).toEqual([
      { channel: 'settings.set', request: { [setting]: true } },
    ]);
    expect(client.settings[setting]).toBe(true);
    expect(toggle().checked).toBe(true);

    client.refuseNext('settings.set', {
      code: 'invalid_request',
      message: 'The settings store is read-only.',
    });
    await act(async () => fireEvent.click(toggle()));
    expect(toggle().checked).toBe(true);
    expect(section(sectionTitle).getByRole('alert').textContent).toContain(
      'The settings store is read-only.',
    );
  });
});
