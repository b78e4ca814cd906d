// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../test/renderer/openPage';
import { openSettings } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';
import { DEFAULT_UPDATE_FEED } from '../../shared/updates';
import { DEFAULT_WALLETCONNECT_RELAY } from '../../shared/walletConnect';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

const themeRadio = (name: string) =>
  within(screen.getByRole('radiogroup', { name: 'Theme' })).getByRole<HTMLInputElement>('radio', { name });
const topBarNetwork = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Network' });
const defaultNetwork = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Default network' });
const currency = () => screen.getByRole<HTMLSelectElement>('combobox', { name: 'Currency' });
const priceService = () =>
  screen.getByRole<HTMLInputElement>('switch', { name: 'Ask CoinGecko about tokens without a feed' });

describe('SettingsPage', () => {
  it('shows what main has stored, and what is running', async () => {
    client.settings = {
      theme: 'dark',
      fiatCurrency: 'CHF',
      activeChainId: 8453,
      enabledChainIds: [1],
      historyExplorers: false,
      priceService: true,
      walletConnectRelayUrl: DEFAULT_WALLETCONNECT_RELAY,
      walletConnectProjectId: null,
      walletConnectVerify: true,
      updateFeedUrl: DEFAULT_UPDATE_FEED,
      automaticUpdates: true,
    };
    await openSettings(client);
    expect(themeRadio('Dark').checked).toBe(true);
    expect(defaultNetwork().value).toBe('8453');
    expect(currency().value).toBe('CHF');
    expect(priceService().checked).toBe(true);
    expect(screen.getByText('9.9.9-test')).toBeTruthy();
    expect(screen.getByText('Browser host, for development and testing')).toBeTruthy();
  });

  it('offers the currencies values can be shown in, and saves the choice through main', async () => {
    await openSettings(client);
    expect(Array.from(currency().options, (option) => option.value)).toEqual([
      'USD',
      'EUR',
      'GBP',
      'CHF',
      'JPY',
    ]);
    expect(currency().value).toBe('USD');
    await act(async () => fireEvent.change(currency(), { target: { value: 'GBP' } }));
    expect(client.calls.filter((call) => call.channel === 'settings.set')).toEqual([
      { channel: 'settings.set', request: { fiatCurrency: 'GBP' } },
    ]);
    expect(client.settings.fiatCurrency).toBe('GBP');
    expect(currency().value).toBe('GBP');
  });

  it('saves a theme through main and applies the stored result', async () => {
    await openSettings(client);
    await act(async () => fireEvent.click(themeRadio('Dark')));
    expect(client.calls).toContainEqual({ channel: 'settings.set', request: { theme: 'dark' } });
    expect(themeRadio('Dark').checked).toBe(true);
    expect(document.documentElement.dataset.theme).toBe('dark');
  });

  it('puts the stored value back and says why when main refuses a change', async () => {
    await openSettings(client);
    client.refuseNext('settings.set', {
      code: 'invalid_request',
      message: 'The settings store is read-only.',
    });
    await act(async () => fireEvent.click(themeRadio('Dark')));
    expect(themeRadio('System').checked).toBe(true);
    expect(screen.getByRole('alert').textContent).toContain('The settings store is read-only.');

    await act(async () => fireEvent.click(themeRadio('Light')));
    expect(themeRadio('Light').checked).toBe(true);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the top bar and the default network in step, both ways', async () => {
    // Both pickers offer only enabled networks.
    client.settings = { ...client.settings, enabledChainIds: [1, 42161, 10] };
    await openSettings(client);
    await act(async () => fireEvent.change(defaultNetwork(), { target: { value: '42161' } }));
    expect(topBarNetwork().value).toBe('42161');
    await act(async () => fireEvent.change(topBarNetwork(), { target: { value: '10' } }));
    expect(defaultNetwork().value).toBe('10');
  });

  it('follows changes main pushes from elsewhere', async () => {
    await openSettings(client);
    act(() =>
      client.pushSettings({
        theme: 'light',
        fiatCurrency: 'JPY',
        activeChainId: 100,
        enabledChainIds: [1],
        historyExplorers: false,
        priceService: true,
        walletConnectRelayUrl: DEFAULT_WALLETCONNECT_RELAY,
        walletConnectProjectId: null,
        walletConnectVerify: true,
        updateFeedUrl: DEFAULT_UPDATE_FEED,
        automaticUpdates: true,
      }),
    );
    expect(themeRadio('Light').checked).toBe(true);
    expect(topBarNetwork().value).toBe('100');
    expect(currency().value).toBe('JPY');
    expect(priceService().checked).toBe(true);
  });
});

const index = () => within(screen.getByRole('navigation', { name: 'Settings sections' }));
const sectionHeading = (name: string) => screen.getByRole('heading', { level: 2, name });

describe('the Settings index', () => {
  it('lists every section, in page order, each linking to its own address', async () => {
    await openSettings(client);
    const links = index().getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Appearance', '#/settings/appearance'],
      ['Preferences', '#/settings/preferences'],
      ['Networks', '#/settings/networks'],
      ['Prices', '#/settings/prices'],
      ['History sources', '#/settings/history-sources'],
      ['WalletConnect', '#/settings/walletconnect'],
      ['Sync', '#/settings/sync'],
      ['Secrets', '#/settings/secrets'],
      ['Local data', '#/settings/local-data'],
      ['Updates', '#/settings/updates'],
      ['About', '#/settings/about'],
    ]);
    // The page shows those sections in the same order (Sync's own subsections follow its heading).
    const titles = links.map((link) => link.textContent);
    const onPage = screen
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent)
      .filter((title) => titles.includes(title));
    expect(onPage).toEqual(titles);
  });

  it('opens at the section the address names, with its heading focused', async () => {
    await openPage(client, 'settings/networks', 'Settings');
    expect(document.activeElement).toBe(sectionHeading('Networks'));
  });

  it('moves to a section when its entry is followed, and again when it is followed twice', async () => {
    await openSettings(client);
    const secrets = index().getByRole('link', { name: 'Secrets' });
    await act(async () => {
      const changed = new Promise((resolve) =>
        window.addEventListener('hashchange', resolve, { once: true }),
      );
      fireEvent.click(secrets);
      location.hash = secrets.getAttribute('href') ?? '';
      await changed;
    });
    expect(document.activeElement).toBe(sectionHeading('Secrets'));

    // The address already names Secrets: following it again must still bring the section back.
    sectionHeading('About').focus();
    await act(async () => fireEvent.click(secrets));
    expect(document.activeElement).toBe(sectionHeading('Secrets'));
  });

  it('waits for a section that loads later, here Sync', async () => {
    const release = client.hold('sync.status');
    await openPage(client, 'settings/sync', 'Settings');
    expect(screen.queryByRole('heading', { level: 2, name: 'Sync' })).toBeNull();
    await act(async () => release());
    expect(document.activeElement).toBe(await screen.findByRole('heading', { level: 2, name: 'Sync' }));
  });

  it('opens at the start for a section it does not have, rather than saying the page is missing', async () => {
    await openPage(client, 'settings/advanced', 'Settings');
    expect(screen.queryByRole('heading', { level: 1, name: 'Page not found' })).toBeNull();
    expect(document.activeElement?.tagName).not.toBe('H2');
    expect(index().getAllByRole('link')).toHaveLength(11);
  });
});
